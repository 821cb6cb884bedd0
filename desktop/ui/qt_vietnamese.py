"""Qt's own strings in Vietnamese: dialog buttons, text-field menus, the file and print
dialogs, scroll bar menus, the wizard's buttons.

Qt ships no Vietnamese translation; resources/translations/qtbase_vi.ts is ours, compiled
to qtbase_vi.qm by build_scripts/compile_translations.py (run by scripts/setup.sh and the
PyInstaller spec) and installed at start by `install_qt_translation`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from ..paths import resource_path

log = logging.getLogger(__name__)
QM_NAME = "qtbase_vi.qm"
_PROPERTY = "thidua_qt_translation"


def install_qt_translation(app: QCoreApplication) -> bool:
    """Install the Vietnamese translation of Qt once per application; False (and a line in
    the log) when the .qm was not built, the window then keeps Qt's English strings."""
    if app.property(_PROPERTY):
        return True
    qm = resource_path("translations", QM_NAME)
    translator = QTranslator(app)  # the application owns it: it lives as long
    if not qm.is_file() or not translator.load(str(qm)):
        log.warning("Qt translation %s missing or unreadable; run "
                    "build_scripts/compile_translations.py", qm)
        return False
    app.installTranslator(translator)
    app.setProperty(_PROPERTY, True)
    return True
