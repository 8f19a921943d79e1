"""Scan: the message being read, with the spans each finder has consumed."""

from __future__ import annotations

from itertools import groupby

from pydantic import TypeAdapter

from nlp.draft import Span, SpanField
from nlp.pattern import MASK, fold

_SPANS: TypeAdapter[tuple[Span, ...]] = TypeAdapter(tuple[Span, ...])

# Fields whose words stay in the title although other finders must not read them.
KEPT_IN_TITLE: frozenset[str] = frozenset({"attendee"})
_FREE: frozenset[str | None] = frozenset({None, *KEPT_IN_TITLE})  # owners of title material


class Scan:
    """A message and its reading so far: `view` is the text with consumed spans masked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.view = text  # the text with every consumed character replaced by MASK
        self.low = fold(text)  # the view lower-cased, offsets unchanged: what tables match
        self._spans: list[tuple[SpanField, int, int]] = []
        self._owner: list[str | None] = [None] * len(text)

    @property
    def spans(self) -> tuple[Span, ...]:
        # One validation call for all spans runs in pydantic's core: faster than building
        # each model in Python (spans are a measurable part of a parse).
        return _SPANS.validate_python([{"field": f, "start": s, "end": e}
                                       for f, s, e in self._spans])

    def take(self, start: int, end: int, field: SpanField) -> None:
        """Consume text[start:end] for `field`: later finders no longer see it."""
        if end <= start:
            return
        # Splicing copies the string once (fast in C even at 4 KB), unlike re-joining chars.
        mask = MASK * (end - start)
        self.view = self.view[:start] + mask + self.view[end:]
        self.low = self.low[:start] + mask + self.low[end:]
        self._spans.append((field, start, end))
        self._owner[start:end] = [field] * (end - start)

    def hold(self, start: int, end: int) -> None:
        """Hide text[start:end] from later finders but leave it to the title ("the 1:1")."""
        mask = MASK * (end - start)
        self.view = self.view[:start] + mask + self.view[end:]
        self.low = self.low[:start] + mask + self.low[end:]

    def has(self, field: SpanField) -> bool:
        """Whether some span was consumed for `field`."""
        return any(f == field for f, _, _ in self._spans)

    def owner(self, index: int) -> str | None:
        """Which field consumed the character at `index`, if any."""
        if 0 <= index < len(self._owner):
            return self._owner[index]
        return None

    def owner_before(self, index: int, *, skip: str = " ,") -> str | None:
        """The field that consumed the nearest character before `index`, past `skip` chars."""
        i = index - 1
        while i >= 0 and self.text[i] in skip and self._owner[i] is None:
            i -= 1
        return self.owner(i)

    def owner_after(self, index: int, *, skip: str = " ,") -> str | None:
        """The field that consumed the nearest character from `index` on, past `skip` chars."""
        i = index
        while i < len(self.text) and self.text[i] in skip and self._owner[i] is None:
            i += 1
        return self.owner(i)

    def free(self, index: int) -> bool:
        """Whether the character at `index` still belongs to the title's material."""
        owner = self._owner[index]
        return owner is None or owner in KEPT_IN_TITLE

    def free_between(self, start: int, end: int) -> bool:
        """Whether every character of text[start:end] still belongs to the title's material."""
        return _FREE.issuperset(self._owner[start:end])

    def remaining(self) -> str:
        """The text with every title-removing span blanked out (one space per span)."""
        if not self._spans:
            return self.text
        # Whole runs of kept or removed characters, not one character at a time: runs are
        # few, and slicing them is C work.
        out: list[str] = []
        at = 0
        for kept, run in groupby(self._owner, key=_FREE.__contains__):
            length = len(list(run))
            out.append(self.text[at:at + length] if kept else " ")
            at += length
        return "".join(out)
