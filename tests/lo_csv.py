"""Open a CSV with LibreOffice Calc set to a locale, as a person opening it would.

Run with Debian's /usr/bin/python3 (it has `uno`):

    /usr/bin/python3 tests/lo_csv.py LOCALE LANGUAGE_ID FILE.csv WORKDIR

LANGUAGE_ID is the import's language (1033 en-US, 1066 vi-VN), what Calc's text import
dialog proposes for that locale. Prints one JSON line: for each cell of the second row,
[type, shown text, value] (type VALUE, TEXT, EMPTY...).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lo_calc import XCU, prop  # noqa: E402


def main(argv: list[str]) -> int:
    locale, language, src, work = argv[0], argv[1], Path(argv[2]), Path(argv[3])
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(XCU.format(loc=locale))
    pipe = f"lo_csv_{os.getpid()}"
    proc = subprocess.Popen(
        [shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}",
         "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"--accept=pipe,name={pipe};urp;"],
        env={**os.environ, "HOME": str(work)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(1200):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            return 2
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
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
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
