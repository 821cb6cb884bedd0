"""Type into a form with LibreOffice Calc as a person with given regional settings would.

Run with Debian's /usr/bin/python3 (it has `uno`), not the project's interpreter:

    /usr/bin/python3 tests/lo_calc.py LOCALE IN.xlsx OUT.xlsx WORKDIR SHEET!CELL=TEXT ...

LOCALE is e.g. en-US or vi-VN: written into a fresh profile before Calc starts, so
typed text is parsed by that locale exactly as a person's typing is. Each TEXT is typed
into its cell with the dispatcher's `.uno:EnterString` (sheet protection and the
locale's parsing apply). Calc's validity verdict is read with
`XSheetAuditing.showInvalid` (it draws a circle per invalid cell). The document is saved
as .xlsx to OUT and a JSON line is printed: {"invalid": [cells Calc marks invalid],
"cells": {cell: [type, string, value]}}.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale"
 oor:op="fuse"><value>{loc}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale"
 oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale"
 oor:op="fuse"><value>{loc}</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun"
 oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


@contextmanager
def calc_session(
    locale: str, work: Path, name: str, env: dict[str, str] | None = None
) -> Iterator[tuple[Any, Any] | None]:
    """LibreOffice headless on a fresh profile in `work` whose regional setting is
    `locale`, reached over a pipe: yields (its component context, its Desktop), or None when
    it did not start. Ended afterwards as a process group (soffice.bin outlives its
    launcher)."""
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(XCU.format(loc=locale))
    pipe = f"{name}_{os.getpid()}"
    proc = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        env={**os.environ, "HOME": str(work), **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
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
            yield None
            return
        yield ctx, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:  # this run's own process group only
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def main(argv: list[str]) -> int:
    locale, src, out, work = argv[0], Path(argv[1]), Path(argv[2]), Path(argv[3])
    entries = [a.split("=", 1) for a in argv[4:]]
    with calc_session(locale, work, "lo_calc", {"SAL_USE_VCLPLUGIN": "svp"}) as started:
        if started is None:
            print(json.dumps({"error": "soffice did not start"}))
            return 2
        ctx, desktop = started
        smgr = ctx.ServiceManager
        doc = desktop.loadComponentFromURL(
            src.resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
        )
        controller = doc.getCurrentController()
        frame = controller.getFrame()
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        sheets = doc.getSheets()
        touched: list[tuple[object, str, str]] = []
        for target, text in entries:
            sheet_name, cell_name = target.split("!")
            sheet = sheets.getByName(sheet_name)
            controller.setActiveSheet(sheet)
            cell = sheet.getCellRangeByName(cell_name)
            controller.select(cell)
            dispatcher.executeDispatch(
                frame, ".uno:EnterString", "", 0, (prop("StringName", text),)
            )
            touched.append((sheet, cell_name, target))
        invalid: list[str] = []
        cells: dict[str, list[object]] = {}
        for sheet, cell_name, target in touched:
            cell = sheet.getCellRangeByName(cell_name)
            cells[target] = [str(cell.getType().value), cell.getString(), cell.getValue()]
        for sheet in {id(s): s for s, _c, _t in touched}.values():
            draw = sheet.getDrawPage()
            before = draw.getCount()
            sheet.showInvalid()
            for i in range(before, draw.getCount()):
                anchor = draw.getByIndex(i).getPropertyValue("Anchor")  # the circled cell
                try:
                    name = anchor.AbsoluteName.split(".")[-1].replace("$", "")
                except AttributeError:
                    name = "?"
                invalid.append(f"{sheet.getName()}!{name}")
        doc.storeToURL(out.resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        print(json.dumps({"invalid": invalid, "cells": cells}, ensure_ascii=False), flush=True)
        try:  # Calc sometimes dies after a save; the file is written by then
            doc.close(True)
            desktop.terminate()
        except Exception:
            pass
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
