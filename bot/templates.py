"""The "Add to Google Calendar" / "Add to Outlook" links offered while a person has no link."""

from __future__ import annotations

from nlp.draft import EventDraft
from providers.templates import google_template_url, outlook_template_url

URL_LIMIT = 3000  # a button's url (Block Kit limit)


def template_links(draft: EventDraft) -> tuple[tuple[str, str], ...]:
    """(button text, url) pairs for a draft that has a start; none for one without."""
    if draft.start is None:
        return ()
    links = (
        ("Add to Google Calendar", google_template_url(draft)),
        ("Add to Outlook", outlook_template_url(draft)),
    )
    return tuple((text, url) for text, url in links if len(url) <= URL_LIMIT)
