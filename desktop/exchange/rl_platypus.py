"""reportlab.platypus, imported without compiling a pattern the office's PDFs never use.

    from .rl_platypus import BaseDocTemplate, Flowable, Paragraph, ...

reportlab.platypus.paragraph compiles, as it is imported, ``uri_pat``: a URL pattern
(Django's validator, case-insensitive over the whole of Unicode) that it matches only to
split a long web address at its slashes. Compiling it takes about 50 ms — half of what
importing platypus costs, a tenth of what ``thidua export --pdf`` spends on imports — and
no report here holds a web address in a paragraph. So while platypus is imported (once,
here), that one pattern is given as a stand-in that compiles it, with the same text and
flags, the first time it is used; every other pattern is compiled as usual. When a
reportlab release writes the pattern differently, it is simply compiled at import again.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # reportlab 4's paragraph.uri_pat
_lock = threading.Lock()


class _OnFirstUse:
    """A compiled pattern's stand-in: compiles ``pattern`` when first asked for anything."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


def _import_platypus() -> None:
    if "reportlab.platypus" in sys.modules:
        return
    with _lock:
        if "reportlab.platypus" in sys.modules:
            return
        compile_ = re.compile

        def compile_uri_on_first_use(pattern: Any, flags: Any = 0) -> Any:
            if (
                isinstance(pattern, str)
                and pattern.startswith(_URI_PATTERN_START)
                and flags == re.IGNORECASE
                and sys._getframe(1).f_globals.get("__name__") == "reportlab.platypus.paragraph"
            ):
                return _OnFirstUse(pattern, flags)
            return compile_(pattern, flags)

        re.compile = compile_uri_on_first_use
        try:
            import reportlab.platypus  # noqa: F401
        finally:
            re.compile = compile_


_import_platypus()

from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

__all__ = [
    "BaseDocTemplate",
    "CondPageBreak",
    "Flowable",
    "Frame",
    "KeepTogether",
    "NextPageTemplate",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "Spacer",
    "Table",
]
