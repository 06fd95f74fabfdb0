"""``python -m declcompare.cli``: the same as the ``declcompare`` command."""

import sys

from declcompare.cli import main

sys.exit(main())
