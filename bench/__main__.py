"""`python -m bench [section ...] [--quick]`: run the benchmarks, print one table, write
bench/results.json, exit 1 when a bar is missed.

Sections: parser, ack, create, memory (all by default). `--quick` is a smoke run: fewer
repeats and smaller crowds, figures not comparable with a full run's.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from bench import ack, create, memory, parser
from bench.results import Figure, Report
from bench.table import render

Section = Callable[[bool], list[Figure]]


def _parser(quick: bool) -> list[Figure]:
    figures, _ = parser.measure(repeats=2 if quick else 5, rounds=1 if quick else 4)
    return figures


def _ack(quick: bool) -> list[Figure]:
    return ack.measure(people=50 if quick else 200, repeats=1 if quick else 3)


def _create(quick: bool) -> list[Figure]:
    return create.measure(clicks=30 if quick else 100, repeats=1 if quick else 3)


def _memory(quick: bool) -> list[Figure]:
    return memory.measure(drafts=1_000 if quick else 10_000)


SECTIONS: dict[str, Section] = {
    "parser": _parser, "ack": _ack, "create": _create, "memory": _memory,
}


def main(argv: list[str]) -> int:
    arguments = _arguments()
    args = arguments.parse_args(argv)
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        arguments.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    chosen = args.sections or list(SECTIONS)
    report = Report(quick=args.quick)
    began = time.perf_counter()
    for name in chosen:
        print(f"bench: {name}...", file=sys.stderr, flush=True)
        section_began = time.perf_counter()
        report.figures += SECTIONS[name](args.quick)
        print(f"bench: {name} took {time.perf_counter() - section_began:.0f} s",
              file=sys.stderr, flush=True)
    report.wall_seconds = time.perf_counter() - began
    print(render(report.figures))
    print(f"\n{report.machine}; {report.wall_seconds:.0f} s"
          + (" (--quick: smoke run)" if args.quick else ""))
    print(f"written to {report.write()}")
    if report.missed:
        print("FAILED: bar missed: " + "; ".join(f"{f.section}: {f.name}" for f in report.missed))
        return 1
    return 0


def _arguments() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                        formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("sections", nargs="*", metavar="section",
                           help=f"one of {', '.join(SECTIONS)} (default: all)")
    arguments.add_argument("--quick", action="store_true",
                           help="fewer repeats, smaller crowds: a smoke run")
    return arguments


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
