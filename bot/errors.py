"""The bot's error tree; raised, never returned, and put into words only by `bot.wording`.

    BotError                      anything the bot itself refuses or cannot do
    ├── NotYourDraft              someone else clicked: `owner` is the Slack id of who asked
    ├── InvalidEdit               the Edit modal holds bad input: `fields` maps block id -> words
    ├── CreateUnsettled           the last Create may have worked: Retry first (`label` names it)
    ├── CalendarMissing           the draft's calendar is not served here (`provider`)
    └── SlackFailed               a Slack Web API call failed: `code` is Slack's error code

Drafts that are gone, busy or already created are the storage tree's (`bot.storage.errors`);
calendars fail with the providers' tree (`providers.errors`).
"""

from __future__ import annotations

from collections.abc import Mapping


class BotError(Exception):
    """Base of every failure the bot raises itself."""


class NotYourDraft(BotError):
    """Only the person who asked may act on a draft."""

    def __init__(self, owner: str) -> None:
        super().__init__(f"draft belongs to {owner}")
        self.owner = owner


class InvalidEdit(BotError):
    """Edit modal input that cannot become a draft; shown next to each field."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = dict(fields)


class CreateUnsettled(BotError):
    """The last Create timed out or failed on the provider's side: it may exist already.

    Editing or moving the draft now could create a second event, so only Retry is allowed.
    """

    def __init__(self, label: str) -> None:
        super().__init__(f"unsettled create at {label}")
        self.label = label


class CalendarMissing(BotError):
    """The draft targets a calendar this Quickcal does not serve (not configured, or forged)."""

    def __init__(self, provider: str) -> None:
        super().__init__(f"no calendar {provider!r} here")
        self.provider = provider


class SlackFailed(BotError):
    """A Slack Web API call answered ok: false."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
