"""Fault injection: delivery is exact under errors, outages, forks, threads and exits.

Each test scripts faults on the fake server and asserts exact counts. The numbers these
tests measure are printed with ``-s`` (``make test`` shows them in the CI log's summary).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from schematic.client import Schematic, SchematicConfig
from schematic.testing import FakeSchematic

ROOT = Path(__file__).resolve().parent.parent


def report(name: str, **numbers: Any) -> None:
    """Print a measurement so that the closing notes can quote it."""
    print(f"\n[measured] {name}: " + ", ".join(f"{k}={v}" for k, v in numbers.items()))


def dead_url() -> str:
    server = FakeSchematic().start()
    url = server.url
    server.stop()
    return url


def run_python(code: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **env},
        check=False,
    )


def test_a_fifth_of_batches_failing_still_delivers_every_event_once(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", status=500, every=5, times=None)
    client = make_client(event_buffer_period=60)
    for i in range(1000):
        client.track("ev", quantity=i)
    assert client.flush(30) is True
    quantities = sorted(e["body"]["quantity"] for e in server.events)
    assert quantities == list(range(1000))
    assert len(server.event_receipts) == 1000  # failed batches never reached the store
    report(
        "20% of batches answered 500",
        events=1000,
        delivered=len(server.events),
        requests=len(server.requests_to("/batch")),
    )


def test_a_fifth_of_batches_stored_then_failed_counts_nothing_twice(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", status=500, store=True, every=5, times=None)
    client = make_client(event_buffer_period=60)
    for i in range(1000):
        client.track("ev", quantity=i)
    assert client.flush(30) is True
    keys = [e["idempotency_key"] for e in server.event_receipts]
    assert len(server.event_receipts) > 1000  # some batches arrived twice...
    assert len(set(keys)) == 1000 == len(server.events)  # ...and were counted once
    report(
        "20% of batches stored, then answered 500",
        events=1000,
        received=len(server.event_receipts),
        counted=len(server.events),
    )


def test_server_down_track_stays_fast_and_exit_keeps_its_deadline() -> None:
    result = run_python(
        f"""
        import json, time
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("k", SchematicConfig(base_url="{dead_url()}",
                           event_capture_url="{dead_url()}", shutdown_timeout=1.0))
        slowest, started = 0.0, time.perf_counter()
        for i in range(10_000):
            t = time.perf_counter()
            client.track("ev", quantity=i)
            slowest = max(slowest, time.perf_counter() - t)
        total = time.perf_counter() - started
        print(json.dumps({{"total": total, "slowest": slowest, "exit_at": time.time()}}))
        """
    )
    ended = time.time()
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    exit_seconds = ended - numbers["exit_at"]
    assert numbers["total"] < 1.0
    # The worker thread may hold the GIL for one switch interval (5 ms) during a call.
    assert numbers["slowest"] < 0.010
    assert exit_seconds < 1.0 + 1.5  # the shutdown deadline plus interpreter teardown
    report(
        "API down, 10,000 track() calls",
        total_s=round(numbers["total"], 3),
        slowest_ms=round(numbers["slowest"] * 1000, 3),
        exit_s=round(exit_seconds, 2),
    )


def test_exit_against_a_hanging_server_keeps_its_deadline(server: FakeSchematic) -> None:
    server.add_fault("/batch", hang=True, times=None)
    started = time.monotonic()
    result = run_python(
        f"""
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("{server.api_key}", SchematicConfig(base_url="{server.url}",
                           event_capture_url="{server.url}", shutdown_timeout=0.5))
        for i in range(300):
            client.track("ev")
        """
    )
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 5


def test_fork_child_sends_its_own_events_and_not_the_parents(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(event_buffer_period=60)
    for i in range(50):
        client.track("parent", quantity=i)
    pid = os.fork()
    if pid == 0:  # the child: track, flush, and leave without running pytest's teardown
        code = 1
        try:
            for i in range(30):
                client.track("child", quantity=i)
            code = 0 if client.flush(10) else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert client.flush(10) is True
    assert len(server.tracked("child")) == 30
    assert len(server.tracked("parent")) == 50
    assert len(server.event_receipts) == 80  # nothing was sent twice


def test_gunicorn_preload_with_two_workers_delivers_every_event(server: FakeSchematic) -> None:
    pytest.importorskip("gunicorn")
    import socket

    import requests

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "SCHEMATIC_API_KEY": server.api_key or "",
        "SCHEMATIC_BASE_URL": server.url,
        "SCHEMATIC_EVENT_CAPTURE_URL": server.url,
        "PYTHONPATH": str(ROOT / "tests"),
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--preload",
        "-w",
        "2",
        "-b",
        f"127.0.0.1:{port}",
        "--graceful-timeout",
        "10",
        "wsgi_app:app",
    ]
    gunicorn = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(url, timeout=1)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.05)
        pids = set()
        for _ in range(199):
            pids.add(requests.get(url, headers={"Connection": "close"}, timeout=5).text)
    finally:
        gunicorn.terminate()
        _, errors = gunicorn.communicate(timeout=30)
    assert gunicorn.returncode == 0, errors
    served = server.tracked("request")
    assert len(served) == 200
    assert len({e["idempotency_key"] for e in served}) == 200
    assert len(server.tracked("boot")) == 1  # queued before the fork, sent by the master only
    report("gunicorn --preload -w 2", requests=200, delivered=len(served), workers=len(pids))


def test_eight_threads_give_exact_totals(server: FakeSchematic, make_client: Any) -> None:
    server.set_flag("beta", True, company={"id": "even"})
    # Room for every event: this test is about thread safety, not about overload.
    client = make_client(event_buffer_period=0.01, event_queue_size=20_000)
    errors: list[BaseException] = []
    per_thread = 2000

    def work(n: int) -> None:
        try:
            company = {"id": "even" if n % 2 == 0 else "odd"}
            for i in range(per_thread):
                client.track("ev", company=company, quantity=1)
                assert client.check_flag("beta", company=company) is (n % 2 == 0)
                if i % 500 == 0:
                    client.companies.upsert_company(keys={"id": f"t{n}"}, name=f"thread {n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert client.flush(30) is True
    assert len(server.events) == 8 * per_thread
    assert sum(e["body"]["quantity"] for e in server.events) == 8 * per_thread
    assert len(server.companies) == 8
    stats = client.stats()
    assert stats["events_enqueued"] == stats["events_sent"] == 8 * per_thread
    report(
        "8 threads x 2,000 track + check_flag",
        events=len(server.events),
        seconds=round(time.perf_counter() - started, 2),
    )


def test_spooled_events_arrive_with_the_next_process(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    down = dead_url()
    first = run_python(
        f"""
        from schematic.client import Schematic, SchematicConfig
        client = Schematic("sch_test_key", SchematicConfig(base_url="{down}",
            event_capture_url="{down}", event_spool_dir={str(spool)!r}, shutdown_timeout=0.3))
        for i in range(500):
            client.track("cron-run", quantity=i)
        """
    )
    assert first.returncode == 0, first.stderr
    files = list(spool.iterdir())
    assert len(files) == 1
    assert "sch_test_key" not in files[0].read_text()
    assert len(files[0].read_text().splitlines()) == 500

    with FakeSchematic() as server:
        second = run_python(
            f"""
            from schematic.client import Schematic, SchematicConfig
            client = Schematic("sch_test_key", SchematicConfig(base_url="{server.url}",
                event_capture_url="{server.url}", event_spool_dir={str(spool)!r}))
            client.track("next-run")
            assert client.flush(10)
            """
        )
        assert second.returncode == 0, second.stderr
        assert sorted(e["body"]["quantity"] for e in server.tracked("cron-run")) == list(range(500))
        assert len(server.tracked("next-run")) == 1
    assert list(spool.iterdir()) == []
    report("spool across restarts", spooled=500, delivered_next_start=500)


def test_spool_of_another_key_is_left_alone(tmp_path: Path, server: FakeSchematic) -> None:
    from schematic._spool import Spool

    Spool(tmp_path, "another-key", logging.getLogger("test")).save(['{"type":"track"}'])
    client = server.client(event_spool_dir=str(tmp_path))
    assert client.flush(5) is True
    client.shutdown()
    assert server.events == []
    assert len(list(tmp_path.iterdir())) == 1


def test_circuit_breaker_skips_the_network_during_an_outage(
    server: FakeSchematic, make_client: Any
) -> None:
    now = [1000.0]
    client = make_client(
        max_retries=0,
        cache_providers=[],
        circuit_breaker_threshold=3,
        circuit_breaker_cooldown=30,
        flag_defaults={"beta": True},
    )
    client._checker.breaker.clock = lambda: now[0]
    server.add_fault("/flags/", status=503, times=None)
    for _ in range(3):
        assert client.check_flag("beta") is True
    assert len(server.requests_to("/flags/")) == 3
    started = time.perf_counter()
    result = client.check_flag_with_entitlement("beta")
    assert time.perf_counter() - started < 0.01
    assert (result.value, result.reason) == (
        True,
        "API unavailable (circuit open) - using default value",
    )
    assert len(server.requests_to("/flags/")) == 3
    assert client.stats()["circuit_open"] is True

    now[0] += 31  # after the cool-down one check probes the API; still down, so it stays open
    client.check_flag("beta")
    client.check_flag("beta")
    assert len(server.requests_to("/flags/")) == 4

    server.clear_faults()
    server.set_flag("beta", False)
    now[0] += 31
    assert client.check_flag("beta") is False  # the probe succeeded: closed again
    assert client.check_flag("beta") is False
    assert len(server.requests_to("/flags/")) == 6
    assert client.stats()["circuit_open"] is False


def test_last_known_value_answers_when_the_api_fails(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(max_retries=0, cache_providers=[])
    server.set_flag("beta", True)
    assert client.check_flag("beta", company={"id": "acme"}) is True
    server.add_fault("/flags/", status=500, times=None)
    result = client.check_flag_with_entitlement("beta", company={"id": "acme"})
    assert result.value is True
    assert result.reason.startswith("API unavailable - using the last value received: ")
    assert result.flag_id is not None
    other = client.check_flag_with_entitlement("beta", company={"id": "globex"})
    assert other.value is False and other.reason.startswith("Error occurred")


def test_api_key_never_appears_in_logs(
    server: FakeSchematic, make_client: Any, caplog: Any
) -> None:
    key = "sch_secret_do_not_log"
    server.api_key = key
    with caplog.at_level(logging.DEBUG):
        client = make_client()
        server.add_fault("/flags/", status=503, times=2)
        server.add_fault("/batch", status=500, times=2)
        client.check_flag("beta")
        client.track("ev")
        client.flush(5)
        server.api_key = "rotated"
        client.track("ev")
        client.flush(5)
        with pytest.raises(Exception):  # noqa: B017 - any error; its text must not hold the key
            client.companies.list_companies(request_options={"max_retries": 0})
    assert caplog.records, "expected the scenario to log something"
    assert key not in caplog.text
    assert all(key not in str(r.args) for r in caplog.records)


def test_tls_verification_is_on_by_default() -> None:
    client = Schematic("k", SchematicConfig())
    assert client._transport.session.verify is True


def test_on_error_callback_failures_are_contained(server: FakeSchematic, make_client: Any) -> None:
    calls: list[int] = []

    def on_error(exc: BaseException, events: list[str]) -> None:
        calls.append(len(events))
        client.track("from-the-callback")  # re-entering the client must not deadlock
        raise RuntimeError("callback bug")

    client = make_client(on_error=on_error)
    server.add_fault("/batch", status=422, times=1)
    client.track("ev")
    client.flush(5)
    assert calls == [1]
    assert client.flush(5) is True
    assert len(server.tracked("from-the-callback")) == 1


def test_a_failing_batch_waits_for_the_next_round(server: FakeSchematic, make_client: Any) -> None:
    server.add_fault("/batch", status=503, times=None)
    client = make_client(event_buffer_period=0.2, event_retry_delay=0.05)
    client.track("ev")
    assert client.flush(1.0) is False  # the outage outlasts the flush
    during_flush = len(server.requests_to("/batch"))
    # Each round makes at most 4 attempts (with backoff), then the batch waits for the
    # next period: about 2 or 3 rounds fit in a second, not hundreds of attempts.
    assert 2 <= during_flush <= 16
    started = len(server.requests_to("/batch"))
    assert client.shutdown(timeout=0.5) is False
    assert len(server.requests_to("/batch")) - started <= 3  # one try per round at shutdown
    assert client.stats()["events_dropped"] == {"shutdown": 1}
