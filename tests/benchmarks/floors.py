"""The floors: the least a program must do to give a person the same result.

    python tests/benchmarks/floors.py NAME ARGS...

Each floor runs as a whole process, timed from spawn to exit like the product's command
it is set against, and imports only what it needs (the standard library, sqlite3, and
the one library named in its label). They are the baselines of the benchmarks' ratios:
- periods: python + sqlite3 reading the periods, printed;
- check:   python + one sqlite3 GROUP BY over the period's values, printed as JSON
           (beside it, as a reference and no target's floor, check_units: the period's
           units and values written as JSON in check's shape, nothing judged);
- import:  python-calamine reading the forms' cells + one fsynced sqlite3 transaction
           per file writing the same rows (submission, values, review event) and one
           audit row for each;
- xlsx:    XlsxWriter writing the same cells to the same sheets;
- pdf:     a reportlab canvas drawing the same text (the product PDF's lines, page by
           page) with the same font;
- window:  a bare PySide6 window showing one sqlite3 aggregate in a label.
"""

from __future__ import annotations

import sys

PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON")


def periods(db: str) -> None:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for code, label, deadline in con.execute(
            "SELECT code, label, deadline FROM period ORDER BY starts"):
        print(f"{code}  {label}  {deadline}")


AGGREGATE = """
SELECT v.indicator_code, COUNT(*), SUM(v.numerator), SUM(v.denominator), AVG(v.number),
       MIN(v.number), MAX(v.number), SUM(v.flag), MIN(v.day), MAX(v.day)
FROM value v JOIN submission s ON s.id = v.submission_id
JOIN period p ON p.id = s.period_id
WHERE p.code = ?
GROUP BY v.indicator_code
"""


def check(db: str, period: str) -> None:
    import json
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(AGGREGATE, (period,)).fetchall()
    print(json.dumps(rows, ensure_ascii=False))


def check_units(db: str, period: str) -> None:
    """Not a target's floor, a reference beside check's: python + sqlite3 reading the
    period's units, submissions and values and writing one JSON object per unit with
    each value (a ratio as its percent), the shape of check's output without judging,
    ranking, explanations or aggregates."""
    import json
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (pid,) = con.execute("SELECT id FROM period WHERE code = ?", (period,)).fetchone()
    subs = {unit: (sid, received, channel, state) for sid, unit, received, channel, state
            in con.execute("SELECT id, unit_id, received_on, channel, state FROM submission "
                           "WHERE period_id = ?", (pid,))}
    values: dict[int, list[dict[str, object]]] = {}
    for sid, code, n, d, x, f, day in con.execute(
            "SELECT v.submission_id, v.indicator_code, v.numerator, v.denominator, v.number, "
            "v.flag, v.day FROM value v JOIN submission s ON s.id = v.submission_id "
            "WHERE s.period_id = ?", (pid,)):
        shown = (round(100 * n / d, 2) if n is not None and d else x if x is not None
                 else bool(f) if f is not None else day)
        values.setdefault(sid, []).append({"code": code, "value": shown})
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out = sys.stdout
    out.write('{"units":[')
    for i, (uid, code, name, kind, block) in enumerate(con.execute(
            "SELECT id, code, name, kind, block FROM unit ORDER BY code")):
        sub = subs.get(uid)
        out.write(("," if i else "") + dump({
            "code": code, "name": name, "kind": kind, "block": block,
            "received_on": sub[1] if sub else None, "channel": sub[2] if sub else None,
            "state": sub[3] if sub else None,
            "criteria": values.get(sub[0], []) if sub else []}))
    out.write("]}\n")


def _form_values(rows: list[list[object]], kinds: dict[str, str]) -> dict[str, dict]:
    """The values of the BaoCao sheet's rows, by indicator code (found by the labels)."""
    import datetime as dt

    header = next(i for i, r in enumerate(rows)
                  if {"Mã", "Tử số", "Mẫu số", "Giá trị"} <= {str(c).strip() for c in r})
    col = {str(c).strip(): j for j, c in enumerate(rows[header])}
    out = {}
    for r in rows[header + 1:]:
        code = r[col["Mã"]]
        if code not in kinds:
            continue
        v: dict[str, object] = dict.fromkeys(("numerator", "denominator", "number", "flag",
                                              "day"))
        kind, given = kinds[str(code)], r[col["Giá trị"]]
        if kind == "ratio":
            v["numerator"], v["denominator"] = r[col["Tử số"]], r[col["Mẫu số"]]
        elif kind == "bool":
            v["flag"] = given == "Có"
        elif kind == "date":
            v["day"] = given.date() if isinstance(given, dt.datetime) else given
        else:
            v["number"] = given
        out[str(code)] = v
    return out


