"""Local evaluation end to end: a real WebSocket server speaking DataStream, the fake API.

Each test drives a ``Schematic`` client against ``FakeDataStream`` (the stream) and
``FakeSchematic`` (the API it falls back to) and waits on what the client applied, never
on the clock.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from datastream_server import FakeDataStream, Probe, SilentServer, message
from rules_engine_builders import company, condition, flag, metric, rule, user

from schematic import DataStreamConfig
from schematic.client import Schematic
from schematic.datastream import evaluate
from schematic.testing import FakeSchematic

COMPANY = "rulesengine.Company"
ACME = {"id": "acme"}
FAST = {"reconnect_min_delay": 0.005, "reconnect_max_delay": 0.02, "resource_timeout": 5.0}

Make = Callable[..., Schematic]


@pytest.fixture
def stream() -> Iterator[FakeDataStream]:
    with FakeDataStream() as fake:
        yield fake


@pytest.fixture
def local(make_client: Any, stream: FakeDataStream) -> Make:
    """Build a client using ``stream``; ``options`` go to its DataStreamConfig."""

    def make(**options: Any) -> Schematic:
        config = DataStreamConfig(**{"url": stream.url, **FAST, **options})
        client: Schematic = make_client(use_datastream=True, datastream=config)
        return client

    return make


def ready(client: Schematic) -> Probe:
    """Open the client's stream and wait for its flags."""
    probe = Probe(client)
    client.initialize()
    probe.ready()
    return probe


def metered_flag(limit: int = 10) -> dict[str, Any]:
    """On while the company's all-time ``api`` usage is below ``limit``."""
    under = condition("metric", "lt", event_subtype="api", metric_value=limit)
    return flag(rule("plan_entitlement", under, id="r_api", name="API quota"), key="api")


@pytest.fixture
def dead_url() -> Iterator[str]:
    """An address that refuses connections: bound, never listening.

    Holding the port keeps the kernel from handing it out as the client's own source port,
    which would let a connection to a closed port reach itself.
    """
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"ws://127.0.0.1:{held.getsockname()[1]}/datastream"


def was_local(result: Any) -> bool:
    """Whether the engine gave the answer (the fake API words its reasons differently)."""
    return (
        re.fullmatch(r'Matched .* rule ".*" \(.*\)|No rules matched.*', result.reason) is not None
    )


# -- answers --------------------------------------------------------------------------------
def test_handshake_and_first_request(stream: FakeDataStream, local: Make) -> None:
    ready(local())
    headers = stream.handshakes[0]
    assert headers["x-schematic-api-key"] == "sch_test_key"
    assert headers["x-schematic-datastream-mode"] == "direct"
    assert headers["x-schematic-client"] == "schematic-python"
    assert headers["x-schematic-client-version"]
    assert stream.requests() == [{"action": "start", "entity_type": "rulesengine.Flags"}]


