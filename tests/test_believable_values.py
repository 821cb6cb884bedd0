"""Believable values: bounds come from the plan, stated once (values.bounds) and enforced
alike by the form's validation, the report editor and the import; NaN and infinities are
refused everywhere; a report is never received in the future nor before its period; what
a person types is read by one parser each, the exact inverse of what is shown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import tomllib
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import DomainError, ValueProblem
from desktop.domain.plan_schema import parse_plan
from desktop.domain.values import (
    MAX_COUNT,
    Value,
    bounds,
    check_received,
    parse_day,
    parse_flag,
    parse_number,
    validate_value,
)
from desktop.domain.vnformat import day, number, rounded, yes_no
from desktop.exchange.form_reader import FormRejected, read_form
from desktop.exchange.form_template import form_filename, write_form
from desktop.plan_catalog import load_bundled

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def qn():
    return load_bundled("quang-ninh-2022")


# ---- one parser each, the inverse of what is shown ------------------------------------------


@given(st.floats(-1e15, 1e15, allow_nan=False), st.sampled_from([None, 0, 2, 3]))
def test_parse_number_inverts_number(x: float, places: int | None) -> None:
    shown = number(x, places)
    assert parse_number(shown) == float(
        rounded(x, places if places is not None else (0 if float(x).is_integer() else 2))
    )


@given(st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)))
def test_parse_day_inverts_day(d: dt.date) -> None:
    assert parse_day(day(d)) == d


@given(st.booleans())
def test_parse_flag_inverts_yes_no(b: bool) -> None:
    assert parse_flag(yes_no(b)) is b


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "1e308", "1e400", "Infinity"])
def test_no_nan_or_infinity_is_a_number(text: str) -> None:
    with pytest.raises(ValueProblem, match="không phải là số"):
        parse_number(text, "điểm")


def test_plan_editor_refuses_nan() -> None:
    from desktop.ui.plan_page import parse_number as plan_number

    for text in ("nan", "inf", "1e999"):
        with pytest.raises(ValueError, match="không phải là số"):
            plan_number(text)
    assert plan_number("65,5") == 65.5


@pytest.mark.parametrize(("text", "why"), [("31/02/2023", "không tồn tại"),
                                           ("5/1/24", "dd/mm/yyyy")])  # fmt: skip
def test_parse_day_refuses(text: str, why: str) -> None:
    with pytest.raises(ValueProblem, match=why):
        parse_day(text)


# ---- bounds from the plan ------------------------------------------------------------------


def test_a_score_on_the_plans_scale(qn) -> None:
    dti = qn.indicator("DIEM_DTI")
    assert dti.maximum == 100 and bounds(dti) == (0.0, 100.0)
    assert validate_value(dti, Value(number=99.5)) == Value(number=99.5)
    for bad in (120, 850, 1e308):
        with pytest.raises(ValueProblem, match=r"lớn hơn điểm tối đa 100 \(thang điểm 100\)"):
            validate_value(dti, Value(number=bad))
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueProblem, match="không phải là số hợp lệ"):
            validate_value(dti, Value(number=bad))


def test_a_score_without_a_scale_is_still_finite_and_bounded(qn) -> None:
    free = dataclasses.replace(qn.indicator("DIEM_DTI"), maximum=None)
    assert validate_value(free, Value(number=850)) == Value(number=850)
    with pytest.raises(ValueProblem, match="quá lớn"):
        validate_value(free, Value(number=1e308))


def test_a_count_can_be_bounded() -> None:
    ns = load_bundled("ninh-son-2022")
    count = next(i for i in ns.indicators if i.kind.value == "count")
    capped = dataclasses.replace(count, maximum=50)
    assert bounds(capped) == (0.0, 50.0) and bounds(count) == (0.0, float(MAX_COUNT))
    with pytest.raises(ValueProblem, match="lớn hơn mức tối đa 50 của kế hoạch"):
        validate_value(capped, Value(number=51))


def _doc(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_plan_files_refuse_nan_thresholds_and_scales(bad: float) -> None:
    doc = _doc(ROOT / "resources/plans/quang-ninh-2022.toml")
    numeric = next(c for c in doc["criteria"] if isinstance(c.get("threshold"), int | float))
    numeric["threshold"] = bad
    with pytest.raises(DomainError, match="số hữu hạn"):
        parse_plan(doc)
    doc = _doc(ROOT / "resources/plans/quang-ninh-2022.toml")
    next(i for i in doc["indicators"] if i["code"] == "DIEM_DTI")["maximum"] = bad
    with pytest.raises(DomainError, match="'maximum' phải là một số hữu hạn"):
        parse_plan(doc)


@pytest.mark.parametrize(
    ("threshold", "why"),
    [(120, "ngưỡng 120 lớn hơn mức tối đa 100 của chỉ tiêu"),
     (850, "ngưỡng 850 lớn hơn mức tối đa 100 của chỉ tiêu"),
     (1e308, "ngưỡng 1e+308 lớn hơn mức tối đa 100 của chỉ tiêu")],
)  # fmt: skip
def test_a_threshold_no_value_can_reach_is_refused_in_plan_files(threshold, why) -> None:
    """A score's criterion above the plan's own scale (Quảng Ninh's DTI, thang điểm 100)."""
    doc = _doc(ROOT / "resources/plans/quang-ninh-2022.toml")
    next(c for c in doc["criteria"] if c.get("indicator") == "DIEM_DTI")["threshold"] = threshold
    with pytest.raises(DomainError, match=re.escape(why)):
        parse_plan(doc)


def test_a_threshold_no_value_can_reach_is_refused_by_the_plan_editor_and_the_store() -> None:
    from desktop.domain.plan_rules import CriterionEdit, criterion_problem, number_problem

    edit = CriterionEdit("C", ">=", 1e308, True)
    assert criterion_problem("count", edit) == "ngưỡng 1e+308 quá lớn (tối đa 1.000.000.000.000)"
    assert criterion_problem("score", edit, 100.0) == (
        "ngưỡng 1e+308 lớn hơn mức tối đa 100 của chỉ tiêu"
    )
    assert criterion_problem("score", CriterionEdit("C", ">=", 100.0, True), 100.0) is None
    assert number_problem("count", float(MAX_COUNT)) is None
    assert "vượt quá 100 %" in str(number_problem("ratio", 1e308))


def test_the_plan_editor_refuses_a_threshold_over_the_scale(qapp, qn, tmp_path) -> None:
    """Typed in the Kế hoạch page's criteria table, then saved through the store."""
    from desktop.domain.plan_rules import CriterionEdit
    from desktop.store.database import Database
    from desktop.store.errors import StoreError
    from desktop.store.plan_edit import apply_plan_edits
    from desktop.store.plans import install_plan
    from desktop.ui.plan_page import CriteriaTableModel

    model = CriteriaTableModel()
    model.load([CriterionEdit(c.code, c.op.value, c.threshold, c.mandatory)
                for c in qn.criteria], qn)  # fmt: skip
    row = next(r for r in range(model.rowCount()) if model.criterion(r).indicator == "DIEM_DTI")
    index = model.index(row, model.COL_THRESHOLD)
    for typed in ("120", "1" + "0" * 308, "1e308", "nan"):
        assert not model.setData(index, typed), typed
    assert model.setData(index, "90")
    code = model.criterion(row).code
    with Database.open(tmp_path / "p.db", create=True, backup=False) as db:
        with db.transaction("test") as s:
            install_plan(s, qn)
        with db.transaction("test") as s, pytest.raises(StoreError, match="mức tối đa 100"):
            apply_plan_edits(s, criteria=[CriterionEdit(code, ">=", 120.0, True)])


def test_the_form_states_the_same_bounds_and_the_import_enforces_them(qn, tmp_path) -> None:
    unit = next(u for u in qn.units if "DIEM_DTI" in {i.code for i in qn.indicators_for(u.kind)})
    period = qn.periods[0]
    path = tmp_path / form_filename(qn, period, unit)
    write_form(qn, period, unit, path, office_name="Sở", app_version="t",
               generated_at=dt.datetime(2023, 1, 1))  # fmt: skip
    wb = openpyxl.load_workbook(path)
    ws = wb["BaoCao"]
    ref = None
    for row in ws.iter_rows():
        if row[0].value == "DIEM_DTI":
            ref = f"F{row[0].row}"
    assert ref is not None
    (dv,) = [d for d in ws.data_validations.dataValidation if ref in d.sqref]
    assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("decimal", "between", "0", "100")
    assert "thang điểm 100" in dv.error and "từ 0 đến 100" in dv.prompt
    for bad, why in (
        (120, "lớn hơn điểm tối đa 100 (thang điểm 100)"),
        (850, "lớn hơn điểm tối đa 100 (thang điểm 100)"),
    ):
        ws[ref] = bad
        wb.save(path)
        with pytest.raises(FormRejected) as info:
            read_form(path, qn)
        ((cell, reason),) = [(p.cell, p.reason) for p in info.value.problems]
        assert cell == ref and why in reason


def test_nan_in_a_file_is_refused(qn, tmp_path) -> None:
    """A crafted file whose cell holds NaN (no spreadsheet writes it) is refused."""
    import zipfile

    unit = next(u for u in qn.units if "DIEM_DTI" in {i.code for i in qn.indicators_for(u.kind)})
    src = tmp_path / "a.xlsx"
    write_form(qn, qn.periods[0], unit, src, office_name="Sở", app_version="t",
               generated_at=dt.datetime(2023, 1, 1))  # fmt: skip
    wb = openpyxl.load_workbook(src)
    ws = wb["BaoCao"]
    ref = next(f"F{r[0].row}" for r in ws.iter_rows() if r[0].value == "DIEM_DTI")
    ws[ref] = 12345.5
    wb.save(src)
    out = tmp_path / "nan.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb"<v>12345.5</v>", b"<v>NaN</v>", data)
                assert n == 1
            zout.writestr(info.filename, data)
    with pytest.raises(FormRejected) as info:
        read_form(out, qn)
    assert [p.cell for p in info.value.problems] == [ref]


# ---- the received date --------------------------------------------------------------------


def test_received_date_is_neither_future_nor_before_the_period() -> None:
    today = dt.date(2024, 3, 1)
    check_received(dt.date(2024, 2, 29), dt.date(2023, 1, 1), today)
    with pytest.raises(ValueProblem, match="ở tương lai"):
        check_received(dt.date(2024, 3, 2), dt.date(2023, 1, 1), today)
    with pytest.raises(ValueProblem, match="trước ngày bắt đầu kỳ báo cáo"):
        check_received(dt.date(2022, 12, 31), dt.date(2023, 1, 1), today)


def test_cli_refuses_a_future_received_date(demo_db, tmp_path, capsys) -> None:
    from desktop.cli import main

    form = tmp_path / "f.xlsx"
    assert main(["--db", str(demo_db), "template", "--period", "2024", "--unit", "22813",
                 "--output", str(form)]) == 0  # fmt: skip
    wb = openpyxl.load_workbook(form)
    ws = wb["BaoCao"]
    ref = next(f"F{r[0].row}" for r in ws.iter_rows() if r[0].value == "SANG_KIEN")
    ws[ref] = 2
    wb.save(form)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    capsys.readouterr()
    code = main(["--db", str(demo_db), "import", str(form), "--received", future])
    out = capsys.readouterr().out
    assert code == 1 and "ở tương lai" in out and "Traceback" not in out
    assert "Không có gì được ghi" in out
    code = main(["--db", str(demo_db), "import", str(form), "--received", "31/12/2023"])
    out = capsys.readouterr().out
    assert code == 1 and "Không có gì được ghi" in out
    assert "ngày nhận 31/12/2023 trước ngày bắt đầu kỳ báo cáo (01/01/2024)" in out


def test_check_json_is_strict(demo_db, capsys) -> None:
    from desktop.cli import main

    assert main(["--db", str(demo_db), "check", "--period", "2023", "--format", "json"]) == 0
    text = capsys.readouterr().out

    def refuse(name: str) -> None:
        raise AssertionError(f"not strict JSON: {name}")

    json.loads(text, parse_constant=refuse)


# ---- one parser each: nothing else in the product reads what a person typed ----------------

# Machine formats only (written by the application itself, or ISO by a file format's rule):
MACHINE_DATES = {
    ("desktop/exchange/form_reader.py", "fromisoformat"),  # _meta generated_at
    ("desktop/domain/province.py", "fromisoformat"),  # a package's manifest and values
    ("desktop/domain/plan_schema.py", "fromisoformat"),  # TOML dates in a plan file
    ("desktop/store/stored_days.py", "fromisoformat"),  # dates as SQLite stores them
}


def test_typed_numbers_days_and_yes_no_are_read_only_by_values_parse() -> None:
    """A date read anywhere but values.parse_day is a machine format on a known list; no
    widget's text goes to float()/int(); the form reader's and the command line's day and
    yes/no go through values.parse_day/parse_flag."""
    import ast

    found: set[tuple[str, str]] = set()
    text_to_number: list[str] = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "desktop/domain/values.py" or "/forms/" in rel:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr in ("strptime", "fromisoformat"):
                found.add((rel, f.attr))
            if isinstance(f, ast.Name) and f.id in ("float", "int") and node.args:
                arg = node.args[0]
                while isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute):
                    if arg.func.attr in ("text", "currentText", "toPlainText"):
                        text_to_number.append(f"{rel}:{node.lineno}")
                        break
                    arg = arg.func.value
    assert found == MACHINE_DATES
    assert text_to_number == []
    for module in ("desktop/exchange/form_cells.py", "desktop/cli/support.py"):
        source = (ROOT / module).read_text(encoding="utf-8")
        assert "parse_day" in source and r"\d{4}" not in source, module  # no own date regex
    assert "parse_flag" in (ROOT / "desktop/exchange/form_cells.py").read_text(encoding="utf-8")


