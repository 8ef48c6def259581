"""Run the command line with ``python -m labnews.cli``."""

import sys

from labnews.cli import main

sys.exit(main())
