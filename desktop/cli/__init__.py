"""The command line `thidua` (DESIGN.md section 6): parse, call an office action, print.

commands.py   the parser, `main` and the core commands (demo, init, plans, periods, check,
              review, backup, restore, staff, move-to-server); COMMAND_LIST names every
              command, its module and its help line: a command's module is imported, and
              its arguments built, only when it is run
units.py      units list/add/edit/merge/import/export
plan.py       plan export
forms.py      template, import, evidence
reports.py    export, office, import-package
proposals.py  proposals list/add/remove/check/suggest/export
support.py    Vietnamese argparse, table/JSON output, `open_db(args, write=...)`

A command holds no rule and opens no session of its own: it calls desktop/actions.
"""

from __future__ import annotations

from .commands import main

__all__ = ["main"]
