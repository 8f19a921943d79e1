"""The load generator: people who send `/event`, wait for the card, click Create, signed as Slack.

One coroutine per person on one asyncio loop with one httpx pool (keep-alive, wide enough
never to queue a request on our side), in a process of its own. An acknowledgement is timed
from just before the request is sent to its HTTP answer, so it includes this process's own
overhead: the figures are an upper bound on what Slack would see.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.inbox import Arrival, Inbox
from bot import ids
from tests.bot import slack_requests as shapes
from tests.fakes.slack import SlackCall

FORM = "application/x-www-form-urlencoded"
ACK_TIMEOUT = 30.0  # an ack slower than this is an error, not a figure
CARD_TIMEOUT = 60.0
RESULT_TIMEOUT = 90.0  # the slowest scenario: 200 creates through 100 connections, 10 s each


@dataclass(frozen=True)
class Ack:
    """One signed request's HTTP answer: its status (0: none came) and how long it took."""

    what: str  # "command" | "create"
    status: int
    sent: float  # time.perf_counter() just before sending
    seconds: float


@dataclass
class Journey:
    """What happened to one person: acks, the card, the click's outcome."""

    acks: list[Ack] = field(default_factory=list)
    card: bool = False
    outcome: str = "not clicked"  # "created" | "failed, Retry offered" | "lost" | "other"
    click_to_result: float | None = None
    said: str = ""  # the answer's fallback text, kept when it is not the event made


@dataclass(frozen=True)
class Target:
    """Where Slack's requests go, how they are signed, where Slack's response_urls live."""

    endpoint: str  # Quickcal's /slack/events
    signing_secret: str
    response_base: str  # the fake Slack's /response/ prefix

    def response_url(self, key: str) -> str:
        return f"{self.response_base}/{key}"


class Driver:
    """Sends what Slack sends to one Quickcal and times each acknowledgement."""

    def __init__(self, target: Target, inbox: Inbox) -> None:
        self.endpoint = target.endpoint
        self.secret = target.signing_secret
        self.target = target
        self.inbox = inbox
        # One TLS context for every client (building one per client costs milliseconds).
        self._tls = ssl.create_default_context()

    async def post(self, body: bytes, *, what: str) -> Ack:
        """POST one signed request on a connection of its own, as Slack's requests arrive.

        A shared pool would be simpler, but with hundreds of requests in flight httpcore's
        pool bookkeeping delayed sends by seconds: the generator, not Quickcal, was timed.
        """
        headers = shapes.signed_headers(self.secret, body, content_type=FORM)
        began = time.perf_counter()
        try:
            async with httpx.AsyncClient(verify=self._tls, timeout=ACK_TIMEOUT) as http:
                response = await http.post(self.endpoint, content=body, headers=headers)
            status = response.status_code
        except httpx.HTTPError:
            status = 0
        return Ack(what, status, began, time.perf_counter() - began)

    async def command(self, text: str, *, user: str) -> tuple[Ack, str]:
        """`/event text` as `user`; the key of its response_url."""
        key = shapes.unique("cmd")
        body = shapes.command_body(text, user=user, channel=shapes.CHANNEL,
                                   response_url=self.target.response_url(key))
        return await self.post(body, what="command"), key

    async def click(self, card: SlackCall, action_id: str, *, user: str) -> tuple[Ack, str, float]:
        """A click on the ephemeral `card`'s button, as Slack reports it; (ack, key, sent at)."""
        key = shapes.unique("act")
        payload = click_payload(card, action_id, user=user,
                                response_url=self.target.response_url(key))
        body = shapes.interactive_body(payload)
        sent = time.perf_counter()
        return await self.post(body, what="create"), key, sent


def click_payload(card: SlackCall, action_id: str, *, user: str,
                  response_url: str) -> dict[str, Any]:
    """block_actions for a button of a response_url card (as tests/bot/conftest.py clicks)."""
    block_id, element = card.element(action_id)
    action: dict[str, Any] = {"action_id": action_id, "type": element["type"],
                              "text": element["text"], "value": element.get("value", "")}
    if block_id:
        action["block_id"] = block_id
    payload = shapes.block_actions(user=user, action=action, response_url=response_url,
                                   channel=shapes.CHANNEL, message=None, ephemeral=True)
    payload["state"] = {"values": {}}
    return payload


def outcome_of(call: SlackCall) -> str:
    """What a click's answer says: the event made, or the draft kept with Retry."""
    actions = call.action_ids()
    if ids.EVENT_UNDO in actions or str(call.args.get("text", "")).startswith("Added to"):
        return "created"
    if ids.DRAFT_RETRY in actions:
        return "failed, Retry offered"
    return "other"


def reason_in(call: SlackCall) -> str:
    """The card's words about the failure (the line saying the draft is saved), else its text."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            text = node.get("text")
            if isinstance(text, str) and "draft is saved" in text:
                found.append(text)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(call.blocks)
    return (found[0] if found else str(call.args.get("text", "")))[:160]


def _any(_: SlackCall) -> bool:
    return True


async def card_for(driver: Driver, text: str, *, user: str, journey: Journey) -> Arrival | None:
    """`/event text`, then its card (None when no card with Create came)."""
    ack, key = await driver.command(text, user=user)
    journey.acks.append(ack)
    if ack.status != 200:
        return None
    card = await driver.inbox.arrival(key, _any, within=CARD_TIMEOUT)
    journey.card = card is not None and ids.DRAFT_CREATE in card.call.action_ids()
    return card if journey.card else None


async def person(driver: Driver, text: str, *, user: str, click: bool = True) -> Journey:
    """One person's way through: `/event`, the card, Create, the result (or Retry)."""
    journey = Journey()
    card = await card_for(driver, text, user=user, journey=journey)
    if card is None or not click:
        return journey
    ack, key, sent = await driver.click(card.call, ids.DRAFT_CREATE, user=user)
    journey.acks.append(ack)
    if ack.status != 200:
        journey.outcome = "lost"
        return journey
    result = await driver.inbox.arrival(key, _any, within=RESULT_TIMEOUT)
    if result is None:
        journey.outcome = "lost"
        return journey
    journey.outcome = outcome_of(result.call)
    journey.click_to_result = result.at - sent
    if journey.outcome != "created":
        journey.said = reason_in(result.call)
    return journey


async def crowd(driver: Driver, texts: Sequence[str], users: Sequence[str], *,
                concurrency: int, click: bool = True) -> tuple[list[Journey], float]:
    """Everyone's journey, at most `concurrency` at a time; (journeys, wall seconds)."""
    gate = asyncio.Semaphore(concurrency)

    async def one(text: str, user: str) -> Journey:
        async with gate:
            return await person(driver, text, user=user, click=click)

    began = time.perf_counter()
    journeys = await asyncio.gather(*(one(t, u) for t, u in zip(texts, users, strict=True)))
    return list(journeys), time.perf_counter() - began
