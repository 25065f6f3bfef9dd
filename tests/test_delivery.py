"""Delivery under load: backpressure, several batches in flight, forks and dropped clients.

Every test counts exactly: distinct idempotency keys = events tracked, and an event that
arrived twice did so with the same key. The numbers are printed with ``-s``.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_reliability import dead_url, report, run_python

from schematic._events import track_event
from schematic._retry import Retry
from schematic._transport import Transport
from schematic._worker import EventWorker
from schematic.client import Schematic, SchematicConfig, _EventSender
from schematic.testing import FakeSchematic


def keys_of(server: FakeSchematic) -> Counter[str]:
    return Counter(e["idempotency_key"] for e in server.event_receipts)


def assert_exactly_once(server: FakeSchematic, event: str, count: int) -> None:
    """``count`` events named ``event`` arrived, each once, with quantities 0..count-1."""
    tracked = server.tracked(event)
    assert sorted(e["body"]["quantity"] for e in tracked) == list(range(count))
    assert len({e["idempotency_key"] for e in tracked}) == count


# -- backpressure while the service is healthy -----------------------------------------------
def test_a_burst_of_20000_with_default_settings_arrives_exactly_once(
    server: FakeSchematic,
) -> None:
    # The first batch each of the four senders takes waits a second: the loop fills the queue
    # long before (10,000 calls take a few hundred ms at most) and must wait for room, though
    # never as long as the 2 s that would drop an event.
    server.add_fault("/batch", delay=1.0, times=4)
    client = server.client()  # default settings: a queue of 10,000 and the "block" policy
    started = time.perf_counter()
    for i in range(20_000):
        client.track("burst", quantity=i)
    tracked = time.perf_counter() - started
    assert client.flush(60) is True
    stats = client.stats()
    client.shutdown()
    assert_exactly_once(server, "burst", 20_000)
    assert len(server.event_receipts) == 20_000  # nothing sent twice
    assert stats["events_dropped"] == {}
    assert stats["events_blocked"] > 0  # the loop outran delivery and waited for room
    assert max(len(r.body["events"]) for r in server.requests_to("/batch")) <= 100
    report(
        "20,000 track() in a loop, default settings",
        delivered=len(server.events),
        track_s=round(tracked, 2),
        calls_that_waited=stats["events_blocked"],
        waited_s=round(stats["events_blocked_seconds"], 2),
    )


def test_a_burst_with_a_fifth_of_batches_failing_arrives_exactly_once(
    server: FakeSchematic,
) -> None:
    server.add_fault("/batch", status=500, every=5, times=None)
    client = server.client()  # default retry delays: a failed batch waits, the rest go on
    started = time.perf_counter()
    for i in range(20_000):
        client.track("burst", quantity=i)
    assert client.flush(60) is True
    seconds = time.perf_counter() - started
    stats = client.stats()
    client.shutdown()
    assert_exactly_once(server, "burst", 20_000)
    assert len(server.event_receipts) == 20_000  # failed batches never reached the store
    assert stats["events_dropped"] == {}
    assert stats["events_retried"] > 0
    assert seconds < 30
    report(
        "20,000 track() with 20% of batches answered 500",
        delivered=len(server.events),
        seconds=round(seconds, 2),
        requests=len(server.requests_to("/batch")),
    )


@pytest.mark.parametrize(
    "config",
    [{}, {"event_queue_size": 300}],
    ids=["default settings", "a queue that fills: the threads wait for room"],
)
def test_eight_threads_tracking_2000_each_arrive_exactly_once(
    server: FakeSchematic, config: dict[str, Any]
) -> None:
    if config:
        server.add_fault("/batch", delay=0.01, times=None)
    client = server.client(**config)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(2000):
                client.track(f"thread-{n}", quantity=i)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert client.flush(60) is True
    stats = client.stats()
    client.shutdown()
    for n in range(8):
        assert_exactly_once(server, f"thread-{n}", 2000)
    assert len(server.event_receipts) == 16_000
    assert stats["events_dropped"] == {}
    if config:
        assert stats["events_blocked"] > 0
    report(
        f"8 threads x 2,000 track(), {config or 'default settings'}",
        delivered=len(server.events),
        seconds=round(time.perf_counter() - started, 2),
        calls_that_waited=stats["events_blocked"],
    )


def test_a_full_queue_waits_only_as_long_as_delivery_takes(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", delay=0.05, times=None)  # every batch takes 50 ms
    client = make_client(event_queue_size=200, event_concurrency=1, event_buffer_period=60)
    slowest = 0.0
    for i in range(1000):
        started = time.perf_counter()
        client.track("slow", quantity=i)
        slowest = max(slowest, time.perf_counter() - started)
    assert client.flush(30) is True
    assert_exactly_once(server, "slow", 1000)
    stats = client.stats()
    assert stats["events_blocked"] > 0 and stats["events_dropped"] == {}
    assert slowest < 1.0  # a batch takes 50 ms: no call waits near its 2 s bound
    assert stats["queue_depth"] == 0


def test_the_drop_policy_never_waits(server: FakeSchematic, make_client: Any) -> None:
    server.add_fault("/batch", delay=0.2, times=None)
    client = make_client(event_queue_size=100, event_overflow="drop", event_concurrency=1)
    started = time.perf_counter()
    for i in range(1000):
        client.track("fast", quantity=i)
    assert time.perf_counter() - started < 0.5
    stats = client.stats()
    assert stats["events_blocked"] == 0
    assert stats["events_enqueued"] + stats["events_dropped"]["queue_full"] == 1000
    assert stats["events_dropped"]["queue_full"] >= 800


# -- no waiting while the service is failing --------------------------------------------------
def test_track_with_the_service_down_never_waits() -> None:
    result = run_python(
        f"""
        import json, time
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("k", SchematicConfig(event_capture_url="{dead_url()}",
                           shutdown_timeout=0.2))
        slowest, started = 0.0, time.perf_counter()
        for i in range(30_000):  # past the 10,000 the queue holds
            t = time.perf_counter()
            client.track("ev", quantity=i)
            slowest = max(slowest, time.perf_counter() - t)
        total = time.perf_counter() - started
        print(json.dumps({{"total": total, "slowest": slowest, **client.stats()}}))
        """
    )
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    assert numbers["total"] < 1.0 * 3  # 30,000 calls: under 1 s for each 10,000
    assert numbers["slowest"] < 0.050
    # At most one call waits, for the outcome of the very first attempt; none after it.
    assert numbers["events_blocked"] <= 1 and numbers["events_blocked_seconds"] < 0.050
    assert numbers["queue_depth"] <= 10_000
    assert numbers["events_enqueued"] + numbers["events_dropped"]["queue_full"] == 30_000
    report(
        "API down, 30,000 track() calls, block policy",
        total_s=round(numbers["total"], 3),
        slowest_ms=round(numbers["slowest"] * 1000, 3),
        dropped=numbers["events_dropped"]["queue_full"],
        waited_ms=round(numbers["events_blocked_seconds"] * 1000, 3),
    )


def test_a_hanging_service_costs_one_bounded_wait_then_none(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", hang=True, times=None)
    client = make_client(event_queue_size=100, event_block_timeout=0.3, event_concurrency=1)
    started = time.perf_counter()
    slowest = 0.0
    for i in range(5000):
        t = time.perf_counter()
        client.track("ev", quantity=i)
        slowest = max(slowest, time.perf_counter() - t)
    total = time.perf_counter() - started
    stats = client.stats()
    assert slowest < 0.3 + 0.1
    assert total < 0.3 + 1.0
    assert 1 <= stats["events_blocked"] <= 2
    assert stats["events_enqueued"] + stats["events_dropped"]["queue_full"] == 5000


def test_a_byte_budget_bounds_the_queue_of_large_events(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", hang=True, times=None)
    client = make_client(event_queue_bytes=64 * 1024, event_overflow="drop", event_concurrency=2)
    for i in range(200):
        client.track("big", quantity=i, traits={"blob": "x" * 4000})
    stats = client.stats()
    assert stats["queue_bytes"] <= 64 * 1024
    assert stats["queue_depth"] <= 16  # 64 KiB / 4 KB: the count bound (10,000) never matters
    assert stats["events_enqueued"] + stats["events_dropped"]["queue_full"] == 200


def test_an_event_larger_than_the_budget_is_still_sent_alone(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(event_queue_bytes=1024)
    client.track("huge", quantity=0, traits={"blob": "x" * 5000})
    assert client.flush(5) is True
    assert_exactly_once(server, "huge", 1)


def test_events_without_room_go_to_the_spool_and_arrive_later(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    down = dead_url()
    first = run_python(
        f"""
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("sch_test_key", SchematicConfig(event_capture_url="{down}",
            event_spool_dir={str(spool)!r}, event_queue_size=1000, shutdown_timeout=0.2))
        for i in range(5000):
            client.track("cron-run", quantity=i)
        stats = client.stats()
        assert stats["events_dropped"] == {{}}, stats
        print(stats["events_spooled"])
        """
    )
    assert first.returncode == 0, first.stderr
    with FakeSchematic() as server:
        client = server.client(event_spool_dir=str(spool))
        deadline = time.monotonic() + 20
        while len(server.events) < 5000 and time.monotonic() < deadline:
            client.flush(1)
        client.shutdown()
        assert_exactly_once(server, "cron-run", 5000)
    assert list(spool.iterdir()) == []


def test_spooled_overflow_is_sent_by_the_same_process_once_delivery_resumes(
    tmp_path: Path, server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", status=503, times=None)
    client = make_client(
        event_spool_dir=str(tmp_path), event_queue_size=200, event_buffer_period=0.05
    )
    for i in range(1000):
        client.track("outage", quantity=i)
    assert client.stats()["events_spooled"] >= 700
    server.clear_faults()
    deadline = time.monotonic() + 20
    while len(server.tracked("outage")) < 1000 and time.monotonic() < deadline:
        client.flush(0.5)
    assert_exactly_once(server, "outage", 1000)


# -- several batches in flight ----------------------------------------------------------------
def test_several_batches_are_in_flight_at_once(server: FakeSchematic, make_client: Any) -> None:
    server.add_fault("/batch", delay=0.3, times=None)
    client = make_client(event_buffer_period=60, event_concurrency=4)
    started = time.perf_counter()
    for i in range(800):
        client.track("parallel", quantity=i)
    assert client.flush(10) is True
    seconds = time.perf_counter() - started
    arrivals = sorted(r.at for r in server.requests_to("/batch"))
    assert len(arrivals) == 8
    # Four at a time: two waves of 0.3 s, not eight.
    assert seconds < 8 * 0.3
    assert sum(1 for at in arrivals if at - arrivals[0] < 0.2) == 4
    assert_exactly_once(server, "parallel", 800)


def test_each_batch_holds_consecutive_events_in_order(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(event_buffer_period=60, event_concurrency=4)
    for i in range(2000):
        client.track("ordered", quantity=i)
    assert client.flush(10) is True
    for request in server.requests_to("/batch"):
        quantities = [e["body"]["quantity"] for e in request.body["events"]]
        assert quantities == list(range(quantities[0], quantities[0] + len(quantities)))
        times = [e["sent_at"] for e in request.body["events"]]
        assert times == sorted(times)
    assert_exactly_once(server, "ordered", 2000)


def test_with_one_in_flight_batches_arrive_in_order(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(event_buffer_period=60, event_concurrency=1)
    for i in range(1000):
        client.track("ordered", quantity=i)
    assert client.flush(10) is True
    assert [e["body"]["quantity"] for e in server.events] == list(range(1000))


def test_a_failing_batch_does_not_hold_up_the_others(server: FakeSchematic) -> None:
    server.add_fault("/batch", status=500, times=1)
    transport = Transport(server.api_key or "", base_url=server.url)
    worker = EventWorker(
        _EventSender(transport, server.url + "/batch", server.api_key or "", 5.0),
        period=60,
        concurrency=1,
        retry=Retry(None, 0.5, 30.0, jitter=lambda: 0.0),  # the failed batch waits 0.5 s
    )
    for i in range(500):
        worker.submit(track_event("ev", None, None, None, i, None))
    assert worker.flush(10) is True
    worker.close()
    first = [e["body"]["quantity"] for e in server.events[:400]]
    assert first == list(range(100, 500))  # the four other batches went while it waited
    assert_exactly_once(server, "ev", 500)


def test_a_failing_service_is_probed_one_attempt_at_a_time(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", status=503, times=None)
    client = make_client(event_buffer_period=60, event_retry_delay=0.1, event_concurrency=4)
    for i in range(2000):
        client.track("ev", quantity=i)
    client.flush(1.0)
    requests = server.requests_to("/batch")
    # Twenty batches, one second: a few attempts at growing intervals (0.1 s, 0.2 s, 0.4 s
    # ... times a random fraction), never all twenty, let alone their retries.
    assert len(requests) <= 15
    stats = client.stats()
    assert stats["queue_depth"] == 2000 and stats["events_dropped"] == {}
    server.clear_faults()
    assert client.flush(30) is True
    assert_exactly_once(server, "ev", 2000)


# -- processes and lifecycles -----------------------------------------------------------------
def test_five_children_forked_from_a_busy_parent_each_send_their_own(
    server: FakeSchematic,
) -> None:
    result = run_python(
        f"""
        import os, threading, time
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("{server.api_key}", SchematicConfig(
            base_url="{server.url}", event_capture_url="{server.url}",
            event_buffer_period=0.05))
        def busy():
            for i in range(20_000):
                client.track("parent", quantity=i)
        tracker = threading.Thread(target=busy)
        tracker.start()
        children = []
        for n in range(5):
            time.sleep(0.02)
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    for i in range(300):
                        client.track(f"child-{{n}}", quantity=i)
                    code = 0 if client.shutdown(20) else 2
                finally:
                    os._exit(code)
            children.append(pid)
        for pid in children:
            _, status = os.waitpid(pid, 0)
            assert os.waitstatus_to_exitcode(status) == 0, status
        tracker.join()
        assert client.shutdown(30)
        """,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert_exactly_once(server, "parent", 20_000)
    for n in range(5):
        assert_exactly_once(server, f"child-{n}", 300)
    assert max(keys_of(server).values()) == 1  # no event was sent twice
    report("5 children forked from a busy parent", events=len(server.events))


def open_sockets() -> int:
    return sum(
        1
        for fd in os.listdir("/proc/self/fd")
        if os.path.exists(f"/proc/self/fd/{fd}")
        and os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    )


def test_a_thousand_dropped_clients_leave_no_thread_or_socket(server: FakeSchematic) -> None:
    threads, sockets = threading.active_count(), open_sockets()
    for i in range(1000):
        client = server.client()
        client.track("dropped", quantity=i)
        del client  # never shut down
    gc.collect()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        len(server.events) < 1000 or threading.active_count() > threads
    ):
        time.sleep(0.05)
    assert_exactly_once(server, "dropped", 1000)
    assert threading.active_count() <= threads
    deadline = time.monotonic() + 5
    while open_sockets() > sockets and time.monotonic() < deadline:
        time.sleep(0.05)
    assert open_sockets() <= sockets
    report("1,000 clients dropped without shutdown()", delivered=len(server.events))


def test_a_dropped_client_without_events_closes_its_session(server: FakeSchematic) -> None:
    client = server.client()
    assert client.companies.list_companies().data is not None  # a connection in the pool
    pool = client._transport.session.adapters["http://"].poolmanager
    assert len(pool.pools) == 1
    del client
    gc.collect()
    assert len(pool.pools) == 0


def test_a_dropped_client_keeps_trying_then_spools_as_a_live_one_would(tmp_path: Path) -> None:
    down = dead_url()
    client = Schematic(
        "sch_test_key",
        SchematicConfig(
            event_capture_url=down,
            event_spool_dir=str(tmp_path),
            event_retry_delay=0.01,
            event_retry_window=0.5,
        ),
    )
    for i in range(50):
        client.track("dropped", quantity=i)
    del client
    gc.collect()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not list(tmp_path.glob("*.jsonl")):
        time.sleep(0.05)
    lines = [line for f in tmp_path.glob("*.jsonl") for line in f.read_text().splitlines()]
    assert sorted(json.loads(line)["body"]["quantity"] for line in lines) == list(range(50))


# -- a damaged spool --------------------------------------------------------------------------
def test_a_corrupt_spool_file_sends_its_intact_events_and_sets_the_rest_aside(
    tmp_path: Path, server: FakeSchematic, caplog: Any
) -> None:
    from schematic._spool import Spool

    good = [
        json.dumps({"type": "track", "body": {"event": "saved", "quantity": i},
                    "idempotency_key": f"saved-{i}"})
        for i in range(10)
    ]  # fmt: skip
    Spool(tmp_path, server.api_key or "", logging.getLogger("test")).save(good)
    (path,) = tmp_path.glob("*.jsonl")
    damaged = (
        "\n".join(good[:4]).encode()
        + b"\nnot json at all\n"
        + b'{"type": "track", "body": "not an object"}\n'
        + b'{"type":"track","api_key":"someone-else","body":{"event":"x"}}\n'
        + b"\xff\xfe invalid utf-8\n"
        + "\n".join(good[4:]).encode()
        + b'\n{"type": "track", "body": {"event": "cut sh'  # the last line cut short
    )
    path.write_bytes(damaged)
    with caplog.at_level(logging.WARNING, logger="schematic"):
        client = server.client(event_spool_dir=str(tmp_path))
        deadline = time.monotonic() + 10
        while len(server.events) < 10 and time.monotonic() < deadline:
            client.flush(0.5)
        client.shutdown()
    assert sorted(e["body"]["quantity"] for e in server.tracked("saved")) == list(range(10))
    assert [r.status for r in server.requests_to("/batch")] == [200]  # nothing invalid sent
    (aside,) = tmp_path.glob("*.corrupt")
    assert aside.read_bytes().count(b"\n") == 5
    assert b"cut sh" in aside.read_bytes() and b"\xff\xfe" in aside.read_bytes()
    assert caplog.text.count("set aside") == 1
    assert list(tmp_path.glob("*.jsonl*")) == []


# -- settings ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("event_overflow", "wait"),
        ("event_overflow", None),
        ("event_queue_bytes", 0),
        ("event_queue_bytes", 1.5),
        ("event_block_timeout", -1),
        ("event_block_timeout", float("nan")),
        ("event_concurrency", 0),
        ("event_concurrency", 1000),
        ("event_concurrency", True),
    ],
)
def test_delivery_settings_are_checked_when_the_client_is_built(setting: str, value: Any) -> None:
    with pytest.raises(ValueError, match=setting):
        SchematicConfig(**{setting: value})