def test_local_answers_equal_the_engine_and_skip_the_api(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    subject = company(metrics=[metric("api", 4)], plan_ids=["plan_pro"])
    stream.flags = [metered_flag()]
    stream.add("company", subject)
    client = local()
    ready(client)
    result = client.check_flag_with_entitlement("api", company=ACME)
    assert result == evaluate(metered_flag(), subject)
    assert result.value is True and result.feature_usage == 4 and result.feature_allocation == 10
    assert client.check_flag("api", company={"ID": "ACME"}) is True  # keys match any case
    assert server.requests_to("/flags") == []
    assert stream.requests(COMPANY) == [{"action": "start", "entity_type": COMPANY, "keys": ACME}]
    assert client.flush(5)
    checks = [e["body"] for e in server.events if e["type"] == "flag_check"]
    assert checks[0] == {
        "flag_key": "api",
        "value": True,
        "reason": result.reason,
        "rule_id": "r_api",
        "flag_id": "flag_1",
        "company_id": "comp_1",
        "user_id": None,
        "req_company": ACME,
        "req_user": None,
    }


def test_user_rules_and_traits_are_evaluated(stream: FakeDataStream, local: Make) -> None:
    beta = condition("user", resource_ids=["user_1"])
    stream.flags = [flag(rule("standard", beta, id="r_beta", name="Beta"), key="beta")]
    stream.add("company", company())
    stream.add("user", user())
    client = local()
    ready(client)
    result = client.check_flag_with_entitlement("beta", company=ACME, user={"email": "a@b.c"})
    assert result.value is True and result.user_id == "user_1" and result.rule_id == "r_beta"
    assert client.check_flag("beta", company=ACME) is False  # no user: no match


def test_concurrent_checks_share_one_request(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    subject = company(metrics=[metric("api", 1)])
    stream.answer = False
    client = local()
    ready(client)
    results: list[Any] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(client.check_flag_with_entitlement("api", company=ACME))
        )
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    assert stream.wait_for(lambda: len(stream.requests(COMPANY)) == 1)
    stream.push(message(COMPANY, "full", subject, "comp_1"))
    for thread in threads:
        thread.join(10)
    assert len(results) == 8 and all(r.value is True and was_local(r) for r in results)
    assert len(stream.requests(COMPANY)) == 1
    assert server.requests_to("/flags") == []


def test_check_flags_answers_locally_when_it_can(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag(), flag(key="other", default=True)]
    stream.add("company", company())
    client = local()
    ready(client)
    values = [r.value for r in client.check_flags(["api", "other"], company=ACME)]
    assert values == [True, True] and server.requests_to("/flags") == []
    server.set_flag("unknown", True)
    server.set_flag("api", False)
    answered = client.check_flags(["api", "unknown"], company=ACME)  # one unknown: bulk API
    assert [r.value for r in answered] == [False, True]
    assert len(server.requests_to("/flags/check")) == 1


# -- updates --------------------------------------------------------------------------------
def test_partial_updates_change_the_next_answer(stream: FakeDataStream, local: Make) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 5)]))
    client = local()
    probe = ready(client)
    assert client.check_flag("api", company=ACME) is True
    computed = client._datastream.evaluations.computed  # type: ignore[union-attr]
    for _ in range(50):
        assert client.check_flag("api", company=ACME) is True
    assert client._datastream.evaluations.computed == computed  # type: ignore[union-attr]
    stream.push(message(COMPANY, "partial", {"metrics": [metric("api", 10)]}, "comp_1"))
    probe.wait("message", message_type="partial")
    assert client.check_flag("api", company=ACME) is False
    stream.push(message(COMPANY, "partial", {"metrics": [metric("api", 2)]}, "comp_1"))
    probe.wait("message", 2, message_type="partial")
    assert client.check_flag_with_entitlement("api", company=ACME).feature_usage == 2


def test_track_adds_usage_until_the_server_says_otherwise(
    stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 8), metric("api", 0, "current_day")]))
    client = local()
    probe = ready(client)
    assert client.check_flag("api", company=ACME) is True
    client.track("api", company=ACME)
    assert client.check_flag_with_entitlement("api", company=ACME).feature_usage == 9
    client.track("api", company=ACME, quantity=2)
    assert client.check_flag("api", company=ACME) is False
    client.track("unrelated", company=ACME)
    client.track("api", company={"id": "someone-else"})
    stream.push(message(COMPANY, "partial", {"metrics": [metric("api", 3)]}, "comp_1"))
    probe.wait("message", message_type="partial")
    assert client.check_flag_with_entitlement("api", company=ACME).feature_usage == 3


def test_deleted_company_is_asked_for_again(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company())
    client = local()
    probe = ready(client)
    assert was_local(client.check_flag_with_entitlement("api", company=ACME))
    stream.entities["company"].clear()
    stream.push(message(COMPANY, "delete", {"id": "comp_1", "keys": ACME}))
    probe.wait("message", message_type="delete")
    server.set_flag("api", True, company=ACME)
    result = client.check_flag_with_entitlement("api", company=ACME)
    assert result.reason == "Matched company override"  # the API's answer
    assert len(stream.requests(COMPANY)) == 2
    probe.wait("message", entity_type=COMPANY, message_type="error")


