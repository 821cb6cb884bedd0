"""A worksheet part reads the same whether its <sheetData> is scanned or read by expat
(desktop/exchange/xlsx_sheet.py): the same cells in the same order, hidden rows and
columns, merges, and the same refusal of a part that is not well-formed. The plain
shapes spreadsheets write are scanned; everything else is left to expat."""

from __future__ import annotations

import datetime as dt
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from form_filling import fill
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.plan import Plan
from desktop.domain.plan_schema import parse_plan
from desktop.exchange import xlsx_sheet
from desktop.exchange.form_template import form_filename, write_form
from desktop.exchange.xlsx_model import XSheet
from desktop.exchange.xlsx_sheet import read_sheet

ROOT = Path(__file__).resolve().parent.parent
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
FORMATS = ("General", "0", "0.00%", "dd/mm/yyyy", "@")
STRINGS = ("một", "hai & ba", "Tử số")


def sheet_xml(data: str, before: str = "", after: str = "", prolog: str | None = None) -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' if prolog is None else prolog
    return (
        f'{head}<worksheet xmlns="{NS}">{before}<sheetData>{data}</sheetData>{after}</worksheet>'
    ).encode()


def outcome(read: Any, data: bytes) -> tuple[Any, ...]:
    sheet = XSheet("BaoCao", "visible")
    try:
        read(data, sheet, STRINGS, FORMATS)
    except Exception:
        return ("refused",)
    return (
        list(sheet.cells.items()),
        sorted(sheet.hidden_rows),
        sorted(sheet.hidden_cols),
        sheet.merged,
    )


def scanned(data: bytes) -> bool:
    return xlsx_sheet._scan(data, XSheet("BaoCao", "visible"), STRINGS, FORMATS)


def assert_same(data: bytes) -> tuple[Any, ...]:
    by_expat = outcome(xlsx_sheet._read_all, data)
    assert outcome(read_sheet, data) == by_expat
    return by_expat


COLS = '<cols><col min="1" max="1" width="9"/><col min="3" max="4" hidden="1"/></cols>'
MERGES = '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C5:A3"/></mergeCells>'
VALIDATION = (
    '<dataValidations count="1"><dataValidation type="custom" sqref="D13" prompt="a &gt; b">'
    "<formula1>IF(D13&gt;=0,TRUE,FALSE)</formula1></dataValidation></dataValidations>"
)
FOOTER = "<headerFooter><oddFooter>&amp;8 đơn vị 22810</oddFooter></headerFooter>"

