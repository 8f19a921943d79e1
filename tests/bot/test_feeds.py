"""The local calendar's .ics over HTTP: from the buttons in Slack to the VEVENTs in the file."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx
from cryptography.fernet import Fernet
from icalendar import Calendar, Event, vRecur
from pydantic import SecretStr

from bot import tickets
from bot.blocks.home import HOME_DEFAULT_PROVIDER, HOME_FEED
from bot.blocks.result import FEED_ACTION
from bot.feeds import feed_url_for
from bot.storage import account_key
from bot.tickets import ConnectTicket
from tests.bot.conftest import ALICE, BOB, Quickcal, until
from tests.bot.test_home import choose
from tests.bot.test_linking import LinkingWorld, world  # noqa: F401
from tests.bot.test_redaction_journey import Everything, everything  # noqa: F401
from tests.fakes.slack import TEAM_ID, FakeSlack, SlackCall

# ruff: noqa: F811  (the `world` and `everything` fixtures are imported by name)

NEW_YORK = ZoneInfo("America/New_York")


def card_for(slack: FakeSlack, key: str) -> SlackCall:
    return slack.wait_for("response_url", lambda c: c.args["key"] == key)


def create(quickcal: Quickcal, text: str, *, user: str = ALICE) -> SlackCall:
    """`/event text` as `user`, then Create: the result card."""
    card = card_for(quickcal.slack, quickcal.command(text, user=user))
    result = card_for(quickcal.slack, quickcal.click(card, "draft_create", user=user))
    assert "Added to Quickcal calendar" in result.args["text"], result.args["text"]
    return result


def fetch(quickcal: Quickcal, url: str) -> httpx.Response:
    """GET a button's URL from this server (the tests' public URL names no listening port)."""
    assert url.startswith(quickcal.settings.public_url + "/calendar/")
    return quickcal.http.get(quickcal.url + urlsplit(url).path)


def events_of(response: httpx.Response) -> dict[str, Event]:
    """The VEVENTs of an .ics answer by SUMMARY, after checking it is served as a download."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="quickcal.ics"'
    assert response.headers["cache-control"] == "no-store"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    found = [event for event in calendar.walk("VEVENT") if isinstance(event, Event)]
    return {str(event["SUMMARY"]): event for event in found}


def refused(response: httpx.Response) -> bool:
    """The 404 page: HTML, no calendar in it, nothing cached."""
    return (
        response.status_code == 404
        and response.headers["content-type"].startswith("text/html")
        and "Calendar not found" in response.text
        and "BEGIN:VCALENDAR" not in response.text
        and response.headers["cache-control"] == "no-store"
    )


def feed_of(card: SlackCall) -> str:
    return str(card.button(FEED_ACTION)["url"])



