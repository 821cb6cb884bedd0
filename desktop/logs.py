"""The program's log file, shared by the window and the command line."""

from __future__ import annotations

import logging


def setup_logging() -> logging.Logger:
    """Log to the data folder's logs/thidua.log (created on demand, never on import)."""
    from .paths import log_dir

    log = logging.getLogger("thidua")
    if not log.handlers:
        try:
            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.FileHandler(folder / "thidua.log", encoding="utf-8")
        except OSError:
            handler = logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log
