"""The command line `thidua` (DESIGN.md section 6): parse, call an office action, print.

commands.py   the parser, `main` and the core commands (demo, init, plans, units, periods,
              check, review, backup, restore)
forms.py      template, import, evidence
reports.py    export, office, import-package
proposals.py  proposals list/add/remove/check/suggest/export
support.py    Vietnamese argparse, table/JSON output, `open_db(args, write=...)`

A command holds no rule and opens no session of its own: it calls desktop/actions.
"""

from __future__ import annotations

from .commands import main

__all__ = ["main"]