def test_flag_messages_add_replace_and_delete_flags(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    client = local()
    probe = ready(client)
    stream.push(message("rulesengine.Flag", "full", flag(key="late", default=True)))
    probe.wait("message", entity_type="rulesengine.Flag")
    assert (
        client.check_flag_with_entitlement("late").reason
        == "No rules matched; default value for flag"
    )
    stream.push(message("rulesengine.Flag", "full", flag(key="late", default=False)))
    probe.wait("message", 2, entity_type="rulesengine.Flag")
    assert client.check_flag("late") is False
    stream.push(message("rulesengine.Flag", "delete", {"key": "late"}))
    probe.wait("message", 3, entity_type="rulesengine.Flag")
    server.set_flag("late", True)
    assert client.check_flag_with_entitlement("late").reason == "Default value"  # from the API


def test_error_message_fails_the_wait_at_once(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    client = local(resource_timeout=60)  # a wait that runs out would stall the test
    ready(client)
    server.set_flag("api", True, company={"id": "nobody"})
    result = client.check_flag_with_entitlement("api", company={"id": "nobody"})
    assert result.reason == "Matched company override"
    assert client.stats()["datastream"]["fallback"] == 1


def test_data_the_engine_rejects_goes_to_the_api(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 5.0)]))  # type: ignore[arg-type]
    client = local()
    ready(client)
    server.set_flag("api", False, company=ACME)
    assert (
        client.check_flag_with_entitlement("api", company=ACME).reason == "Matched company override"
    )


def test_conflicting_keys_go_to_the_api(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company(id="c1", keys={"id": "one"}))
    stream.add("company", company(id="c2", keys={"slug": "two"}))
    client = local()
    ready(client)
    assert was_local(client.check_flag_with_entitlement("api", company={"id": "one"}))
    assert was_local(client.check_flag_with_entitlement("api", company={"slug": "two"}))
    both = client.check_flag_with_entitlement("api", company={"id": "one", "slug": "two"})
    assert not was_local(both)


# -- the connection -------------------------------------------------------------------------
def test_down_stream_falls_back_to_the_api(
    server: FakeSchematic, make_client: Any, dead_url: str
) -> None:
    config = DataStreamConfig(url=dead_url, **FAST)
    client = make_client(use_datastream=True, datastream=config)
    server.set_flag("f", True, company=ACME)
    client.initialize()
    assert client.check_flag("f", company=ACME) is True
    assert (
        client.check_flag_with_entitlement("f", company=ACME).reason == "Matched company override"
    )


