"""`python -m bench`: run the benchmarks and print their figures."""

from __future__ import annotations

from bench import parser

if __name__ == "__main__":
    parser.run()
