"""Ranges: day phrases that belong together ("Monday to Wednesday", "Friday the 4th")."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.dates import DateAtom
from nlp.locales import lexicon
from nlp.pattern import RUN_START, alt, compile_low, holds, key, needles
from nlp.scan import Scan


@lru_cache(maxsize=16)
def _range_end(code: str) -> re.Pattern[str]:
    """The particle that may close a day range (ja "まで", ko "까지")."""
    return compile_low(r"\s*" + alt(lexicon(code).range_end_particles, spaced=False))


@lru_cache(maxsize=16)
def _link_patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    sp = lex.spaced
    seps = alt((*lex.range_seps, *lex.from_seps), spaced=sp)
    froms = alt(lex.from_words, spaced=sp)
    words = alt(lex.number_words, spaced=sp)
    shift = (r"(?:(?<!\d)(?P<num>\d{1,3})|(?P<word>" + words + r"))\s+(?P<unit>"
             + alt(lex.units, spaced=sp) + r")\s+" + alt(lex.shift_words, spaced=sp) + r"\s*$")
    return (compile_low(RUN_START + r"[\s,]*" + seps + r"[\s,]*"), compile_low(froms + r"\s*$"),
            compile_low(shift))


@lru_cache(maxsize=16)
def _shift_pieces(code: str) -> tuple[str, ...]:
    """One is in every shift word ("from" in "a week from Friday"): a cheap gate."""
    return needles(lexicon(code).shift_words)


def link_dates(scan: Scan, atoms: list[DateAtom], *, locale: str,
               times: list[tuple[int, int]]) -> list[DateAtom]:
    """Joins day phrases that belong together, consuming the words between them.

    "Monday to Wednesday" (and "Monday 9am to Wednesday 5pm") is one range; "Friday the
    4th" is the 4th; "a week from Friday" is Friday shifted by seven days.
    """
    lex = lexicon(locale)
    sep, lead, shift = _link_patterns(lex.code)
    out: list[DateAtom] = []
    timed = bytearray(len(scan.text))
    for a, b in times:
        timed[a:b] = b"\x01" * (b - a)
    shifted = holds(scan.low, _shift_pieces(lex.code))
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt is not None and atom.last is None:
            gap = "".join(ch for at, ch in enumerate(scan.low[atom.end:nxt.start], atom.end)
                          if not timed[at])
            if atom.spec.kind == "weekday" and nxt.spec.kind in ("dom", "md", "ymd") and \
                    not gap.strip(" ,"):
                out.append(DateAtom(nxt.spec, atom.start, nxt.end))
                i += 2
                continue
            if sep.fullmatch(gap) and nxt.last is None:
                m = sep.search(scan.low, atom.end)
                if m is not None and m.start() < nxt.start:
                    scan.take(m.start(), m.end(), "date")
                start = atom.start
                if (before := lead.search(scan.low[:atom.start])) is not None:
                    scan.take(before.start(), before.end(), "date")
                    start = before.start()
                end = nxt.end
                if (closing := _range_end(lex.code).match(scan.low, end)) is not None:
                    scan.take(end, closing.end(), "date")
                    end = closing.end()
                out.append(DateAtom(atom.spec, start, end, last=nxt.spec,
                                    day_part=atom.day_part, last_end=nxt.end))
                i += 2
                continue
        window = max(0, atom.start - 40)  # a shift phrase is short: look just before the day
        if shifted and (m := shift.search(scan.low, window, atom.start)) is not None and \
                lex.units[key(m["unit"])] >= 1440:
            count = int(m["num"]) if m["num"] else lex.number_words[key(m["word"])]
            scan.take(m.start(), m.end(), "date")
            atom = DateAtom(atom.spec, m.start(), atom.end, day_part=atom.day_part,
                            shift=count * lex.units[key(m["unit"])] // 1440)
        out.append(atom)
        i += 1
    return out