def test_the_command_line_reads_a_day_as_everywhere_else() -> None:
    import argparse

    from desktop.cli.support import iso_date

    assert iso_date("2023-12-10") == iso_date("10/12/2023") == dt.date(2023, 12, 10)
    with pytest.raises(argparse.ArgumentTypeError, match="ngày '31/02/2023' không tồn tại"):
        iso_date("31/02/2023")
    with pytest.raises(argparse.ArgumentTypeError, match="gõ dạng dd/mm/yyyy"):
        iso_date("12/2023")


def test_every_json_output_is_strict_even_with_infinities_stored_elsewhere(demo_db, capsys) -> None:
    """No entry of the application stores NaN or an infinity; a database written by
    another program can (SQLite keeps 9e999 as Inf): values here (a plan's numbers are
    refused as read: test_an_infinity_or_nan_stored_in_the_plan_is_refused_by_name). Every
    `--format json` is still strict JSON, the text outputs have no traceback, and the
    value is no value (incomplete), never a pass."""
    import sqlite3

    from desktop.cli import main

    con = sqlite3.connect(demo_db)
    with con:
        sub = con.execute(
            "SELECT s.id FROM submission s JOIN period p ON p.id = s.period_id "
            "WHERE p.code = '2023' ORDER BY s.id LIMIT 1"
        ).fetchone()[0]
        con.execute(
            "UPDATE value SET numerator = 9e999 WHERE submission_id = ? AND numerator IS NOT NULL",
            (sub,),
        )
        con.execute(
            "UPDATE value SET number = -9e999 WHERE submission_id = ? AND number IS NOT NULL",
            (sub,),
        )
    con.close()

    def refuse(name: str) -> None:
        raise AssertionError(f"not strict JSON: {name}")

    db = ["--db", str(demo_db)]
    for command in (["check", "--period", "2023"], ["units"], ["periods"], ["plans"],
                    ["office"], ["proposals", "list", "--review", "2023"],
                    ["proposals", "check", "--review", "2023"],
                    ["proposals", "suggest", "--review", "2023"]):  # fmt: skip
        capsys.readouterr()
        main([*db, *command, "--format", "json"])
        out, err = capsys.readouterr()
        assert "Lỗi không mong đợi" not in out + err, command
        json.loads(out, parse_constant=refuse)
        main([*db, *command])
        out, err = capsys.readouterr()
        assert "Lỗi không mong đợi" not in out + err and "inf" not in out.lower(), command
    main([*db, "check", "--period", "2023", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    explained = json.dumps(data, ensure_ascii=False)
    assert "số đã lưu không phải là số hợp lệ (vô cực hoặc NaN)" in explained


def test_the_report_editor_enforces_the_same_bounds(qapp, qn) -> None:
    """The editor's row for Quảng Ninh's DTI (thang điểm 100) refuses what the form's
    validation and the import refuse, with the same reason."""
    from PySide6.QtWidgets import QWidget

    from desktop.ui.indicator_row import IndicatorRow

    parent = QWidget()
    ind = qn.indicator("DIEM_DTI")
    row = IndicatorRow(qn, ind, [c for c in qn.criteria if c.indicator == ind.code], False, parent)
    for typed, why in (
        ("120", "Điểm 120 lớn hơn điểm tối đa 100 (thang điểm 100)"),
        ("850", "Điểm 850 lớn hơn điểm tối đa 100 (thang điểm 100)"),
        ("1" + "0" * 308, "Điểm 1e+308 lớn hơn điểm tối đa 100 (thang điểm 100)"),
        ("1e308", "Điểm '1e308' không phải là số"),
        ("nan", "Điểm 'nan' không phải là số"),
        ("-1", "Điểm -1 là số âm"),
    ):
        row.edits[0].setText(typed)
        assert row.read() == (None, why), typed
    row.edits[0].setText("99,5")
    assert row.read() == (Value(number=99.5), None)


@pytest.mark.parametrize(
    ("table", "column", "where", "value", "shown"),
    [
        ("quota", "leader_share_max", "id = (SELECT MIN(id) FROM quota)", math.inf,
         "hạn mức \u201cGiấy khen của Chủ tịch UBND huyện\u201d kỳ 2023 (bảng quota, cột "
         "leader_share_max): giá trị đã lưu là vô cực"),
        ("quota", "leader_share_max", "id = (SELECT MIN(id) FROM quota)", 150.0,
         "(bảng quota, cột leader_share_max): tỷ lệ lãnh đạo 150 % phải trong khoảng 0-100 %"),
        ("criterion", "threshold_number", "code = 'XA_HSCV'", -math.inf,
         "tiêu chí XA_HSCV (bảng criterion, cột threshold_number): giá trị đã lưu là âm vô cực"),
        ("indicator", "maximum", "code = (SELECT indicator_code FROM criterion "
         "WHERE code = 'XA_HSCV')", math.inf,
         "(bảng indicator, cột maximum): giá trị đã lưu là vô cực"),
        ("quota", "leader_share_max", "id = (SELECT MIN(id) FROM quota)", math.nan,
         "(bảng quota, cột leader_share_max): giá trị đã lưu là NaN"),
    ],
)  # fmt: skip
def test_an_infinity_or_nan_stored_in_the_plan_is_refused_by_name(
    demo_target, capsys, table, column, where, value, shown
) -> None:
    """Another program wrote a number no plan file nor the plan editor accepts into the
    plan's rows: every command reading the plan refuses with the row and the column (on
    the sqlite3 path of `check` and through the session alike), prints nothing else, and
    writes nothing."""
    from engines import is_server, sql

    from desktop.cli import main

    if math.isnan(value) and not is_server(demo_target):
        value = math.inf  # SQLite stores NaN as NULL: only a server can hold it
        shown = shown.replace("NaN", "vô cực")
    sql(demo_target, f"UPDATE {table} SET {column} = :v WHERE {where}", v=value)
    before = sql(demo_target, "SELECT count(*) FROM audit_log")
    for command in (["check", "--period", "2023"], ["check", "--period", "2023", "--format",
                    "json"], ["proposals", "check", "--review", "2023"],
                    ["proposals", "list", "--review", "2023"],
                    ["proposals", "add", "--review", "2023", "--collective", "22831"]):  # fmt: skip
        capsys.readouterr()
        code = main(["--db", demo_target, *command])
        out, err = capsys.readouterr()
        assert code == 1 and out == "", command
        assert "Kế hoạch lưu trong cơ sở dữ liệu có số không dùng được" in err, command
        assert shown in err and "Lỗi không mong đợi" not in err, command
    assert sql(demo_target, "SELECT count(*) FROM audit_log") == before


@pytest.mark.parametrize(
    ("typed", "yes"),
    [("c", True), ("C", True), ("có", True), (" CÓ ", True), ("co", True),
     (unicodedata.normalize("NFD", "có"), True), ("y", True), ("yes", True),
     ("", False), ("k", False), ("K", False), ("không", False), ("khong", False),
     ("x", False), ("1", False), ("cóc", False)],
)  # fmt: skip
def test_the_terminal_c_k_question_reads_co_as_every_reader_does(typed, yes) -> None:
    """A [c/K] question (a new signer, an unsigned package) takes Có in every spelling
    domain.values.parse_flag takes (a terminal may send 'có' decomposed) and the prompt's
    letter c; anything else is the default No."""
    from desktop.cli.reports import is_yes

    assert is_yes(typed) is yes


def test_the_history_reads_the_audit_logs_numbers_as_machine_text(qapp) -> None:
    """The audit log keeps Python's text of a float: '1.234' is one point two, not the
    Vietnamese 1.234 (twelve hundred) parse_number would read."""
    from desktop.ui.history_page import shown_value

    assert shown_value("58.33") == "58,33"
    assert shown_value("1.25") == "1,25"
    assert shown_value("1.234") != "1.234"  # never shown as a thousands-grouped number
    assert shown_value("1.234").startswith("1,2")


def test_the_window_refuses_a_stored_plan_with_an_infinity_by_name(
    qtbot, demo_db, monkeypatch
) -> None:
    """Opening such a database in the window: the same refusal, in a message box, and
    no database shown (never 'Lỗi không mong đợi')."""
    import sqlite3

    from desktop.ui import errors
    from desktop.ui.main_window import MainWindow

    con = sqlite3.connect(demo_db)
    with con:
        con.execute("UPDATE quota SET leader_share_max = 9e999")
    con.close()
    said: list[tuple[str, str]] = []
    for kind in ("show_info", "show_error", "show_error_blocking"):
        monkeypatch.setattr(errors, kind, lambda _p, text, *a, k=kind, **kw: said.append((k, text)))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.start(demo_db)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    ((kind, text),) = said
    assert kind == "show_error_blocking" and "Lỗi không mong đợi" not in text
    assert "Kế hoạch lưu trong cơ sở dữ liệu có số không dùng được" in text
    assert "(bảng quota, cột leader_share_max): giá trị đã lưu là vô cực" in text
    assert w.ctx is None
    w.close()
