"""DataStream with a real Redis: the shared key layout, replicator mode, two processes.

The tests start Debian's ``redis-server`` themselves, on a free port in a temporary
directory, and wait for it to say it is ready. Without the binary they are skipped, except
under CI, which installs it (.ci/run) and must not skip them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import redis
from datastream_server import ACME, FakeDataStream, Probe, metered_flag
from rules_engine_builders import company, metric

from schematic import DataStreamConfig, Schematic
from schematic.datastream import RedisCache, evaluate
from schematic.testing import FakeSchematic

VERSION = "14269364"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A redis-server of our own; yields its port."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing: .ci/run installs it")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    directory = tmp_path_factory.mktemp("redis")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory),
               "--save", "", "--appendonly", "no", "--daemonize", "no"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ready = threading.Event()
    log: list[str] = []

    def watch() -> None:  # reads until the end, so the pipe never fills up
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)
            if "Ready to accept connections" in line:
                ready.set()

    threading.Thread(target=watch, daemon=True).start()
    try:
        assert ready.wait(30), "redis-server did not start:\n" + "".join(log)
        assert redis.Redis(port=port).ping()
        yield port
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def store(redis_server: int) -> Iterator[redis.Redis]:
    """The Redis client of a test; the database starts empty."""
    client = redis.Redis(port=redis_server)
    client.flushdb()
    yield client
    client.close()


@pytest.fixture
def redis_url(redis_server: int, store: redis.Redis) -> str:
    return f"redis://127.0.0.1:{redis_server}/0"


class Replicator:
    """A replicator's readiness endpoint, answering what the test sets."""

    def __init__(self) -> None:
        self.status = 200
        self.body: dict[str, Any] = {"ready": True, "cache_version": VERSION}
        self.asked = 0
        self.changed = threading.Condition()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with owner.changed:
                    owner.asked += 1
                    owner.changed.notify_all()
                payload = json.dumps(owner.body).encode()
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/ready"

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()


@pytest.fixture
def replicator() -> Iterator[Replicator]:
    fake = Replicator()
    yield fake
    fake.close()


def seed(cache: RedisCache, version: str, subject: dict[str, Any]) -> None:
    """Write what a replicator would: the flag, the company and its lookups."""
    cache.set(f"flags:{version}:api", metered_flag())
    cache.set(f"company:{version}:{subject['id']}", subject)
    for name, value in subject["keys"].items():
        cache.set(f"company:{version}:{name.lower()}:{value.lower()}", subject["id"])


# -- the cache itself -----------------------------------------------------------------------
def test_redis_cache_layout_encoding_and_ttls(redis_url: str, store: redis.Redis) -> None:
    cache = RedisCache.from_url(redis_url)
    cache.set("company:v1:comp_1", company(), ttl_override=60_000)
    cache.set("company:v1:id:acme", "comp_1", ttl_override=60_000)
    cache.set("flags:v1:api", metered_flag())
    assert store.get("schematic:company:v1:id:acme") == b'"comp_1"'  # IDs are JSON strings
    assert json.loads(store.get("schematic:company:v1:comp_1") or b"")["id"] == "comp_1"
    assert 0 < store.pttl("schematic:company:v1:comp_1") <= 60_000
    assert store.pttl("schematic:flags:v1:api") == -1  # no TTL: a plain SET
    first = cache.get("company:v1:comp_1")
    assert first == company() and cache.get("company:v1:comp_1") is first
    cache.delete("company:v1:id:acme")
    assert cache.get("company:v1:id:acme") is None


def test_an_asyncio_client_as_official_configurations_pass_it(
    redis_server: int, store: redis.Redis
) -> None:
    import redis.asyncio as aioredis

    from schematic.cache import RedisCache as OfficialPath

    async_client = aioredis.from_url(f"redis://127.0.0.1:{redis_server}/0")
    cache = OfficialPath(async_client, prefix="schematic", default_ttl_ms=90_000)
    assert isinstance(cache.client, redis.Redis)  # what DataStream's thread can use
    cache.set("company:v1:comp_1", company())
    assert 0 < store.pttl("schematic:company:v1:comp_1") <= 90_000  # the default TTL
    cache.set("company:v1:comp_2", company(), ttl_override=5_000)
    assert 0 < store.pttl("schematic:company:v1:comp_2") <= 5_000
    config = DataStreamConfig(company_cache=cache, flag_cache=cache)
    assert config.company_cache is cache
    with pytest.raises(ValueError, match="default_ttl_ms"):
        OfficialPath(async_client, default_ttl_ms=0)


