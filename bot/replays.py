"""Replays of Slack's interactive requests, refused in memory for as long as a signature lives.

Slack never retries a slash command or an interaction, so a second request with the same
trigger_id is a replay of a signed request, which the signature check alone lets through
for its five minutes. Remembering trigger ids here for those five minutes refuses it
without a database write before Slack's 3-second acknowledgement (the write an Events
API retry does need: `event_id`s are claimed in storage, across instances). A replay sent
to another instance gets through; every action it could repeat is idempotent anyway
(a create is claimed in storage, Cancel and Undo are final).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

# Beyond this many live ids the oldest are forgotten: memory stays bounded under a flood.
CAPACITY = 100_000


class RecentTriggers:
    """Trigger ids seen in the last `lifetime` seconds; `first(id)` is True only once."""

    def __init__(
        self, *, lifetime: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.lifetime = lifetime
        self.clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first(self, trigger_id: str) -> bool:
        """Remember `trigger_id`; False when it was seen within the lifetime."""
        now = self.clock()
        while self._seen and (
            next(iter(self._seen.values())) <= now - self.lifetime or len(self._seen) > CAPACITY
        ):
            self._seen.popitem(last=False)
        if trigger_id in self._seen:
            return False
        self._seen[trigger_id] = now
        return True
