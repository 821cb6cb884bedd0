"""The PySide6 desktop interface. Nothing outside this package imports Qt.

Importing it stops PySide6 from reading the source of every module imported after it
(`skip_pyside_source_scan`): about 1 ms a module on the GUI thread before the first frame
(50 modules) and on the workers that import the database, export and print code (hundreds
of modules, holding the GIL the GUI thread needs).
"""

from __future__ import annotations


def _uses_pyside(_module: object) -> bool:
    """PySide6's question “does this module use PySide?”, answered without reading it."""
    return True


def skip_pyside_source_scan() -> bool:
    """PySide6 reads the whole source of each module imported after it (feature.py,
    `_mod_uses_pyside`: does the text say "PySide6"?) only to choose a module's default
    for `from __feature__ import snake_case, true_property`, the per-module switch of
    PySide6's naming. This application selects no such feature anywhere, so every module
    has the default (no feature) whatever the answer: it is given at once. False when
    this PySide6 has no such scan (nothing to skip)."""
    import sys

    import PySide6.QtCore  # noqa: F401 - installs PySide6's import hook and its support package

    feature = sys.modules.get("PySide6.support.feature") or sys.modules.get(
        "shibokensupport.feature"
    )
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True


skip_pyside_source_scan()
