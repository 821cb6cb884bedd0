"""Numbers never contradict their verdict; aggregates round half-up from exact fractions;
the package's CSVs read alike in spreadsheets set to vi-VN and en-US.

One rounding function (vnformat.rounded) serves every screen, the xlsx, the PDF, the CSV
and the JSON: two places, half-up from the exact value; more places when two would cross
the criterion's threshold.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.evaluation import Outcome, evaluate_criterion
from desktop.domain.period_report import SubmissionInfo, build_period_report, to_json
from desktop.domain.plan import Operator, Plan, Unit
from desktop.domain.values import Value
from desktop.domain.vnformat import decimal_text, number, percent, rounded
from desktop.exchange.csv_tables import chitieu_table, csv_bytes, csv_number, tonghop_table
from desktop.exchange.export_input import ExportInput
from desktop.plan_catalog import load_bundled
from desktop.store.office import OfficeSettings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_bundled("ninh-son-2022")


def hscv(plan: Plan):
    return next(c for c in plan.criteria if c.indicator == "HSCV_MANG" and c.mandatory)


def report_of(plan: Plan, values: dict[str, tuple[int, int]]):
    units = [Unit(code, f"Xã {code}", "commune") for code in values]
    subs = {
        code: SubmissionInfo(
            code,
            dt.date(2023, 12, 1),
            "email",
            "received",
            {"HSCV_MANG": Value(numerator=float(n), denominator=float(d))},
        )  # fmt: skip
        for code, (n, d) in values.items()
    }
    return build_period_report(plan, plan.period("2023"), units, subs)


# ---- the rule -----------------------------------------------------------------------------


def test_half_up_from_the_exact_value() -> None:
    assert percent(Fraction(151992, 160000) * 100) == "95,00 %"  # 94,995 exactly
    assert f"{151992 / 160000 * 100:.2f}" == "94.99"  # what the float alone gives
    assert number(Fraction(5, 8)) == "0,63" and number(-2.5) == "-2,50"
    assert number(12345.5) == "12.345,50" and number(3) == "3"
    assert rounded(Fraction(1, 3) * 100) == Decimal("33.33")
    assert number(float("nan")) == "—"


def test_64_996_fails_and_never_shows_65(plan: Plan) -> None:
    c = hscv(plan)
    assert (c.op, c.threshold) == (Operator.GE, 65.0)
    r = evaluate_criterion(plan, c, Value(numerator=16249, denominator=25000))
    assert r.outcome is Outcome.FAIL
    assert r.rounded == Decimal("64.996")
    assert r.shown == "64,996 % (16.249/25.000)"
    assert r.explanation == "Không đạt: 64,996 % (16.249/25.000) < 65 %"
    ok = evaluate_criterion(plan, c, Value(numerator=16251, denominator=25000))
    assert ok.outcome is Outcome.PASS and ok.shown == "65,00 % (16.251/25.000)"


@settings(max_examples=300, deadline=None)
@given(
    d=st.integers(1, 10**7),
    frac=st.fractions(0, 1),
    t=st.integers(0, 10000).map(lambda k: k / 100),
    op=st.sampled_from([Operator.GE, Operator.GT, Operator.LE]),
)
def test_a_shown_value_always_agrees_with_its_verdict(d, frac, t, op) -> None:
    plan = load_bundled("ninh-son-2022")
    c = dataclasses.replace(hscv(plan), op=op, threshold=t)
    n = int(frac * d)
    r = evaluate_criterion(plan, c, Value(numerator=float(n), denominator=float(d)))
    shown = float(r.rounded)  # type: ignore[arg-type]
    holds = {Operator.GE: shown >= t, Operator.GT: shown > t, Operator.LE: shown <= t}[op]
    assert holds == (r.outcome is Outcome.PASS), (n, d, t, op, r.rounded)


# ---- every place that shows it --------------------------------------------------------------


def test_check_json_tables_and_xlsx_show_64_996(plan: Plan, tmp_path: Path) -> None:
    from desktop.exchange.export_xlsx import write_xlsx

    report = report_of(plan, {"40001": (16249, 25000)})
    data = to_json(report)
    (crit,) = [c for c in data["units"][0]["criteria"] if c["code"] == hscv(plan).code]
    assert (crit["result"], crit["value"]) == ("fail", 64.996)
    json.dumps(data, allow_nan=False)  # strict JSON

    inp = ExportInput(report, OfficeSettings())
    tong = tonghop_table(inp)
    col = next(i for i, c in enumerate(tong.columns) if c.key == hscv(plan).code)
    assert tong.rows[0][col] == Decimal("64.996")
    path = tmp_path / "r.xlsx"
    write_xlsx(inp, path)
    ws = openpyxl.load_workbook(path)["TongHop"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == 64.996]
    assert cells and all(c.number_format == '0.000" %"' for c in cells)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_pdf_shows_64_996_never_65(plan: Plan, tmp_path: Path) -> None:
    """The report PDF: the unit's value, its reason and the district's total agree with
    the verdict (the total is 16249/25000 too: one unit)."""
    from desktop.exchange.report_pdf import write_pdf

    report = report_of(plan, {"40001": (16249, 25000), "40002": (20000, 25000)})
    path = write_pdf(ExportInput(report, OfficeSettings()), tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert "64,996 %" in flat, flat
    assert "65,00 % < 65" not in flat and "65,00 % (16.249" not in flat


def test_check_screen_shows_64_996(plan: Plan, qtbot) -> None:
    from desktop.ui.check_model import shown_value

    report = report_of(plan, {"40001": (16249, 25000)})
    (u,) = report.units
    r = next(r for r in u.criteria if r.code == hscv(plan).code)
    assert shown_value(plan, r, u) == "64,996 % (16.249/25.000)"


def test_aggregates_round_half_up_from_the_exact_fraction(plan: Plan) -> None:
    report = report_of(plan, {"40001": (100000, 100000), "40002": (51992, 60000)})
    a = report.aggregate_of("HSCV_MANG")
    assert (a.numerator, a.denominator) == (151992, 160000)
    assert percent(a.exact) == "95,00 %"
    (ind,) = [i for i in to_json(report)["indicators"] if i["code"] == "HSCV_MANG"]
    assert ind["value"] == 95
    table = chitieu_table(ExportInput(report, OfficeSettings()))
    total = table.rows[-1]
    assert Decimal("95.00") in total


# ---- CSV in a spreadsheet --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.125, "3,1250"),
        (72.5, "72,50"),
        (Decimal("64.996"), "64,9960"),
        (Decimal("65.00"), "65,00"),
        (3125.0, "3125"),
        (58.333333333, "58,333333"),
        (-2.5, "-2,50"),
    ],
)
def test_csv_numbers(value, text) -> None:
    assert csv_number(value) == text


def _uno() -> bool:
    try:
        run = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True)
        return run.returncode == 0
    except OSError:
        return False


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
@pytest.mark.skipif(not _uno(), reason="python3-uno is not installed")
@pytest.mark.parametrize(("locale", "language"), [("en-US", "1033"), ("vi-VN", "1066")])
def test_csv_reads_alike_in_vi_and_en(plan: Plan, tmp_path: Path, locale, language) -> None:
    """'3.125' became 3125 under vi-VN: every number is now the same number or text."""
    from desktop.exchange.csv_tables import Column, SheetTable

    numbers = [3.125, 72.5, Decimal("64.996"), 3125.0, 58.333333333, 0.5, 1234.5]
    table = SheetTable("T", "t", "", [Column(f"c{i}", "number") for i in range(len(numbers))])
    table.add(list(numbers))
    path = tmp_path / "t.csv"
    path.write_bytes(csv_bytes(table))
    work = tmp_path / "lo"
    work.mkdir()
    run = subprocess.run(
        ["/usr/bin/python3", str(ROOT / "tests/lo_csv.py"), locale, language, str(path),
         str(work)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(work)},
    )  # fmt: skip
    lines = [x for x in run.stdout.splitlines() if x.startswith("[")]
    assert lines, run.stdout + run.stderr
    cells = json.loads(lines[-1])
    assert len(cells) == len(numbers)
    for (kind, shown, value), expected in zip(cells, numbers, strict=True):
        written = float(csv_number(expected).replace(",", "."))  # at most six places
        if kind == "VALUE":
            assert value == pytest.approx(written, abs=1e-12), (locale, shown)
        else:
            assert kind == "TEXT" and shown == csv_number(expected), (locale, shown)
    if locale == "vi-VN":
        assert all(kind == "VALUE" for kind, _s, _v in cells)  # the office's own numbers


def _half_up_by_fractions(x: Fraction, places: int) -> Decimal:
    """The definition: floor(|x|·10^p + 1/2) with the sign of x, in fractions."""
    scaled = x * 10**places
    n = int(abs(scaled) + Fraction(1, 2))
    return Decimal(-n if scaled < 0 else n).scaleb(-places)


@settings(max_examples=400)
@given(x=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
       places=st.integers(min_value=0, max_value=6))
def test_rounding_a_float_is_half_up_from_its_exact_binary_value(x, places):
    """rounded() rounds a float with Decimal arithmetic (fast); it gives exactly what
    the definition in fractions gives, ties included (0.125 -> 0,13; 2.675 is below
    2.675 in binary -> 2,67)."""
    assert rounded(x, places) == _half_up_by_fractions(Fraction(x), places)
    assert str(rounded(x, places)) == str(_half_up_by_fractions(Fraction(x), places))


@settings(max_examples=400)
@given(n=st.integers(min_value=-10**9, max_value=10**9),
       d=st.integers(min_value=1, max_value=10**9), places=st.integers(0, 6))
def test_rounding_a_ratio_is_half_up_from_its_exact_fraction(n, d, places):
    q = Fraction(n * 100, d)
    assert str(rounded(q, places)) == str(_half_up_by_fractions(q, places))


def test_rounding_ties_and_signs():
    assert str(rounded(0.125, 2)) == "0.13" and str(rounded(-0.125, 2)) == "-0.13"
    assert str(rounded(2.675, 2)) == "2.67"  # 2.67499999… in binary
    assert str(rounded(Fraction(151992 * 100, 160000), 2)) == "95.00"
    assert str(rounded(1e12, 2)) == "1000000000000.00"


@settings(max_examples=300)
@given(x=st.one_of(st.integers(-10**16, 10**16),
                   st.floats(allow_nan=False, allow_infinity=False, min_value=-1e17,
                             max_value=1e17)))
def test_a_whole_number_is_shown_as_rounding_to_no_places_shows_it(x):
    """number() writes a count without the Decimal detour; the text is the same."""
    want = decimal_text(rounded(x, 0 if float(x).is_integer() else 2))
    assert number(x) == want


def test_the_printed_check_table_shows_64_996(plan: Plan) -> None:
    """The print preview's check table (exchange.report_html) shows what the screen shows."""
    from desktop.exchange.report_html import check_html

    html = check_html(report_of(plan, {"40001": (16249, 25000)}), "Phòng Văn hóa")
    html = html.replace("\u00a0", " ").replace("&nbsp;", " ")  # '%' is held to its number
    assert "64,996 % (16.249/25.000)" in html and "65,00 %" not in html
