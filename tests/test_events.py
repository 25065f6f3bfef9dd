"""track and identify: the wire format, batching, flushing, retries and shutdown."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timezone
from typing import Any

import pytest

from schematic import EventBodyIdentifyCompany
from schematic.client import IdentifyOptions, Schematic, TrackOptions
from schematic.testing import FakeSchematic


def test_track_wire_format(server: FakeSchematic, client: Schematic) -> None:
    before = datetime.now(timezone.utc)
    client.track(
        "api-call",
        company={"id": "acme"},
        user={"user_id": "u1"},
        traits={"endpoint": "/v1/things"},
        quantity=3,
    )
    assert client.flush(5) is True
    [event] = server.events
    assert event["api_key"] == server.api_key
    assert event["type"] == "track"
    assert event["body"] == {
        "event": "api-call",
        "company": {"id": "acme"},
        "user": {"user_id": "u1"},
        "traits": {"endpoint": "/v1/things"},
        "quantity": 3,
    }
    assert len(event["idempotency_key"]) == 36
    sent_at = datetime.fromisoformat(event["sent_at"].replace("Z", "+00:00"))
    assert sent_at.tzinfo is not None and before <= sent_at <= datetime.now(timezone.utc)
    assert "trusted_client_clock" not in event and "backfill" not in event
    [request] = server.requests_to("/batch")
    assert request.method == "POST"
    assert request.header("X-Schematic-Api-Key") == server.api_key


def test_identify_wire_format(server: FakeSchematic, client: Schematic) -> None:
    client.identify(
        keys={"email": "wcoyote@acme.net"},
        company=EventBodyIdentifyCompany(keys={"id": "acme"}, name="Acme", traits={"seats": 5}),
        name="Wile E. Coyote",
        traits={"is_staff": False},
        options=IdentifyOptions(idempotency_key="id-1"),
    )
    client.flush(5)
    [event] = server.events
    assert event["type"] == "identify"
    assert event["idempotency_key"] == "id-1"
    assert event["body"] == {
        "keys": {"email": "wcoyote@acme.net"},
        "company": {"keys": {"id": "acme"}, "name": "Acme", "traits": {"seats": 5}},
        "name": "Wile E. Coyote",
        "traits": {"is_staff": False},
    }
    # The fake applied it, as the API would.
    assert [c["name"] for c in server.companies.values()] == ["Acme"]


def test_track_options_are_sent_only_when_set(server: FakeSchematic, client: Schematic) -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    client.track(
        "ev",
        options=TrackOptions(idempotency_key="k1", sent_at=when, trusted_client_clock=True),
    )
    client.flush(5)
    [event] = server.events
    assert event["idempotency_key"] == "k1"
    assert event["sent_at"] == "2026-01-02T03:04:05Z"
    assert event["trusted_client_clock"] is True
    assert "backfill" not in event


def test_later_changes_to_caller_dicts_do_not_alter_queued_events(
    server: FakeSchematic, client: Schematic
) -> None:
    traits = {"n": 1}
    client.track("ev", traits=traits)
    traits["n"] = 2
    client.flush(5)
    assert server.events[0]["body"]["traits"] == {"n": 1}


def test_traits_with_datetimes_and_decimals_are_encoded(
    server: FakeSchematic, client: Schematic
) -> None:
    from decimal import Decimal

    client.track(
        "ev", traits={"at": datetime(2026, 5, 1, tzinfo=timezone.utc), "cost": Decimal("1.10")}
    )
    client.flush(5)
    assert server.events[0]["body"]["traits"] == {"at": "2026-05-01T00:00:00Z", "cost": "1.10"}


def test_batches_hold_at_most_100_events(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(event_buffer_period=60)
    for i in range(250):
        client.track("ev", quantity=i)
    assert client.flush(5) is True
    sizes = [len(r.body["events"]) for r in server.requests_to("/batch")]
    assert sum(sizes) == 250 and max(sizes) <= 100
    assert sorted(e["body"]["quantity"] for e in server.events) == list(range(250))


def test_a_full_batch_is_sent_before_the_period(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(event_buffer_period=60)
    for _ in range(100):
        client.track("ev")
    assert server.wait_for_events(100, timeout=5)


def test_events_are_sent_every_period(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(event_buffer_period=0.05)
    client.track("ev")
    assert server.wait_for_events(1, timeout=5)


def test_track_never_waits_on_the_network(server: FakeSchematic, make_client: Any) -> None:
    server.add_fault("/batch", hang=True, times=None)
    client = make_client(event_buffer_period=0.01)
    started = time.perf_counter()
    for _ in range(2000):
        client.track("ev")
    assert time.perf_counter() - started < 1.0


def test_server_errors_are_retried_until_delivered_once(
    server: FakeSchematic, client: Schematic
) -> None:
    server.add_fault("/batch", status=500, times=3)
    for i in range(10):
        client.track("ev", quantity=i)
    assert client.flush(5) is True
    assert len(server.events) == 10
    assert client.stats()["events_retried"] >= 1


def test_stored_then_failed_batch_is_not_counted_twice(
    server: FakeSchematic, client: Schematic
) -> None:
    server.add_fault("/batch", status=500, store=True, times=1)
    for _ in range(5):
        client.track("ev")
    assert client.flush(5) is True
    assert len(server.event_receipts) == 10  # the batch arrived twice...
    assert len(server.events) == 5  # ...but its idempotency keys made the repeat a no-op


def test_batch_too_large_is_split(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/batch", status=400, body={"error": "batch too large", "max_size": 100})
    for _ in range(8):
        client.track("ev")
    assert client.flush(5) is True
    assert len(server.events) == 8


def test_other_client_errors_drop_the_batch(server: FakeSchematic, make_client: Any) -> None:
    failures: list[tuple[BaseException, list[str]]] = []
    client = make_client(on_error=lambda exc, events: failures.append((exc, events)))
    server.add_fault("/batch", status=422, body={"error": "bad event"})
    client.track("ev")
    assert client.flush(5) is False
    stats = client.stats()
    assert stats["events_dropped"] == {"rejected": 1}
    assert len(failures) == 1 and len(failures[0][1]) == 1


def test_bad_key_stops_sending_and_logs_once(
    make_client: Any, server: FakeSchematic, caplog: Any
) -> None:
    client = make_client()
    server.api_key = "a-different-key"  # the client now holds a key the server refuses
    with caplog.at_level(logging.ERROR, logger="schematic"):
        client.track("ev")
        client.flush(5)
        client.track("ev")
        client.flush(5)
    assert caplog.text.count("refused the API key") == 1
    assert len(server.requests_to("/batch")) == 1
    assert client.stats()["events_dropped"] == {"unauthorized": 2}


def test_full_queue_drops_new_events_and_warns_once(
    server: FakeSchematic, make_client: Any, caplog: Any
) -> None:
    server.add_fault("/batch", hang=True, times=None)
    client = make_client(event_queue_size=10, event_buffer_period=60, event_overflow="drop")
    with caplog.at_level(logging.WARNING, logger="schematic"):
        for _ in range(25):
            client.track("ev")
    stats = client.stats()
    # At most 10 queued and 10 more in the batch hanging in flight.
    assert 5 <= stats["events_dropped"]["queue_full"] <= 15
    assert stats["events_enqueued"] + stats["events_dropped"]["queue_full"] == 25
    assert stats["queue_depth"] <= 10 and stats["events_blocked"] == 0
    assert caplog.text.count("event queue is full") == 1


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"event": ""}, "event"),
        ({"event": "ev", "company": {"id": 1}}, "company"),
        ({"event": "ev", "quantity": "3"}, "quantity"),
        ({"event": "ev", "traits": {"bad": object()}}, "traits['bad']"),
        ({"event": "ev", "traits": {"x": float("nan")}}, "traits['x']"),
        ({"event": "ev", "options": TrackOptions(idempotency_key="")}, "idempotency_key"),
    ],
)
def test_bad_track_arguments_are_logged_and_dropped(
    client: Schematic, server: FakeSchematic, caplog: Any, kwargs: dict[str, Any], fragment: str
) -> None:
    with caplog.at_level(logging.ERROR, logger="schematic"):
        client.track(**kwargs)
    assert fragment in caplog.text
    assert client.stats()["invalid_calls"] == 1
    assert client.stats()["events_enqueued"] == 0


def test_strict_mode_raises_on_bad_events(make_client: Any) -> None:
    from schematic._events import InvalidEventError

    client = make_client(strict=True)
    with pytest.raises(InvalidEventError, match="keys"):
        client.identify(keys={})


def test_shutdown_sends_queued_events_and_is_idempotent(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(event_buffer_period=60)
    for _ in range(30):
        client.track("ev")
    assert client.shutdown() is True
    assert len(server.events) == 30
    assert client.shutdown() is True
    client.track("late")
    assert client.stats()["events_dropped"] == {"closed": 1}


def test_context_manager_flushes_on_exit(server: FakeSchematic) -> None:
    with server.client(event_buffer_period=60) as client:
        client.track("ev")
    assert len(server.events) == 1


def test_shutdown_against_a_hanging_server_respects_its_deadline(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", hang=True, times=None)
    client = make_client(event_buffer_period=60)
    client.track("ev")
    started = time.monotonic()
    assert client.shutdown(timeout=0.5) is False
    assert time.monotonic() - started < 1.5


def test_exit_hook_delivers_without_shutdown(server: FakeSchematic) -> None:
    script = textwrap.dedent(
        f"""
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("{server.api_key}", SchematicConfig(
            base_url="{server.url}", event_capture_url="{server.url}", event_buffer_period=60))
        for i in range(5000):
            client.track("ev", quantity=i)
        """
    )
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert time.monotonic() - started < 30
    assert len(server.events) == 5000
    assert len({e["idempotency_key"] for e in server.events}) == 5000