def test_delete_missing_is_scoped_to_its_prefix(redis_url: str, store: redis.Redis) -> None:
    cache = RedisCache.from_url(redis_url)
    for key in ("flags:v1:a", "flags:v1:b", "flags:v1:c*", "flags:v2:a", "company:v1:a"):
        cache.set(key, {"key": key})
    cache.delete_missing({"flags:v1:b"}, "flags:v1:")
    left = sorted(k.decode() for k in store.keys("*"))
    assert left == ["schematic:company:v1:a", "schematic:flags:v1:b", "schematic:flags:v2:a"]
    cache.set("flags:v[1]:x", {})
    cache.delete_missing(set(), "flags:v[1]:")  # glob characters match literally
    assert store.exists("schematic:flags:v1:b") and not store.exists("schematic:flags:v[1]:x")


# -- direct mode with Redis -----------------------------------------------------------------
def test_direct_mode_shares_the_key_layout(
    redis_url: str, store: redis.Redis, make_client: Any
) -> None:
    with FakeDataStream() as stream:
        stream.flags = [metered_flag()]
        subject = company(metrics=[metric("api", 3)])
        stream.add("company", subject)
        store.set(f"schematic:flags:{VERSION}:stale", "{}")
        store.set("schematic:flags:another-version:kept", "{}")
        config = DataStreamConfig.shared(RedisCache.from_url(redis_url), url=stream.url)
        client = make_client(use_datastream=True, datastream=config)
        probe = Probe(client)
        client.initialize()
        probe.ready()
        result = client.check_flag_with_entitlement("api", company=ACME)
        assert result == evaluate(metered_flag(), subject)
        assert store.get(f"schematic:company:{VERSION}:id:acme") == b'"comp_1"'
        assert json.loads(store.get(f"schematic:company:{VERSION}:comp_1") or b"") == subject
        assert 0 < store.pttl(f"schematic:company:{VERSION}:comp_1") <= 24 * 3600 * 1000
        assert store.pttl(f"schematic:flags:{VERSION}:api") > 29 * 24 * 3600 * 1000
        assert not store.exists(f"schematic:flags:{VERSION}:stale")  # not in the bulk message
        assert store.exists("schematic:flags:another-version:kept")
        client.track("api", company=ACME, quantity=2)
        stored = json.loads(store.get(f"schematic:company:{VERSION}:comp_1") or b"")
        assert stored["metrics"][0]["value"] == 5


# -- replicator mode ------------------------------------------------------------------------
def replicator_client(make_client: Any, redis_url: str, replicator: Replicator) -> Schematic:
    config = DataStreamConfig.shared(
        RedisCache.from_url(redis_url),
        replicator_mode=True,
        replicator_health_url=replicator.url,
        replicator_health_check=3_600_000,  # an hour: the tests ask for checks themselves
        cache_ttl=None,
    )
    client: Schematic = make_client(use_datastream=True, datastream=config)
    return client


def test_replicator_mode_reads_the_shared_cache(
    server: FakeSchematic,
    redis_url: str,
    store: redis.Redis,
    replicator: Replicator,
    make_client: Any,
) -> None:
    replicator.body["cache_version"] = "rv1"
    subject = company(metrics=[metric("api", 8)])
    seed(RedisCache.from_url(redis_url), "rv1", subject)
    client = replicator_client(make_client, redis_url, replicator)
    assert client.stats()["datastream"]["state"] == "replicator ready"
    result = client.check_flag_with_entitlement("api", company=ACME)
    assert result == evaluate(metered_flag(), subject)
    assert server.requests_to("/flags") == []
    client.track("api", company=ACME)
    stored = json.loads(store.get("schematic:company:rv1:comp_1") or b"")
    assert stored["metrics"][0]["value"] == 9 and store.pttl("schematic:company:rv1:comp_1") == -1
    client.track("api", company=ACME)  # replicator writes are seen at once: no stale memo
    assert client.check_flag("api", company=ACME) is False
    server.set_flag("api", True, company={"id": "unknown"})
    unknown = client.check_flag_with_entitlement("api", company={"id": "unknown"})
    assert unknown.reason == "Matched company override"  # a cache miss asks the API


