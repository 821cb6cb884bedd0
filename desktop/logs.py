"""The program's log file, shared by the window and the command line.

`logs/thidua.log` in the data folder, rotated at LOG_BYTES (LOG_KEEP older files kept:
thidua.log.1 … .5), so that it never grows without bound on an office PC. Each failure is
logged with the command or action, the files it concerned and its traceback. What people
typed never goes in: SQL parameters (names, reasons) are not rendered into errors (the
engines are made with hide_parameters) and any "[parameters: …]" that still reaches a
record is cut out by the formatter, with the SQL text itself; file names and paths stay.
"""

from __future__ import annotations

import logging
import logging.handlers
import re

LOG_BYTES = 1024 * 1024
LOG_KEEP = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n|$)", re.S)
_SQL = re.compile(r"\[SQL: .*?\](?=\n|$)", re.S)
_BACKGROUND = re.compile(r"\(Background on this error at: [^)]*\)")


def scrub(text: str) -> str:
    """The text without SQL statements or their parameter values."""
    text = _PARAMETERS.sub("[parameters: (không ghi)]", text)
    text = _SQL.sub("[SQL: (không ghi)]", text)
    return _BACKGROUND.sub("", text)


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def setup_logging() -> logging.Logger:
    """Log to the data folder's logs/thidua.log (created on demand, never on import)."""
    from .paths import log_dir

    log = logging.getLogger("thidua")
    if not log.handlers:
        try:
            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                folder / "thidua.log", maxBytes=LOG_BYTES, backupCount=LOG_KEEP,
                encoding="utf-8", delay=True)
        except (OSError, UnicodeError):
            handler = logging.NullHandler()
        handler.setFormatter(ScrubbingFormatter(FORMAT))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log


def paths_of(values: object) -> list[str]:
    """The file arguments of a command line (argparse Namespace values), for the log."""
    from pathlib import Path

    found: list[str] = []
    items = vars(values).values() if hasattr(values, "__dict__") else [values]
    for v in items:
        for x in v if isinstance(v, list | tuple) else [v]:
            if isinstance(x, Path):
                found.append(str(x))
    return found
