"""The SQLite writer queue: one writer at a time, in order, urgent writers first."""

from __future__ import annotations

import asyncio

import pytest

from bot.storage.writers import WriterQueue


async def write(queue: WriterQueue, name: str, order: list[str], *, urgent: bool = False) -> None:
    async with queue.turn(urgent=urgent):
        order.append(name)
        await asyncio.sleep(0)


async def queued(queue: WriterQueue, count: int) -> None:
    """Let the loop run until `count` writers wait (bounded: they only need a few steps)."""
    for _ in range(1000):
        if queue.waiting >= count:
            return
        await asyncio.sleep(0)
    raise AssertionError(f"{queue.waiting} writers wait, not {count}")


async def test_urgent_writers_go_before_every_queued_ordinary_one() -> None:
    queue, order = WriterQueue(), []
    async with queue.turn():
        tasks = [asyncio.create_task(write(queue, name, order)) for name in ("a", "b")]
        await queued(queue, 2)
        tasks.append(asyncio.create_task(write(queue, "ack", order, urgent=True)))
        await queued(queue, 3)
    await asyncio.gather(*tasks)
    assert order == ["ack", "a", "b"]


async def test_one_writer_at_a_time() -> None:
    queue, inside, most = WriterQueue(), [0], [0]

    async def one() -> None:
        async with queue.turn():
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            await asyncio.sleep(0.001)
            inside[0] -= 1

    await asyncio.gather(*(one() for _ in range(20)))
    assert most[0] == 1


async def test_a_cancelled_waiter_leaves_the_queue_moving() -> None:
    queue, order = WriterQueue(), []
    async with queue.turn():
        gone = asyncio.create_task(write(queue, "gone", order))
        kept = asyncio.create_task(write(queue, "kept", order))
        await queued(queue, 2)
        gone.cancel()
        with pytest.raises(asyncio.CancelledError):
            await gone
    await kept
    assert order == ["kept"]
    async with queue.turn():  # free again
        pass


async def test_a_writer_cancelled_as_its_turn_came_passes_the_turn_on() -> None:
    queue, order = WriterQueue(), []
    first = queue.turn()
    await first.__aenter__()
    late = asyncio.create_task(write(queue, "late", order))
    after = asyncio.create_task(write(queue, "after", order))
    await queued(queue, 2)
    await first.__aexit__(None, None, None)  # the turn is handed to `late`...
    late.cancel()  # ...which is cancelled before it runs
    with pytest.raises(asyncio.CancelledError):
        await late
    await asyncio.wait_for(after, timeout=5)
    assert order == ["after"]
