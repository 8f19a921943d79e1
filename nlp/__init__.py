"""Quickcal parser: one chat message in, one EventDraft out.

    from nlp import parse
    draft = parse("lunch with Adele Friday noon", now=now, tz="America/New_York")
"""

from nlp.parse import parse

__all__ = ["parse"]
