"""AsyncSchematic: same methods as coroutines, and the event loop is never blocked."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from typing import Any

import pytest
from conftest import FAST

from schematic import NotFoundError
from schematic.client import AsyncSchematic, SchematicConfig
from schematic.testing import FakeSchematic


def make(server: FakeSchematic, **config: Any) -> AsyncSchematic:
    settings = {"base_url": server.url, "event_capture_url": server.url, **FAST, **config}
    return AsyncSchematic(server.api_key, SchematicConfig(**settings))


def test_constructed_outside_a_running_loop(server: FakeSchematic) -> None:
    client = make(server)  # no loop is running here
    server.set_flag("beta", True)

    async def main() -> bool:
        async with client:
            return await client.check_flag("beta")

    assert asyncio.run(main()) is True


def test_a_slow_api_does_not_block_the_loop(server: FakeSchematic) -> None:
    server.add_fault("/flags/", delay=0.4, times=None)
    server.set_flag("beta", True)
    client = make(server)
    ticks: list[float] = []

    async def heartbeat(stop: asyncio.Event) -> None:
        while not stop.is_set():
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    async def main() -> bool:
        stop = asyncio.Event()
        beat = asyncio.create_task(heartbeat(stop))
        answer = await client.check_flag("beta")
        stop.set()
        await beat
        await client.shutdown()
        return answer

    assert asyncio.run(main()) is True
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 20  # the heartbeat kept ticking while the check waited 0.4 s
    assert max(gaps) < 0.15


def test_cached_checks_answer_on_the_loop_thread(server: FakeSchematic) -> None:
    server.set_flag("beta", True)
    client = make(server)
    seen: list[str] = []

    async def main() -> None:
        await client.check_flag("beta")
        real_run = client._run

        async def watched(func: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(threading.current_thread().name)
            return await real_run(func, *args, **kwargs)

        client._run = watched  # type: ignore[method-assign]
        assert await client.check_flag("beta") is True
        client._run = real_run  # type: ignore[method-assign]
        await client.shutdown()

    asyncio.run(main())
    assert seen == []  # the cached answer needed no trip to the thread pool


def test_resources_events_and_errors(server: FakeSchematic) -> None:
    client = make(server)

    async def main() -> None:
        created = await client.companies.upsert_company(keys={"id": "acme"}, name="Acme")
        fetched = await client.companies.get_company(created.data.id)
        assert fetched.data.name == "Acme"
        with pytest.raises(NotFoundError):
            await client.companies.get_company("missing")
        names = [c.name async for c in client.companies.iter_companies()]
        assert names == ["Acme"]
        await client.track("ev", company={"id": "acme"}, quantity=2)
        await client.identify({"email": "a@acme.net"}, company={"keys": {"id": "acme"}})
        assert await client.flush(5) is True
        await client.shutdown()

    asyncio.run(main())
    assert [e["body"]["quantity"] for e in server.tracked("ev")] == [2]
    assert len(server.identified()) == 1


def test_shutdown_is_idempotent_and_installs_no_signal_handlers(server: FakeSchematic) -> None:
    import signal

    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    client = make(server)

    async def main() -> None:
        await client.track("ev")
        assert await client.shutdown() is True
        assert await client.shutdown() is True

    asyncio.run(main())
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
    assert len(server.tracked("ev")) == 1


def test_tracking_into_a_full_queue_waits_off_the_loop(server: FakeSchematic) -> None:
    server.add_fault("/batch", delay=0.2, times=None)  # each batch takes 0.2 s
    client = make(server, event_queue_size=100, event_concurrency=1, event_buffer_period=60)
    ticks: list[float] = []

    async def heartbeat(stop: asyncio.Event) -> None:
        while not stop.is_set():
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    async def main() -> dict[str, Any]:
        stop = asyncio.Event()
        beat = asyncio.create_task(heartbeat(stop))
        await asyncio.sleep(0.05)  # the heartbeat is ticking
        for i in range(300):  # three times what the queue holds
            await client.track("busy", quantity=i)
        assert await client.flush(10) is True
        stop.set()
        await beat
        stats = client.stats()
        await client.shutdown()
        return stats

    stats = asyncio.run(main())
    assert sorted(e["body"]["quantity"] for e in server.tracked("busy")) == list(range(300))
    assert stats["events_blocked"] > 0 and stats["events_dropped"] == {}
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 20 and max(gaps) < 0.15  # the loop ran while track waited
