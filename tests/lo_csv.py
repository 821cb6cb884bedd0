"""Open a CSV with LibreOffice Calc set to a locale, as a person opening it would.

Run with Debian's /usr/bin/python3 (it has `uno`):

    /usr/bin/python3 tests/lo_csv.py LOCALE LANGUAGE_ID FILE.csv WORKDIR

LANGUAGE_ID is the import's language (1033 en-US, 1066 vi-VN), what Calc's text import
dialog proposes for that locale. Prints one JSON line: for each cell of the second row,
[type, shown text, value] (type VALUE, TEXT, EMPTY...).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lo_calc import calc_session, prop  # noqa: E402


def main(argv: list[str]) -> int:
    locale, language, src, work = argv[0], argv[1], Path(argv[2]), Path(argv[3])
    with calc_session(locale, work, "lo_csv") as started:
        if started is None:
            return 2
        _ctx, desktop = started
        options = f"44,34,76,1,,{language}"  # comma, double quote, UTF-8, from line 1
        doc = desktop.loadComponentFromURL(
            src.resolve().as_uri(), "_blank", 0,
            (prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"),
             prop("FilterOptions", options)),
        )  # fmt: skip
        sheet = doc.getSheets().getByIndex(0)
        cells = []
        for c in range(64):
            cell = sheet.getCellByPosition(c, 1)
            kind = cell.getType().value
            if kind == "EMPTY":
                break
            cells.append([kind, cell.getString(), cell.getValue()])
        print(json.dumps(cells, ensure_ascii=False), flush=True)
        try:
            doc.close(True)
            desktop.terminate()
        except Exception:
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