PLAIN = {
    "numbers": '<row r="1"><c r="A1" s="1"><v>35</v></c><c r="B1" t="n"><v>-1.5E3</v></c></row>',
    "inline text": '<row r="2"><c r="A2" s="4" t="inlineStr"><is><t>Giá trị</t></is></c></row>',
    "empty inline": '<row r="2"><c r="G2" s="4" t="inlineStr"/><c r="F2" s="2"/></row>',
    "shared strings": '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"/></row>',
    "formulas": (
        '<row r="4"><c r="A4"><f>SUM(B4:C4)</f><v>3</v></c><c r="B4"><f>1/0</f></c>'
        '<c r="C4"><f t="shared" ref="C4:C9" si="0"/><v>2</v></c>'
        '<c r="D4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>'
    ),
    "booleans, errors, dates": (
        '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c>'
        '<c r="C5" t="e"><v>#DIV/0!</v></c><c r="D5" t="d"><v>2023-12-10</v></c>'
        '<c r="E5"><v>inf</v></c><c r="F5"><v> </v></c></row>'
    ),
    "without references": (
        '<row><c><v>1</v></c><c/><c s="3"><v>44824</v></c></row><row><c><v>2</v></c></row>'
    ),
    "hidden rows": '<row r="7" hidden="1"><c r="A7"><v>1</v></c></row><row r="8" hidden="true"/>',
    "references and line ends": (
        '<row r="9"><c r="A9" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; '
        "&#7885;&#x1EA1; &quot;&apos;\r\nTử số:\rx </t></is></c></row>"
    ),
    "attributes": (
        '<row r=\'10\' spans="1:7" x14ac:dyDescent="0.25">'
        '<c r = \'A10\' s="2"  t=\'n\' ><v>1</v></c><c r="B10" t="inline&#83;tr">'
        "<is><t>x</t></is></c></row>"
    ),
    "white space": '\n  <row r="11">\n    <c r="A11"><v>1</v></c>\n  </row>\n',
    "a cell outside a row": '<c r="A12"><v>5</v></c>',
    "nothing": "",
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_shapes_spreadsheets_write_are_scanned_and_read_as_expat_reads_them(
    name: str,
) -> None:
    for before, after in (("", ""), (COLS, MERGES + VALIDATION + FOOTER)):
        data = sheet_xml(PLAIN[name], before, after)
        assert scanned(data)
        assert assert_same(data) != ("refused",)


def test_a_scanned_part_has_its_hidden_columns_and_merges() -> None:
    data = sheet_xml(PLAIN["numbers"], COLS, MERGES + FOOTER)
    cells, rows, cols, merged = assert_same(data)
    assert cols == [3, 4] and merged == [(1, 1, 1, 2), (3, 1, 5, 3)]
    assert scanned(data)
    # the same part again (its tokens and its columns from the caches): the same
    assert assert_same(data) == (cells, rows, cols, merged)


LEFT_TO_EXPAT = {
    "a comment": sheet_xml('<row r="1"><!-- <c r="A1"><v>1</v></c> --></row>'),
    "a comment around sheetData": (
        f'<worksheet xmlns="{NS}"><!--<sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
        '</sheetData>--><x:sheetData xmlns:x="urn:x"/></worksheet>'
    ).encode(),
    "a processing instruction around sheetData": (
        f'<?xml version="1.0"?><worksheet xmlns="{NS}"><?x <sheetData><row r="1"><c r="A1">'
        '<v>1</v></c></row></sheetData>?><x:sheetData xmlns:x="urn:x"/></worksheet>'
    ).encode(),
    "CDATA": sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c></row>'
    ),
    "a processing instruction": sheet_xml('<row r="1"><?x y?><c r="A1"><v>1</v></c></row>'),
    "prefixed elements": (
        f'<x:worksheet xmlns:x="{NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>'
        "</x:row></x:sheetData></x:worksheet>"
    ).encode(),
    "rich text": sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Tử</t></r><r><t> số</t></r>'
        "</is></c></row>"
    ),
    "phonetic text": sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></is>'
        "</c></row>"
    ),
    "an empty value element": sheet_xml('<row r="1"><c r="A1"><v/></c></row>'),
    "a cell's extension": sheet_xml('<row r="1"><c r="A1"><v>1</v><extLst/></c></row>'),
    "UTF-16": sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', prolog="")
    .decode()
    .encode("utf-16"),
    "another encoding": sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>caf\xe9</t></is></c></row>',
        prolog='<?xml version="1.0" encoding="ISO-8859-1"?>',
    )
    .decode()
    .encode("latin-1"),
    "a cell after sheetData": sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        after='<extLst><c r="B2" ref="A1:A2"><v>2</v></c></extLst>',
    ),
    "a row after sheetData": sheet_xml(
        "", after='<extLst><row r="3" ref="A1" hidden="1"/></extLst>'
    ),
    "a phonetic run around nothing": sheet_xml("", after='<extLst><rPh ref="A1"/></extLst>'),
    "a self-closing sheetData": f'<worksheet xmlns="{NS}"><sheetData/></worksheet>'.encode(),
    "two sheetData": sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', after="<sheetData/>"),
    "text in a row": sheet_xml('<row r="1">x<c r="A1"><v>1</v></c></row>'),
    "a merge holding '>'": sheet_xml(
        "", after='<mergeCells><mergeCell x="a>b" ref="A1:B2"/></mergeCells>'
    ),
}


