"""Every Slack identifier Quickcal answers to, written once: commands, callbacks, actions."""

from __future__ import annotations

from typing import Final

COMMAND: Final = "/event"
SHORTCUT_CREATE: Final = "create_event_from_message"

# Draft card buttons.
DRAFT_CREATE: Final = "draft_create"
DRAFT_EDIT: Final = "draft_edit"
DRAFT_CANCEL: Final = "draft_cancel"
DRAFT_RETRY: Final = "draft_retry"
DRAFT_PICK_START: Final = "draft_pick_start"
DRAFT_PICK_ATTENDEE: Final = "draft_pick_attendee"
DRAFT_SET_DATE: Final = "draft_set_date"
DRAFT_SET_TIME: Final = "draft_set_time"
# The block holding both pickers; its id is this prefix, "|", and the draft id.
WHEN_BLOCK: Final = "draft_when"
# Link buttons (Slack still sends an action for them; it is acknowledged and ignored).
LINK_OPEN: Final = "link_open"

# The private notice when the Edit modal could not open in time (its trigger expired):
# a new click brings a fresh trigger_id, so this button opens the editor again.
DRAFT_EDIT_AGAIN: Final = "draft_edit_again"

# Result card and receipt.
EVENT_UNDO: Final = "event_undo"

# The Edit modal and its inputs: block ids double as the field names of errors.
EDIT_MODAL: Final = "draft_edit_modal"
FIELD_TITLE: Final = "title"
FIELD_START_DATE: Final = "start_date"
FIELD_START_TIME: Final = "start_time"
FIELD_END_DATE: Final = "end_date"
FIELD_END_TIME: Final = "end_time"
FIELD_ALL_DAY: Final = "all_day"
FIELD_LOCATION: Final = "location"
FIELD_MEMBERS: Final = "members"
FIELD_EMAILS: Final = "emails"
FIELD_REPEAT: Final = "repeat"
FIELD_REMINDER: Final = "reminder"
FIELD_VIDEO: Final = "video"
FIELD_CALENDAR: Final = "calendar"
# One input element per block: the element's action id is the block id plus this suffix.
INPUT: Final = "_input"

# Events Quickcal subscribes to (manifest `settings.event_subscriptions.bot_events`).
EVENT_MESSAGE_IM: Final = "message.im"
EVENT_APP_MENTION: Final = "app_mention"
