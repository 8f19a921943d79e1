"""Parse: one chat message in, one EventDraft out (pure: no clock, no I/O).

The finders run in a fixed order over one `Scan`; each consumes the characters it
reads so later finders cannot misread them ("12th" in a quoted place is no date):

    links, shortcodes -> contacts -> asides (meeting nouns "the 1:1", vague times "asap",
    old values "moved from 9 to 10") -> reminder -> online -> quoted place
    -> recurrence -> all-day -> month ends ("end of March", "the 2nd Tuesday of next
    month") -> dates
    -> month days ("the 3rd of next month", "until March", "Christmas Eve") -> context
    days ("Kwame is out Thursday, ...") -> relative
    ("in 2 hours", "in 15") -> times -> ranges (days that belong together) -> course (one
    weekday, a clock and "for 6 weeks": weekly, where no rule was said) -> zone -> day
    parts -> meal ("dinner at 8": evening, read but left in the title) -> duration -> names
    -> place -> title (what is left)

`schedule.plan` then places what was found on the calendar relative to `now`.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from nlp.asides import find_asides
from nlp.context import drop_context_dates
from nlp.dates import find_dates
from nlp.dayparts import find_all_day, find_day_parts, find_meal
from nlp.draft import Attendee, EventDraft
from nlp.extras import find_links, find_online, find_reminder
from nlp.lengths import find_duration, find_relative
from nlp.locales import lexicon
from nlp.months import find_month_days, find_month_ends
from nlp.people import find_contacts, find_names
from nlp.places import find_place, find_quoted_place
from nlp.ranges import link_dates
from nlp.recurrence import find_course, find_recurrence
from nlp.scan import Scan
from nlp.schedule import Found, Schedule, plan
from nlp.times import find_times
from nlp.title import make_title, title_spans
from nlp.zones import find_zone

MAX_TEXT = 4096  # characters read; the rest of a longer message is kept only in the description


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def parse(text: str, *, now: datetime, tz: str, locale: str = "en") -> EventDraft:
    """Read `text`, written at wall-clock `now` in zone `tz`, into a draft event.

    `now` may be naive (read in `tz`) or aware. A message without a date gives
    start None: nothing is ever invented from a clock.
    """
    lex = lexicon(locale)
    code = lex.code
    writer_zone = _zone(tz)
    scan = Scan(text[:MAX_TEXT])
    linked_meeting = find_links(scan)
    contacts = find_contacts(scan)
    find_asides(scan, locale=code)
    reminder = find_reminder(scan, locale=code)
    online = find_online(scan, locale=code) or linked_meeting
    quoted_place = find_quoted_place(scan, locale=code)
    rule = find_recurrence(scan, locale=code)
    all_day = find_all_day(scan, locale=code)
    month_ends = find_month_ends(scan, locale=code)
    dates = find_month_days(scan, month_ends + find_dates(scan, locale=code), locale=code,
                            until=rule is not None and (rule.until_at is not None
                                                        or rule.until_end is not None))
    dates = drop_context_dates(scan, dates, locale=code)
    relative = find_relative(scan, locale=code)
    times = find_times(scan, locale=code)
    dates = link_dates(scan, dates, locale=code, times=[(t.start, t.end) for t in times])
    if rule is None and times and len(dates) == 1:
        rule = find_course(scan, dates, locale=code)
    zone_name = None
    for atom in times:
        # The first zone names the event's; a later one restates it ("9am PST / 12pm EST").
        named = find_zone(scan, after=atom.end, locale=code)
        zone_name = zone_name or named
    day_parts = find_day_parts(scan, locale=code, times=times, days=bool(dates or rule))
    # A meal word steers only a bare hour ("dinner at 8", not "dinner at 8pm").
    bare = any(t.first.meridiem is None and t.first.named is None and not t.first.exact
               for t in times)
    meal = find_meal(scan, locale=code) if bare and not day_parts else None
    duration = find_duration(scan, locale=code, days=not times)
    names = find_names(scan, locale=code)
    place = quoted_place or find_place(scan, locale=code)
    event_zone = _zone(zone_name) if zone_name else writer_zone
    found = Found(dates=dates, times=times, day_parts=day_parts, relative=relative,
                  duration=duration, rule=rule, all_day=all_day, meal=meal)
    try:
        local_now = now.replace(tzinfo=writer_zone) if now.tzinfo is None else \
            now.astimezone(writer_zone)
        schedule = plan(found, lex=lex, text=scan.text, now=local_now, zone=event_zone)
    except OverflowError:
        # A day past year 9999 ("in 999999 weeks"), or an aware now at the calendar's edge
        # ("0001-01-01T00:00+14:00" is in year 0 in New York): no date the calendar can
        # hold, so the draft has none and the bot asks, as for a message without a date.
        schedule = Schedule()
    title = make_title(scan.remaining(), locale=code)
    for start, end in title_spans(scan, title):
        scan.take(start, end, "title")
    attendees = tuple(person for _, person in sorted([*names, *contacts], key=lambda p: p[0]))
    return EventDraft(
        title=title,
        start=schedule.start,
        end=schedule.end if schedule.start is not None else None,
        all_day=schedule.start is not None and not isinstance(schedule.start, datetime),
        timezone=event_zone.key,
        location=place,
        attendees=_unique(attendees),
        recurrence=schedule.recurrence if schedule.start is not None else (),
        reminder_minutes=reminder,
        online_meeting=online,
        description=text,
        alternatives=schedule.alternatives,
        spans=scan.spans,
        flags=schedule.flags,
        locale=code,
    )


def _unique(people: tuple[Attendee, ...]) -> tuple[Attendee, ...]:
    seen: set[str] = set()
    out: list[Attendee] = []
    for person in people:
        folded = person.value.casefold()
        if folded not in seen:
            seen.add(folded)
            out.append(person)
    return tuple(out)
