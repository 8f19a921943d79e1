"""Titles: what is left once every phrase is out, with command words, filler and noise trimmed."""

from __future__ import annotations

import pytest

from tests.nlp.conftest import read_text

TITLES = [
    ("lunch with Adele Friday noon", "Lunch with Adele"),
    ("schedule a meeting with Alice Thursday at 2", "Meeting with Alice"),
    ("add dentist Dec 10 at 8:45am", "Dentist"),
    ("Book lunch with Bob Friday 12:30pm", "Lunch with Bob"),
    ("set up interview with Alice Thursday 11am", "Interview with Alice"),
    ("put dentist on Friday at 2:30", "Dentist"),
    ("create lunch with Megan Friday 12:15", "Lunch with Megan"),
    ("can we do lunch thurs 12:30?", "Lunch"),
    ("let's sync thurs 11:30", "Sync"),
    ("let's do a quick catch-up with Sam tmrw at 2", "Quick catch-up with Sam"),
    ("lets grab dinner sat 7pm", "Grab dinner"),
    ("pls add dentist tmrw 3pm", "Dentist"),
    ("remind me to call the bank tomorrow at 10", "Call the bank"),
    ("hey, can we do the retro Friday at 3?", "The retro"),
    ("coffee?? tmrw 8:30a", "Coffee"),
    ("Interview!!! tomorrow 2pm!!!", "Interview"),
    ("🍕 pizza night fri 7pm", "Pizza night"),
    ("team drinks fri 6pm 🍻!!", "Team drinks"),
    ("Dinner at 6 with Lena", "Dinner with Lena"),
    ("Ice skating Sunday 1pm with the kids", "Ice skating with the kids"),
    ("Board meeting Thursday, Dec 3 at 9am", "Board meeting"),
    ("Physio every Thursday at 5pm, 6 times", "Physio"),
    ("Submit expense report in 3 days", "Submit expense report"),
    ("Trip to Edinburgh in 3 days", "Trip to Edinburgh"),
    ("Supervision the first Monday of every month at 10", "Supervision"),
    ("Poker night the last Thursday of every month", "Poker night"),
    ("1:1 with Priya Monday 11am", "1:1 with Priya"),
    ("Mtg re: budget Tue 3pm", "Mtg re: budget"),
    ("DINNER WITH MEGAN SAT 8PM", "DINNER WITH MEGAN"),
    ("sure! coffee fri 9a?", "Coffee"),
    ("Team lunch (Friday, 12:30)", "Team lunch"),
    ("ok so can we do lunch tmrw at 1 pls", "Lunch"),
    ("Dentist - Thursday - 3pm", "Dentist"),
    ("Tomorrow 3pm: dentist", "Dentist"),
    ("can you schedule a call with Bob Friday 3pm", "Call with Bob"),
    ("I need to call the bank tomorrow at 10", "Call the bank"),
    # Meeting nouns that look like clock times.
    ("next Wed 1:1 w/ Keanu 4pm", "1:1 w/ Keanu"),
    ("1-1 with Bo friday 11:15", "1-1 with Bo"),
    ("one-on-one w/ Kim tue 1-1:30pm", "One-on-one w/ Kim"),
    ("1on1 with Sara thu 10am", "1on1 with Sara"),
    # No date, no title: "asap", "when you're back".
    ("book a dentist appointment asap", "Dentist appointment"),
    ("let's catch up when you're back", "Catch up"),
    ("call the plumber as soon as possible", "Call the plumber"),
    # Chat framing: preambles of filler words, "I booked the room for", side remarks.
    ("hey all, quick one: can we get a post-mortem on the calendar for Monday 2-3pm? please "
     "bring the graphs", "Post-mortem"),
    ("ok so the plan: dinner with Ingrid at Katz Orange on Saturday, table's booked for 8pm",
     "Dinner with Ingrid"),
    ("Heads up, I booked the big room for the design crit on Tuesday from 2:30 to 4 — ping me "
     "if that clashes", "The design crit"),
    ("reminder for everyone: the all-hands is Friday 9am, same Zoom link", "The all-hands"),
    ("FYI the offsite is happening Nov 9 through Nov 11 at the Lakehouse, block your calendars",
     "The offsite"),
    ("can someone set up a retro friday 3pm? probably best", "Retro"),
    ("Reminder: dentist Friday 3pm", "Dentist"),
    # Words that are not all chatter stay: a dash or comma alone ends no title.
    ("Lunch — Adele farewell friday noon", "Lunch — Adele farewell"),
    ("Sam 5th birthday party Saturday", "Sam 5th birthday party"),
    ("Termin", "Termin"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_titles(text: str, title: str) -> None:
    assert read_text(text).title == title


def test_spans_say_which_characters_gave_each_field() -> None:
    text = "Lunch with Adele Friday noon at Harry's Bar"
    draft = read_text(text)
    got = {(s.field, text[s.start:s.end]) for s in draft.spans}
    assert ("date", "Friday") in got
    assert ("time", "noon") in got
    assert ("location", "at Harry's Bar") in got
    assert ("title", "Lunch with Adele") in got


def test_title_spans_follow_the_words_across_other_phrases() -> None:
    text = "Dinner at 6 with Lena"
    draft = read_text(text)
    assert [text[s.start:s.end] for s in draft.spans if s.field == "title"] == [
        "Dinner", "with Lena"]


def test_the_description_keeps_the_whole_message() -> None:
    text = "coffee w/ Megan tmrw 8:30am @ Blue Bottle"
    assert read_text(text).description == text


MORE_TITLES = [
    # a request addressed to someone: the title is the request
    ("<@U07QZ8K2M> can we do a quick sync at 5?", "Quick sync"),
    ("<@U04WER5TY> can you do a call at 4 tmrw?", "Call"),
    ("<@U07QZ8K2M> lunch tomorrow", "<@U07QZ8K2M> lunch"),
    (":calendar: Team lunch Friday noon :tada:", "Team lunch"),
    ("Lunch :pizza::beer: Friday", "Lunch"),
    ("Town hall Thursday 9am PST / 12pm EST", "Town hall"),
    ("Report due end of the week", "Report due"),
    ("Call later today", "Call"),
    ("Party Saturday 8pm!!", "Party"),
    ("Lunch,Friday,noon", "Lunch"),
    ("hey can you put lunch w/ sarah on my cal for thurs at 1?", "Lunch w/ sarah"),
    ("Movie night Saturday", "Movie night"),
    ("Friday night drinks with Adele", "Drinks with Adele"),
]


@pytest.mark.parametrize(("text", "title"), MORE_TITLES)
def test_more_titles(text: str, title: str) -> None:
    assert read_text(text).title == title


@pytest.mark.parametrize(("locale", "text", "title"), [
    # The indefinite article after a command word goes with it; typed alone it stays.
    ("en", "schedule an intro call with Ben tomorrow 3pm", "Intro call with Ben"),
    ("en", "A quick sync Friday", "A quick sync"),
    ("fr", "planifier une réunion demain 10h", "Réunion"),
    # A verb's particle is no dangling joiner.
    ("en", "Check in tomorrow afternoon", "Check in"),
    ("en", "weigh in tomorrow", "Weigh in"),
    ("en", "Lunch in tomorrow", "Lunch"),
    # A reminder label before a colon opens no title.
    ("es", "recordatorio: pagar la renta el día 1 de cada mes", "Pagar la renta"),
    ("fr", "rappel : vaccin lundi 10h", "Vaccin"),
    ("de", "Erinnerung: Zahnarzt morgen 10 Uhr", "Zahnarzt"),
    ("de", "Zahnarzt morgen 10 Uhr bitte", "Zahnarzt"),
    ("de", "Zahnarzt morgen 10 Uhr, bitte 15 min vorher erinnern", "Zahnarzt"),
])
def test_title_edges_in_each_language(locale: str, text: str, title: str) -> None:
    assert read_text(text, locale=locale).title == title


@pytest.mark.parametrize("text", ["Friday noon", "tomorrow", "every Monday at 9", "at 3pm", ""])
def test_a_message_with_nothing_but_a_date_has_an_empty_title(text: str) -> None:
    assert read_text(text).title == ""


# text, title: chatter that opens with a filler up to a request that opens with another.
PREAMBLES: list[tuple[str, str]] = [
    ("hey team, quick heads up - can we do the roadmap review Thursday 2pm",
     "The roadmap review"),
    ("ok, so lunch Friday", "Lunch"),
    ("hi all: please book the demo Friday 3pm", "The demo"),
    # A greeting to a group goes too.
    ("Hey team, lunch Friday", "Lunch"),
    ("hi all - offsite planning Monday", "Offsite planning"),
    ("Morning everyone: retro Friday 3pm", "Retro"),
]


@pytest.mark.parametrize(("text", "title"), PREAMBLES)
def test_preambles(text: str, title: str) -> None:
    assert read_text(text).title == title
