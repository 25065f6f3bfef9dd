"""The DataStream connection end to end: outages, refused keys, reconnects, forks, gunicorn.

The client talks to ``FakeDataStream`` over a real WebSocket (or to a port that refuses
it, or to a server that never answers), and the tests wait on what the client did.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from datastream_server import (
    ACME,
    COMPANY,
    FAST,
    FakeDataStream,
    Probe,
    SilentServer,
    message,
    metered_flag,
    ready,
    was_local,
)
from rules_engine_builders import company, flag, metric

from schematic import DataStreamConfig
from schematic.client import Schematic
from schematic.testing import FakeSchematic

Make = Callable[..., Schematic]


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
