"""Scan: the message being read, with the spans each finder has consumed."""

from __future__ import annotations

from nlp.draft import Span, SpanField
from nlp.pattern import MASK

# Fields whose words stay in the title although other finders must not read them.
KEPT_IN_TITLE: frozenset[str] = frozenset({"attendee", "noise"})


class Scan:
    """A message and its reading so far: `view` is the text with consumed spans masked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.view = text
        self.spans: list[Span] = []
        self._owner: list[str | None] = [None] * len(text)

    def take(self, start: int, end: int, field: SpanField) -> None:
        """Consume text[start:end] for `field`: later finders no longer see it."""
        if end <= start:
            return
        self.view = self.view[:start] + MASK * (end - start) + self.view[end:]
        self.spans.append(Span(field=field, start=start, end=end))
        for i in range(start, end):
            self._owner[i] = field

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

    def remaining(self) -> str:
        """The text with every title-removing span blanked out (one space per span)."""
        out: list[str] = []
        last_blank = False
        for ch, owner in zip(self.text, self._owner, strict=True):
            if owner is None or owner in KEPT_IN_TITLE:
                out.append(ch)
                last_blank = False
            elif not last_blank:
                out.append(" ")
                last_blank = True
        return "".join(out)
