"""``python -m schematic``: the ``schematic`` command line (see ``schematic.cli``)."""

import sys

from .cli import main

sys.exit(main())