def test_checks_before_the_flags_arrive_ask_the_api(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.answer_flags = False
    server.set_flag("api", True)
    client = local(resource_timeout=0.01)
    assert client.check_flag_with_entitlement("api").reason == "Default value"  # the API's
    client.initialize()
    assert stream.wait_for(lambda: len(stream.requests()) == 1)
    assert client.check_flag_with_entitlement("api").reason == "Default value"


def test_close_4001_is_final(
    server: FakeSchematic, stream: FakeDataStream, local: Make, caplog: pytest.LogCaptureFixture
) -> None:
    stream.refuse = True
    client = local()
    probe = Probe(client)
    with caplog.at_level(logging.ERROR, logger="schematic"):
        client.initialize()
        probe.wait("close", 2)
    assert ("close", True) in probe.events
    assert client.stats()["datastream"]["state"] == "failed"
    assert len(stream.handshakes) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "4001" in errors[0] and "API key" in errors[0]
    server.set_flag("api", True)
    assert client.check_flag("api") is True


def test_wrong_key_is_final_too(stream: FakeDataStream, make_client: Any) -> None:
    config = DataStreamConfig(url=stream.url, **FAST)
    client = make_client(use_datastream=True, datastream=config)
    client._datastream.connection._headers[0] = "X-Schematic-Api-Key: wrong"
    probe = Probe(client)
    client.initialize()
    probe.wait("close", 2)
    assert client.stats()["datastream"]["state"] == "failed" and len(stream.handshakes) == 1


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_handshake_is_final(stream: FakeDataStream, local: Make, status: int) -> None:
    stream.reject_status = status
    client = local()
    probe = Probe(client)
    client.initialize()
    probe.wait("close")
    assert probe.events == [("close", True)]
    assert client.stats()["datastream"]["state"] == "failed" and len(stream.handshakes) == 1


def test_other_handshake_failures_are_retried(stream: FakeDataStream, local: Make) -> None:
    stream.reject_status = 503
    client = local(max_reconnect_attempts=2)
    probe = Probe(client)
    client.initialize()
    probe.wait("close")
    assert len(stream.handshakes) == 3


def test_too_many_failed_attempts_give_up(
    make_client: Any, dead_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    config = DataStreamConfig(url=dead_url, **FAST, max_reconnect_attempts=3)
    client = make_client(use_datastream=True, datastream=config)
    probe = Probe(client)
    with caplog.at_level(logging.WARNING, logger="schematic"):
        client.initialize()
        probe.wait("close")
    assert probe.events == [("close", True)]
    assert client.stats()["datastream"]["state"] == "failed"
    failures = [r for r in caplog.records if "connection failed" in r.getMessage()]
    assert len(failures) == 4  # the first try and three more
    assert any("max reconnection attempts" in r.getMessage() for r in caplog.records)


def test_reconnect_refreshes_companies_and_reloads_flags(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag(), flag(key="gone", default=True)]
    stream.add("company", company(metrics=[metric("api", 1)]))
    client = local()
    probe = ready(client)
    assert client.check_flag("api", company=ACME) is True
    assert client.check_flag("gone") is True
    # While the client is away the company uses up its quota and a flag is deleted.
    stream.add("company", company(metrics=[metric("api", 50)]))
    stream.flags = [metered_flag()]
    stream.drop_all()
    probe.wait("close")
    probe.ready(2)
    assert stream.wait_for(lambda: len(stream.requests(COMPANY)) == 2)  # asked again unprompted
    assert client.check_flag("api", company=ACME) is False
    server.set_flag("gone", False)
    assert client.check_flag_with_entitlement("gone").reason == "Default value"  # from the API
    assert client.stats()["datastream"]["connects"] == 2


def test_checks_wait_for_the_refresh_rather_than_use_old_data(
    stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 1)]))
    client = local()
    probe = ready(client)
    assert client.check_flag("api", company=ACME) is True
    stream.answer = False  # the refresh after the reconnect stays unanswered for now
    stream.add("company", company(metrics=[metric("api", 50)]))
    stream.close_all(1001, "going away")
    probe.ready(2)
    assert stream.wait_for(lambda: len(stream.requests(COMPANY)) == 2)
    answers: list[bool] = []
    checker = threading.Thread(
        target=lambda: answers.append(client.check_flag("api", company=ACME))
    )
    checker.start()
    stream.push(message(COMPANY, "full", stream.entities["company"]["comp_1"], "comp_1"))
    checker.join(10)
    assert answers == [False]
    assert len(stream.requests(COMPANY)) == 2  # the check joined the refresh


def test_cached_data_still_answers_while_the_stream_is_down(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company())
    client = local(reconnect_min_delay=30, reconnect_max_delay=30)
    probe = ready(client)
    assert was_local(client.check_flag_with_entitlement("api", company=ACME))
    stream.drop_all()
    probe.wait("close")
    assert client.stats()["datastream"]["state"] == "connecting"
    assert was_local(client.check_flag_with_entitlement("api", company=ACME))
    server.set_flag("api", True, company={"id": "new"})
    assert not was_local(client.check_flag_with_entitlement("api", company={"id": "new"}))


def test_silent_connections_are_dropped_and_reopened(make_client: Any) -> None:
    silent = SilentServer()
    try:
        config = DataStreamConfig(url=silent.url, ping_interval=0.02, pong_timeout=0.1, **FAST)
        client = make_client(use_datastream=True, datastream=config)
        probe = Probe(client)
        client.initialize()
        assert silent.wait_accepted(2)
        probe.wait("close")
    finally:
        silent.close()


def test_shutdown_closes_the_stream(stream: FakeDataStream, local: Make) -> None:
    client = local()
    ready(client)
    client.shutdown()
    assert stream.wait_for(lambda: not stream.live())
    assert client.stats()["datastream"]["state"] == "closed"
    client.shutdown()