def import_forms(db: str, folder: str) -> None:
    import datetime as dt
    import getpass
    import hashlib
    import json
    import sqlite3
    from pathlib import Path

    from python_calamine import CalamineWorkbook

    con = sqlite3.connect(db, isolation_level=None)
    for pragma in PRAGMAS:
        con.execute(pragma)
    units = dict(con.execute("SELECT code, id FROM unit"))
    period_ids = dict(con.execute("SELECT code, id FROM period"))
    kinds = dict(con.execute("SELECT code, kind FROM indicator"))
    user = getpass.getuser()
    now = dt.datetime.now().replace(microsecond=0)

    def audit(table: str, row: dict[str, object]) -> tuple[object, ...]:
        new = json.dumps({k: v.isoformat() if isinstance(v, dt.date) else v
                          for k, v in row.items()}, ensure_ascii=False)
        return (now, user, "insert", table, row["id"], "", None, new, reason)

    for path in sorted(Path(folder).glob("*.xlsx")):
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        wb = CalamineWorkbook.from_path(str(path))
        meta = {str(r[0]): str(r[1]) for r in wb.get_sheet_by_name("_meta").to_python()}
        values = _form_values(wb.get_sheet_by_name("BaoCao").to_python(), kinds)
        reason = f"Nhập biểu mẫu {path.name}"
        con.execute("BEGIN IMMEDIATE")
        sub = {"unit_id": units[meta["unit"]], "period_id": period_ids[meta["period"]],
               "received_on": dt.date(2023, 12, 10), "channel": "usb", "state": "received",
               "state_changed_at": now, "return_reason": "", "source_file": path.name,
               "source_sha256": sha, "prepared_by": "", "note": "", "created_at": now}
        cur = con.execute(f"INSERT INTO submission ({', '.join(sub)}) VALUES "
                          f"({', '.join('?' * len(sub))})", list(sub.values()))
        sub = {"id": cur.lastrowid, **sub}
        audits = [audit("submission", sub)]
        for code, v in values.items():
            row = {"submission_id": sub["id"], "indicator_code": code, **v}
            cur = con.execute("INSERT INTO value (submission_id, indicator_code, numerator, "
                              "denominator, number, flag, day) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              list(row.values()))
            audits.append(audit("value", {"id": cur.lastrowid, **row}))
        event = {"submission_id": sub["id"], "at": now, "from_state": None,
                 "to_state": "received", "reason": "Nhận báo cáo", "user": user}
        cur = con.execute("INSERT INTO review_event (submission_id, at, from_state, to_state, "
                          "reason, user) VALUES (?, ?, ?, ?, ?, ?)", list(event.values()))
        audits.append(audit("review_event", {"id": cur.lastrowid, **event}))
        con.executemany("INSERT INTO audit_log (at, user, action, table_name, row_id, field, "
                        "old_value, new_value, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        audits)
        con.execute("COMMIT")  # synchronous=FULL: fsynced
        print(f"{path.name}: {len(values)}")
    con.close()


def xlsx(cells: str, out: str) -> None:
    import pickle

    import xlsxwriter

    with open(cells, "rb") as fh:
        sheets = pickle.load(fh)
    wb = xlsxwriter.Workbook(out, {"constant_memory": True,
                                   "default_date_format": "dd/mm/yyyy"})
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
    wb.close()


def pdf(pages_json: str, font: str, out: str) -> None:
    import json

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    with open(pages_json, encoding="utf-8") as fh:
        pages = json.load(fh)
    pdfmetrics.registerFont(TTFont("Floor", font))
    c = Canvas(out, pagesize=A4)
    for lines in pages:
        c.setFont("Floor", 11)
        y = A4[1] - 50
        for line in lines:
            c.drawString(40, y, line)
            y -= 12
        c.showPage()
    c.save()


WINDOW_AGGREGATE = """
SELECT COUNT(*), SUM(s.received_on <= p.deadline) FROM submission s
JOIN period p ON p.id = s.period_id WHERE p.code = (SELECT MAX(code) FROM period)
"""


def window(db: str) -> None:
    import sqlite3
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1100, 700)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    submitted, on_time = con.execute(WINDOW_AGGREGATE).fetchone()
    w.setCentralWidget(QLabel(f"Đã nộp {submitted}, đúng hạn {on_time}"))
    w.show()
    QTimer.singleShot(0, lambda: (print("READY", time.monotonic(), flush=True), app.quit()))
    sys.exit(app.exec())


FLOORS = {"periods": periods, "check": check, "check_units": check_units,
          "import": import_forms, "xlsx": xlsx, "pdf": pdf, "window": window}

if __name__ == "__main__":
    FLOORS[sys.argv[1]](*sys.argv[2:])
