"""`python -m desktop.cli`: the same program as `thidua`."""

import sys

from .commands import main

sys.exit(main())