def test_a_forked_child_opens_its_own_stream(
    server: FakeSchematic, stream: FakeDataStream, local: Make
) -> None:
    stream.flags = [metered_flag()]
    stream.add("company", company(id="c1", keys={"id": "one"}))
    stream.add("company", company(id="c2", keys={"id": "two"}))
    client = local()
    ready(client)
    assert was_local(client.check_flag_with_entitlement("api", company={"id": "one"}))
    pid = os.fork()
    if pid == 0:  # the child: a connection of its own, nothing trusted from the parent
        code = 1
        try:
            datastream = client._datastream
            assert datastream is not None and datastream.connection is not None
            assert datastream.connection.state == "idle"
            client.initialize()
            assert datastream.session.wait_for_flags(10)
            result = client.check_flag_with_entitlement("api", company={"id": "one"})
            code = 0 if was_local(result) and datastream.connection.connects == 2 else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert len(stream.handshakes) == 2
    assert was_local(client.check_flag_with_entitlement("api", company={"id": "two"}))
    assert len(stream.requests(COMPANY)) == 3  # one, the child's one, two
    assert stream.wait_for(lambda: len(stream.live()) == 1)  # the parent's, still open


def test_gunicorn_preload_workers_open_their_own_streams(
    server: FakeSchematic, stream: FakeDataStream
) -> None:
    pytest.importorskip("gunicorn")
    import requests

    stream.flags = [metered_flag()]
    stream.add("company", company())
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        port = held.getsockname()[1]
    env = {
        **os.environ,
        "SCHEMATIC_API_KEY": server.api_key or "",
        "SCHEMATIC_BASE_URL": server.url,
        "SCHEMATIC_EVENT_CAPTURE_URL": server.url,
        "SCHEMATIC_DATASTREAM_URL": stream.url,
        "PYTHONPATH": str(Path(__file__).resolve().parent),
    }
    command = [sys.executable, "-m", "gunicorn", "--preload", "-w", "2",
               "-b", f"127.0.0.1:{port}", "wsgi_datastream_app:app"]  # fmt: skip
    gunicorn = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert gunicorn.stderr is not None
        for line in gunicorn.stderr:  # the socket listens from here on; requests queue
            if "Listening at" in line:
                break
        answers = [
            requests.get(
                f"http://127.0.0.1:{port}/", headers={"Connection": "close"}, timeout=10
            ).json()
            for _ in range(20)
        ]
        assert stream.handshakes and len(stream.live()) >= 2  # the master's is still open
    finally:
        gunicorn.terminate()
        gunicorn.communicate(timeout=30)
    assert all(a["rule_id"] == "r_api" for a in answers), answers  # the engine answered
    workers = {a["pid"] for a in answers}
    assert len(stream.handshakes) == 1 + len(workers)


def test_remembered_answers_end_when_the_usage_period_resets(
    stream: FakeDataStream, local: Make
) -> None:
    today = condition(
        "metric", "lt", event_subtype="api", metric_value=10, metric_period="current_day"
    )
    stream.flags = [flag(rule("plan_entitlement", today, id="r_day", name="Daily"), key="daily")]
    stream.add("company", company(metrics=[metric("api", 3, "current_day")]))
    client = local()
    ready(client)
    datastream = client._datastream
    assert datastream is not None
    clock = [datetime(2026, 3, 15, 23, 59, 59, tzinfo=timezone.utc).timestamp()]
    datastream._clock = lambda: clock[0]
    first = client.check_flag_with_entitlement("daily", company=ACME)
    assert first.feature_usage_reset_at == datetime(2026, 3, 16, tzinfo=timezone.utc)
    computed = datastream.evaluations.computed
    assert client.check_flag_with_entitlement("daily", company=ACME) is first
    clock[0] += 1  # midnight
    later = client.check_flag_with_entitlement("daily", company=ACME)
    assert later.feature_usage_reset_at == datetime(2026, 3, 17, tzinfo=timezone.utc)
    assert datastream.evaluations.computed == computed + 1


def test_the_async_client_answers_locally(server: FakeSchematic, stream: FakeDataStream) -> None:
    import asyncio

    from schematic import AsyncSchematic, SchematicConfig

    stream.flags = [metered_flag()]
    stream.add("company", company())
    config = SchematicConfig(
        base_url=server.url,
        event_capture_url=server.url,
        use_datastream=True,
        datastream=DataStreamConfig(url=stream.url, **FAST),
    )

    async def main() -> Any:
        async with AsyncSchematic(server.api_key, config) as client:
            probe = Probe(client.sync)
            client.sync.initialize()
            probe.ready()
            return await client.check_flag_with_entitlement("api", company=ACME)

    assert was_local(asyncio.run(main()))
    assert server.requests_to("/flags") == []