def test_replicator_not_ready_means_the_api_answers(
    server: FakeSchematic, redis_url: str, replicator: Replicator, make_client: Any
) -> None:
    seed(RedisCache.from_url(redis_url), VERSION, company())
    client = replicator_client(make_client, redis_url, replicator)
    assert client.check_flag_with_entitlement("api", company=ACME).rule_id == "r_api"
    replicator.status, replicator.body = 503, {"ready": False, "cache_version": "rv2"}
    datastream = client._datastream
    assert datastream is not None and datastream.health is not None
    assert datastream.health.check() is False
    assert datastream.health.version == "rv2"  # read from the body even on a 503
    server.set_flag("api", True)
    assert client.check_flag_with_entitlement("api", company=ACME).reason == "Default value"
    replicator.status, replicator.body = 200, {"ready": True, "cacheVersion": VERSION}
    assert datastream.health.check() is True
    assert client.check_flag_with_entitlement("api", company=ACME).rule_id == "r_api"


def test_an_unreachable_replicator_is_not_ready(redis_url: str, make_client: Any) -> None:
    gone = Replicator()
    gone.close()
    client = replicator_client(make_client, redis_url, gone)
    assert client.stats()["datastream"]["state"] == "replicator not ready"
    assert client.check_flag("api", company=ACME) is False


# -- two processes --------------------------------------------------------------------------
WRITER = """
    import json, sys
    from schematic import DataStreamConfig, Schematic, SchematicConfig
    from schematic.datastream import RedisCache

    redis_url, stream_url, api_url = sys.argv[1:4]
    config = DataStreamConfig.shared(RedisCache.from_url(redis_url), url=stream_url)
    client = Schematic("sch_test_key", SchematicConfig(
        base_url=api_url, event_capture_url=api_url, use_datastream=True, datastream=config))
    client.initialize()
    assert client._datastream.session.wait_for_flags(10)
    result = client.check_flag_with_entitlement("api", company={"id": "acme"})
    client.shutdown()
    print(json.dumps({"reason": result.reason, "value": result.value}))
"""


def test_two_processes_share_flags_through_redis(
    server: FakeSchematic, redis_url: str, replicator: Replicator, make_client: Any
) -> None:
    subject = company(metrics=[metric("api", 2)])
    with FakeDataStream() as stream:
        stream.flags = [metered_flag()]
        stream.add("company", subject)
        writer = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(WRITER), redis_url, stream.url, server.url],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=ROOT,
        )
    assert writer.returncode == 0, writer.stderr
    expected = evaluate(metered_flag(), subject)
    assert json.loads(writer.stdout) == {"reason": expected.reason, "value": True}
    reader = replicator_client(make_client, redis_url, replicator)
    assert reader.check_flag_with_entitlement("api", company=ACME) == expected
    assert server.requests_to("/flags") == []


def test_replicator_health_is_polled_from_the_first_check(
    redis_url: str, replicator: Replicator, make_client: Any
) -> None:
    config = DataStreamConfig.shared(
        RedisCache.from_url(redis_url),
        replicator_mode=True,
        replicator_health_url=replicator.url,
        replicator_health_check=1000,  # the least it takes
    )
    client = make_client(use_datastream=True, datastream=config)
    assert replicator.asked == 1  # once, synchronously, when the client was built
    client.check_flag("api", company=ACME)
    with replicator.changed:
        assert replicator.changed.wait_for(lambda: replicator.asked >= 3, 10)
    health = client._datastream.health
    client.shutdown()
    assert health._thread is not None and not health._thread.is_alive()  # polling stopped
