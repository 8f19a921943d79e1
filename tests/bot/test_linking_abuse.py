"""Every way a link request can be abused is refused with a clear page and no token request."""

from __future__ import annotations

import threading
from datetime import timedelta
from urllib.parse import urlencode

import httpx

from bot.storage import account_key
from tests.bot.conftest import ALICE, BOB
from tests.bot.test_linking import LinkingWorld, browser, query_of, world  # noqa: F401
from tests.fakes.slack import TEAM_ID

# ruff: noqa: F811  (the `world` fixture is imported by name)


def linked(world: LinkingWorld, provider: str = "google", user: str = ALICE) -> bool:
    link = world.app.run(world.app.services.storage.get_link(TEAM_ID, user, provider))
    return link is not None


def callback(world: LinkingWorld, provider: str, **params: str) -> str:
    return f"{world.app.url}/oauth/{provider}/callback?{urlencode(params)}"


def test_a_callback_without_state_is_refused(world: LinkingWorld) -> None:
    world.start("google")
    page = world.browser_of(ALICE).get(callback(world, "google", code="code-x"))
    assert page.status_code == 400
    assert "Connect" in page.text
    assert world.token_requests() == 0


def test_a_forged_state_is_refused(world: LinkingWorld) -> None:
    started = world.start("google")
    real = query_of(started.headers["location"])["state"]
    forged = real[:-4] + "AAAA"
    page = world.browser_of(ALICE).get(callback(world, "google", code="code-x", state=forged))
    assert page.status_code == 400
    assert world.token_requests() == 0
    # And with a cookie the attacker made up.
    stranger = browser()
    stranger.cookies.set("quickcal_link_google", "gAAAAAforged", path="/oauth/google/")
    assert stranger.get(callback(world, "google", code="code-x", state=forged)).status_code == 400
    assert world.token_requests() == 0


def test_an_expired_state_is_refused(world: LinkingWorld) -> None:
    back = world.authorize(world.start("google"))
    world.clock.advance(timedelta(minutes=11))
    page = world.browser_of(ALICE).get(back)
    assert page.status_code == 400
    assert "too long" in page.text
    assert world.token_requests() == 0
    assert not linked(world)


def test_a_reused_state_is_refused_and_the_first_link_stays(world: LinkingWorld) -> None:
    back = world.authorize(world.start("google"))
    kept = httpx.Cookies(world.browser_of(ALICE).cookies)  # a copy, as a replaying attacker has
    assert world.browser_of(ALICE).get(back).status_code == 200
    assert world.browser_of(ALICE).get(back).status_code == 400  # the binding is cleared
    with httpx.Client(cookies=kept, timeout=10.0) as replay:
        again = replay.get(back)
    assert again.status_code == 400
    assert "already used" in again.text
    assert world.token_requests() == 1
    assert linked(world)


def test_another_users_browser_cannot_use_the_state(world: LinkingWorld) -> None:
    back = world.authorize(world.start("google", ALICE), ALICE)
    stolen = world.browser_of(BOB).get(back)
    assert stolen.status_code == 400
    assert "another browser" in stolen.text
    assert world.token_requests() == 0
    assert not linked(world, user=ALICE)
    assert not linked(world, user=BOB)
    # The state was not burned by the refusal: Alice can still finish.
    assert world.browser_of(ALICE).get(back).status_code == 200
    assert linked(world, user=ALICE)


def test_four_parallel_callbacks_make_one_link_and_one_token_request(
    world: LinkingWorld,
) -> None:
    back = world.authorize(world.start("google"))
    cookies = world.browser_of(ALICE).cookies
    statuses: list[int] = []
    barrier = threading.Barrier(4)

    def call() -> None:
        with httpx.Client(cookies=cookies, timeout=10.0) as client:
            barrier.wait()
            statuses.append(client.get(back).status_code)

    threads = [threading.Thread(target=call) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 400, 400, 400]
    assert world.token_requests() == 1
    dms = world.slack.calls_to("chat.postMessage", lambda c: c.args["channel"] == ALICE)
    assert len(dms) == 1


def test_a_code_at_another_providers_path_is_refused_before_any_token_request(
    world: LinkingWorld,
) -> None:
    world.start("microsoft")  # Alice's browser holds a Microsoft binding too
    back = query_of(world.authorize(world.start("google")))
    page = world.browser_of(ALICE).get(callback(world, "microsoft", **back))
    assert page.status_code == 400
    assert world.token_requests() == 0
    # The Google state is still good at Google's own path.
    assert world.browser_of(ALICE).get(callback(world, "google", **back)).status_code == 200


def test_pkce_mismatch_is_refused_by_the_authorization_server(world: LinkingWorld) -> None:
    first = world.authorize(world.start("google"))
    second_start = world.start("google")  # the browser now holds the second binding
    second_state = query_of(second_start.headers["location"])["state"]
    code = query_of(first)["code"]  # a code issued for the first challenge
    page = world.browser_of(ALICE).get(callback(world, "google", code=code, state=second_state))
    assert page.status_code == 502
    assert "refused" in page.text
    google = world.providers["google"]
    assert [r.error for r in google.oauth.token_requests] == ["invalid_grant"]
    assert not linked(world)


def test_the_person_saying_no_links_nothing(world: LinkingWorld) -> None:
    state = query_of(world.start("google").headers["location"])["state"]
    page = world.browser_of(ALICE).get(
        callback(world, "google", error="access_denied", state=state)
    )
    assert page.status_code == 400
    assert "did not give access" in page.text
    assert world.token_requests() == 0


def test_connect_links_are_sealed_bound_and_expire(world: LinkingWorld) -> None:
    url = world.connect_url("google")
    tampered = url[:-6] + ("A" if url[-6] != "A" else "B") + url[-5:]
    assert world.browser_of(ALICE).get(tampered).status_code == 400
    elsewhere = url.replace("/oauth/google/", "/oauth/microsoft/")
    assert world.browser_of(ALICE).get(elsewhere).status_code == 400
    assert world.browser_of(ALICE).get(url.replace("/google/", "/outlook/")).status_code == 404
    world.clock.advance(timedelta(hours=2))
    expired = world.browser_of(ALICE).get(url)
    assert expired.status_code == 400
    assert "expired" in expired.text


def test_the_link_belongs_to_whoever_pressed_connect(world: LinkingWorld) -> None:
    # Bob's Connect URL opened in any browser links Bob's Slack user, never Alice's.
    back = world.authorize(world.start("google", BOB), BOB)
    assert world.browser_of(BOB).get(back).status_code == 200
    assert linked(world, user=BOB)
    assert not linked(world, user=ALICE)
    link = world.app.run(world.app.services.storage.get_link(TEAM_ID, BOB, "google"))
    assert link is not None
    assert link.account == account_key(TEAM_ID, BOB, "google")