@pytest.mark.parametrize("name", sorted(LEFT_TO_EXPAT))
def test_other_shapes_are_left_to_expat_and_read_the_same(name: str) -> None:
    data = LEFT_TO_EXPAT[name]
    assert not scanned(data)
    assert_same(data)


@pytest.mark.parametrize(
    "name", ["a comment around sheetData", "a processing instruction around sheetData"]
)
def test_a_comment_around_sheetData_hides_its_cells_as_expat_hides_them(name: str) -> None:
    assert assert_same(LEFT_TO_EXPAT[name]) == ([], [], [], [])


REFUSED = {
    "a bare ampersand": '<row r="1"><c r="A1" t="inlineStr"><is><t>a & b</t></is></c></row>',
    "an unknown entity": '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
    "a reference to no character": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>'
    ),
    "a control character": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\x01</t></is></c></row>',
    "U+FFFF": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\uffff</t></is></c></row>',
    "']]>' in text": '<row r="1"><c r="A1" t="inlineStr"><is><t>]]></t></is></c></row>',
    "an end of row too many": '<row r="1"><c r="A1"><v>1</v></c></row></row>',
    "a row ended before it starts": '<c r="A1"><v>1</v></c></row><row r="2">',
    "a row not ended": '<row r="1"><c r="A1"><v>1</v></c>',
    "a repeated attribute": '<row r="1"><c r="A1" r="B1"><v>1</v></c></row>',
    "a repeated formula attribute": '<row r="1"><c r="A1"><f t="a" t="b"/></c></row>',
    "a bare ampersand in an attribute": '<row r="1" x="a&b"><c r="A1"><v>1</v></c></row>',
    "an unknown cell type": '<row r="1"><c r="A1" t="x"><v>1</v></c></row>',
    "a number that is none": '<row r="1"><c r="A1"><v>abc</v></c></row>',
    "a shared string not there": '<row r="1"><c r="A1" t="s"><v>9</v></c></row>',
    "a bad reference": '<row r="1"><c r="1A"><v>1</v></c></row>',
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_part_expat_refuses_is_refused_either_way(name: str) -> None:
    assert assert_same(sheet_xml(REFUSED[name])) == ("refused",)


@pytest.mark.parametrize(
    "after",
    [
        "<mergeCells><mergeCell ref='A1:B2'></mergeCells>",  # not well-formed
        '<mergeCells><mergeCell ref="1A:B2"/></mergeCells>',  # not a reference
        "<headerFooter><oddFooter>&bad;</oddFooter></headerFooter>",
    ],
)
def test_a_part_refused_outside_sheetData_is_refused_either_way(after: str) -> None:
    for _again in range(2):  # a refused part is not kept as read: refused again
        assert assert_same(sheet_xml(PLAIN["numbers"], after=after)) == ("refused",)


def test_the_same_cells_with_other_values_read_as_expat_reads_them() -> None:
    """Forms of a batch: the same part outside <sheetData>, the same cell attributes,
    other values (the parts and attributes met before come from caches)."""
    read = []
    for value in ("35", "36", "-1.5E3", "35"):
        data = sheet_xml(
            f'<row r="1"><c r="A1" s="1"><v>{value}</v></c><c r="B1" s="2"><v>{value}</v></c>'
            "</row>",
            COLS,
            MERGES + FOOTER,
        )
        assert scanned(data)
        read.append(assert_same(data))
    assert read[0] == read[3] != read[1]
    assert read[1][0][0][1].value == 36.0 and read[1][2] == [3, 4]


def test_invalid_utf8_is_refused_either_way() -> None:
    data = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>X</t></is></c></row>')
    assert assert_same(data.replace(b">X<", b">\xc3\x28<")) == ("refused",)


# ---- any cells, written as spreadsheets write them ---------------------------------------


