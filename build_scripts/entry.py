"""Entry script of the frozen application (PyInstaller): the same `main` as `thidua`.

Kept tiny on purpose: everything, the window included, starts from desktop.cli.main,
so the frozen program and `uv run thidua` behave the same.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
