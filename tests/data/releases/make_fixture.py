"""Make the database of a released version, kept as a fixture for upgrade tests.

    uv run python tests/data/releases/make_fixture.py 0.1.0

writes tests/data/releases/<version>.db (the demo database, as the code of that release
makes it) and <version>.check-2023.json (what `thidua check --period 2023 --format json`
said about it then). Run it once, at the release, with the released code checked out;
the files are committed and never regenerated: later code must open the old file,
upgrade it and give the same numbers (tests/test_resilience.py).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.period_report import to_json  # noqa: E402
from desktop.store.database import Database  # noqa: E402
from desktop.store.demo import build_demo  # noqa: E402
from desktop.store.migrate import HEAD_REVISION, stored_revision  # noqa: E402
from desktop.store.submissions import period_report  # noqa: E402
from desktop.version import __version__  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", help="the release, e.g. 0.1.0 (must be the code's version)")
    parser.add_argument("--force", action="store_true", help="overwrite existing fixtures")
    args = parser.parse_args(argv)
    if args.version != __version__:
        parser.error(f"the code is version {__version__}, not {args.version}")
    db_file = HERE / f"{args.version}.db"
    check_file = HERE / f"{args.version}.check-2023.json"
    if (db_file.exists() or check_file.exists()) and not args.force:
        parser.error(f"{db_file.name} exists: release fixtures are history, not regenerated")
    db_file.unlink(missing_ok=True)
    with Database.open(db_file, create=True, backup=False) as db:
        build_demo(db)
        with db.reading() as s:
            report = to_json(period_report(s, "2023"))
    # One self-contained file in the repository: no -wal beside it.
    con = sqlite3.connect(db_file)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
    finally:
        con.close()
    for extra in (".lock", "-wal", "-shm"):
        Path(str(db_file) + extra).unlink(missing_ok=True)
    check_file.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    rev = stored_revision(db_file)
    assert rev == HEAD_REVISION, rev
    print(f"wrote {db_file.name} (schema revision {rev}) and {check_file.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