def _escape(text: str, quote: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace(quote, "&quot;" if quote == '"' else "&apos;")


_text = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from("&<>\"'\r\n\t ]"), max_size=12
)
_cell = st.tuples(
    st.sampled_from(["n", "inlineStr", "s", "b", "e", "str", "d", None]),
    _text,
    st.one_of(st.none(), _text),  # a formula
    st.one_of(st.none(), st.integers(0, 6).map(str)),  # a style
    st.booleans(),  # with its reference
    st.sampled_from(['"', "'"]),
    st.sampled_from(["", " ", "\n  "]),
)
_row = st.tuples(st.lists(_cell, max_size=5), st.booleans(), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(_row, max_size=6))
def test_any_cells_read_the_same_scanned_or_by_expat(rows: list[Any]) -> None:
    out = []
    for r, (cells, hidden, numbered) in enumerate(rows, start=1):
        attrs = (f' r="{r}"' if numbered else "") + (' hidden="1"' if hidden else "")
        out.append(f"<row{attrs}>")
        for c, (t, text, formula, style, referenced, q, ws) in enumerate(cells, start=1):
            a = f" r={q}{chr(64 + c)}{r}{q}" if referenced else ""
            a += f" s={q}{style}{q}" if style is not None else ""
            a += f" t={q}{t}{q}" if t is not None else ""
            body = "" if formula is None else f"<f>{_escape(formula, q)}</f>"
            if t == "inlineStr":
                body += f"<is><t>{_escape(text, q)}</t></is>"
            elif t == "s":
                body += f"<v>{len(text) % 4}</v>"
            elif t in ("n", None):
                body += f"<v>{len(text) * 1.25}</v>" if text else ""
            else:
                body += f"<v>{_escape(text, q)}</v>"
            out.append(f"{ws}<c{a}>{body}</c>")
        out.append("</row>")
    data = sheet_xml("".join(out), COLS, MERGES + FOOTER)
    first = assert_same(data)
    assert assert_same(data) == first  # again, its rows and tokens from the caches


def test_a_row_met_before_reads_as_expat_reads_it_after_any_other_row() -> None:
    """A row taken whole from the cache (its number and references written out) leaves
    the next rows where expat puts them; a row whose number or references are implied
    is read after the rows before it, cached or not."""
    known = '<row r="2"><c r="A2"><v>1</v></c><c r="C2" s="1"/></row>'
    implied = "<row><c><v>7</v></c></row>"
    parts = [
        known,
        '<row r="1"><c><v>5</v></c></row>' + known + implied,
        known + implied + implied,
        implied + known + '<row r="4" hidden="1"><c r="B4"><v>2</v></c></row>' + implied,
        '<row r="9"/>' + known + "<c><v>3</v></c>",  # a cell outside any row
        known + known,  # the same row twice: the same cells
        known + "</row>",  # a row closed twice: not well-formed
    ]
    for data in parts:
        for _again in range(2):
            assert_same(sheet_xml(data))
    cells, rows, *_ = assert_same(sheet_xml(parts[3]))
    assert [rc for rc, _cell in cells] == [(1, 1), (2, 1), (4, 2), (5, 1)] and rows == [4]


# ---- a form as the office sends it and a person fills it -----------------------------------


def test_a_filled_form_is_scanned_and_read_as_expat_reads_it(tmp_path: Path) -> None:
    with (ROOT / "resources/plans/ninh-son-2022.toml").open("rb") as fh:
        plan: Plan = parse_plan(tomllib.load(fh))
    unit = next(u for u in plan.units if u.code == "22813")
    period = plan.period("2023")
    path = tmp_path / form_filename(plan, period, unit)
    write_form(
        plan,
        period,
        unit,
        path,
        office_name="Phòng Văn hóa và Thông tin",
        app_version="0.1.0",
        generated_at=dt.datetime(2023, 11, 1, 8, 0),
    )
    fill(path, {"HSCV_MANG": (35, 60), "SANG_KIEN": 2, "DANG_KY_TD": "Có"})
    with zipfile.ZipFile(path) as zf:
        parts = [zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/")]
    assert len(parts) == 2
    for data in parts:
        assert scanned(data)
        cells, *_ = assert_same(data)
        assert cells
