"""Benchmarks: `make bench` measures the parser's speed (never a timed test)."""