def test_the_result_card_button_serves_the_event_with_its_zone_and_rule(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    create(quickcal, "lunch with Adele friday noon")
    result = create(quickcal, "team standup every monday 9am")

    events = events_of(fetch(quickcal, feed_of(result)))

    assert set(events) == {"Lunch with Adele", "Team standup"}
    lunch, standup = events["Lunch with Adele"], events["Team standup"]
    assert lunch["DTSTART"].params["TZID"] == "America/New_York"
    assert lunch.decoded("DTSTART") == datetime(2026, 11, 20, 12, 0, tzinfo=NEW_YORK)
    assert lunch.decoded("DTEND") == datetime(2026, 11, 20, 13, 0, tzinfo=NEW_YORK)
    assert "RRULE" not in lunch
    assert "mailto:adele@example.com" in [str(a) for a in _list(lunch.get("ATTENDEE"))]
    assert standup["DTSTART"].params["TZID"] == "America/New_York"
    assert standup.decoded("DTSTART") == datetime(2026, 11, 23, 9, 0, tzinfo=NEW_YORK)
    rule = standup["RRULE"]
    assert isinstance(rule, vRecur)
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["MO"]
    assert str(standup["UID"]).endswith("@quickcal")
    assert lunch["UID"] != standup["UID"]
    # The zone travels with the file, so any calendar app places the times right.
    zones = Calendar.from_ical(fetch(quickcal, feed_of(result)).content).walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["America/New_York"]


def test_the_receipt_offers_the_same_calendar_and_undo_takes_the_event_out(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    result = create(quickcal, "lunch with Adele friday noon")
    receipt = slack.wait_for("chat.postMessage")
    assert FEED_ACTION in receipt.action_ids()
    assert "Download .ics" in receipt.texts()
    assert set(events_of(fetch(quickcal, feed_of(receipt)))) == {"Lunch with Adele"}

    card_for(slack, quickcal.click(result, "event_undo"))
    assert events_of(fetch(quickcal, feed_of(receipt))) == {}
    # Pressing the link button is acknowledged like the other link buttons, and changes nothing.
    quickcal.click(result, FEED_ACTION)
    assert events_of(fetch(quickcal, feed_of(result))) == {}


def test_the_home_tab_offers_the_feed_when_nothing_is_linked(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    create(quickcal, "dentist dec 3 3pm")
    quickcal.event({"type": "app_home_opened", "user": ALICE, "channel": "D1", "tab": "home"})
    home = slack.wait_for("views.publish")
    assert "as a calendar from URL (subscribe)" in home.texts()
    assert set(events_of(fetch(quickcal, str(home.button(HOME_FEED)["url"])))) == {"Dentist"}


def test_someone_who_has_added_nothing_yet_gets_an_empty_calendar(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    quickcal.event({"type": "app_home_opened", "user": BOB, "channel": "D1", "tab": "home"})
    home = slack.wait_for("views.publish", lambda c: c.args["user_id"] == BOB)
    assert events_of(fetch(quickcal, str(home.button(HOME_FEED)["url"]))) == {}


def test_nobody_sees_another_persons_events(quickcal: Quickcal, slack: FakeSlack) -> None:
    alice = feed_of(create(quickcal, "lunch with Adele friday noon"))
    bob = feed_of(create(quickcal, "dentist dec 3 3pm", user=BOB))

    assert set(events_of(fetch(quickcal, alice))) == {"Lunch with Adele"}
    bobs = events_of(fetch(quickcal, bob))
    assert set(bobs) == {"Dentist"}
    assert bobs["Dentist"]["DTSTART"].params["TZID"] == "Europe/London"  # Bob's own zone


def test_a_tampered_or_foreign_ticket_gets_the_404_page(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    url = feed_of(create(quickcal, "lunch with Adele friday noon"))
    path = urlsplit(url).path
    ticket = path.removeprefix("/calendar/").removesuffix(".ics")
    flipped = ticket[:-8] + ("A" if ticket[-8] != "A" else "B") + ticket[-7:]
    connect = tickets.seal(
        quickcal.services.storage.keys,
        ConnectTicket(team_id=TEAM_ID, user_id=ALICE, provider="google", expires=2**40),
    )
    stranger = Fernet(Fernet.generate_key()).encrypt(b'{"k":"feed","t":"T","u":"U"}').decode()
    for bad in (flipped, ticket[:-10], "nothing", connect, stranger):
        response = quickcal.http.get(f"{quickcal.url}/calendar/{bad}.ics")
        assert refused(response), (bad, response.status_code, response.text)
        assert "Lunch with Adele" not in response.text
    assert quickcal.http.get(f"{quickcal.url}/calendar/{ticket}.txt").status_code == 404
    assert quickcal.http.get(quickcal.url + path).status_code == 200  # the real one still works
    assert quickcal.http.head(quickcal.url + path).status_code == 200  # apps probe with HEAD


def test_only_local_events_offer_the_feed(quickcal: Quickcal, slack: FakeSlack) -> None:
    result = create(quickcal, "lunch with Adele friday noon")
    draft_id = str(result.button("event_undo")["value"])
    record = quickcal.run(quickcal.services.storage.get_event(draft_id))
    assert feed_url_for(quickcal.services, record) is not None
    elsewhere = record.model_copy(update={"provider": "google"})
    assert feed_url_for(quickcal.services, elsewhere) is None


def test_a_wiped_person_has_no_feed_any_more(quickcal: Quickcal, slack: FakeSlack) -> None:
    alice = feed_of(create(quickcal, "lunch with Adele friday noon"))
    bob = feed_of(create(quickcal, "dentist dec 3 3pm", user=BOB))
    owner = account_key(TEAM_ID, ALICE, "local")

    quickcal.event({"type": "tokens_revoked", "tokens": {"oauth": [ALICE], "bot": []}})
    until(lambda: not quickcal.run(quickcal.services.storage.local_events.list(owner)))

    assert refused(fetch(quickcal, alice))
    assert set(events_of(fetch(quickcal, bob))) == {"Dentist"}  # only the person named


def test_feeds_outlive_restarts_and_die_with_their_key(
    quickcal: Quickcal, slack: FakeSlack
) -> None:
    url = feed_of(create(quickcal, "lunch with Adele friday noon"))
    old = quickcal.settings.secret_key
    assert old is not None
    new = Fernet.generate_key().decode()

    quickcal.settings = quickcal.settings.model_copy(
        update={"secret_key": SecretStr(f"{new},{old.get_secret_value()}")}
    )
    quickcal.restart()
    assert set(events_of(fetch(quickcal, url))) == {"Lunch with Adele"}

    quickcal.settings = quickcal.settings.model_copy(update={"secret_key": SecretStr(new)})
    quickcal.restart()
    assert refused(fetch(quickcal, url))  # dropping the key revokes every feed it sealed


def test_the_feed_follows_where_events_go_on_the_home_tab(world: LinkingWorld) -> None:
    assert HOME_FEED in world.home().action_ids()  # nothing linked: the local calendar is used
    assert world.connect("google").status_code == 200
    assert HOME_FEED not in world.home().action_ids()  # Google gets the events now

    home = choose(world, HOME_DEFAULT_PROVIDER, "local")
    url = str(home.button(HOME_FEED)["url"])
    assert url.startswith(world.app.settings.public_url + "/calendar/")
    assert events_of(world.browser_of(ALICE).get(url)) == {}


def test_no_log_line_carries_a_feed_ticket(world: LinkingWorld, everything: Everything) -> None:
    url = str(world.home().button(HOME_FEED)["url"])
    ticket = urlsplit(url).path.removeprefix("/calendar/").removesuffix(".ics")
    assert world.browser_of(ALICE).get(url).status_code == 200
    assert world.browser_of(ALICE).get(url.replace(ticket, ticket[:-4])).status_code == 404
    lines = "\n".join(everything.lines)
    assert '"GET /calendar/[redacted].ics HTTP/1.1" 200' in lines  # the access log saw it
    assert '"GET /calendar/[redacted].ics HTTP/1.1" 404' in lines
    assert ticket not in lines
    assert ticket[:-4] not in lines


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
