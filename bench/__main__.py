"""`python -m bench`: run the benchmarks, print their figures, exit 1 when a bar is missed."""

from __future__ import annotations

import sys

from bench import parser

if __name__ == "__main__":
    sys.exit(parser.run())
