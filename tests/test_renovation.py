"""The flag checker, resolved settings and the retry policy, as the client uses them."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import requests

import schematic._config
from schematic import LocalCache, Schematic, SchematicConfig
from schematic._flags import check_key, text_key
from schematic._retry import Retry
from schematic.datastream.config import DataStreamConfig
from schematic.errors import ApiError, RateLimitError
from schematic.testing import FakeSchematic


def checks(server: FakeSchematic) -> list[Any]:
    return server.requests_to("/flags/", "POST")


# -- the retry policy -----------------------------------------------------------------------
def test_waits_double_from_the_delay_up_to_the_cap_plus_jitter_of_one_delay() -> None:
    still = Retry(None, 0.5, 4.0, jitter=lambda: 0.0)
    assert [still.wait(n) for n in range(0, 7)] == [0.0, 0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    most = Retry(None, 0.5, 4.0, jitter=lambda: 0.999)
    assert [round(most.wait(n), 4) for n in (1, 2, 5)] == [0.9995, 1.4995, 4.4995]
    assert Retry(None, 1.0, 30.0, jitter=lambda: 0.0).wait(10_000) == 30.0  # no overflow


def test_retry_after_is_a_floor_capped_at_a_minute() -> None:
    policy = Retry(None, 0.5, 4.0, jitter=lambda: 0.0)
    asks = RateLimitError(status_code=429, headers={"Retry-After": "7"})
    assert policy.wait(1, asks) == 7.0
    assert policy.wait(5, RateLimitError(status_code=429, headers={"retry-after": "1"})) == 4.0
    forever = RateLimitError(status_code=429, headers={"Retry-After": "86400"})
    assert policy.wait(1, forever) == 60.0
    assert policy.wait(1, ApiError("no headers")) == 0.5


def test_no_next_attempt_past_the_retries_or_the_deadline() -> None:
    policy = Retry(2, 1.0, 8.0, jitter=lambda: 0.0)
    assert [policy.next(n) for n in (1, 2, 3)] == [1.0, 2.0, None]
    assert policy.next(1, now=10.0, deadline=11.5) == 1.0
    assert policy.next(2, now=10.0, deadline=11.5) is None  # would start after the deadline
    assert policy.next(1, now=10.0, deadline=11.0) is None  # would start at it
    assert Retry(None, 1.0, 8.0).next(1_000_000) is not None


def test_the_check_policy_keeps_fewer_retries_and_short_waits() -> None:
    policy = Retry(5, 0.5, 8.0, jitter=lambda: 0.999).at_most(1, 0.025)
    assert policy.retries == 1 and policy.wait(1) < 0.05
    assert Retry(0, 0.5, 8.0).at_most(1, 0.025).retries == 0


def test_resource_calls_retry_as_the_policy_says(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(max_retries=2)
    server.add_fault("/companies", status=503, times=2)
    assert client.companies.list_companies().data == []
    assert len(server.requests_to("/companies")) == 3
    server.add_fault("/companies", status=503, times=3)
    with pytest.raises(ApiError):
        client.companies.list_companies()
    assert len(server.requests_to("/companies")) == 6  # three more: the first and 2 retries


# -- settings -------------------------------------------------------------------------------
def test_a_log_level_is_the_clients_own(server: FakeSchematic, caplog: Any) -> None:
    shared = logging.getLogger("schematic")
    chatty = server.client(log_level="DEBUG", max_retries=0)
    quiet = server.client(log_level="ERROR", max_retries=0)
    server.add_fault("/flags/", status=500, times=None)
    with caplog.at_level(logging.NOTSET):
        shared.setLevel(logging.NOTSET)
        chatty.check_flag("loud")
        quiet.check_flag("hushed")
    messages = [r.getMessage() for r in caplog.records if r.name == "schematic"]
    assert any("'loud' failed" in m for m in messages)  # a WARNING at DEBUG level
    assert not any("hushed" in m for m in messages)  # a WARNING below ERROR
    assert shared.level == logging.NOTSET
    chatty.shutdown()
    quiet.shutdown()


def test_no_redirect_is_followed_when_told(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(max_retries=0, follow_redirects=False)
    server.add_fault("/companies/count", status=308, headers={"Location": "/companies/count?r=1"})
    with pytest.raises(ApiError) as caught:
        client.companies.count_companies()
    assert caught.value.status_code == 308
    assert len(server.requests_to("/companies/count")) == 1


def test_two_different_sessions_for_one_setting_are_refused() -> None:
    with pytest.raises(ValueError, match="http_client and httpx_client"):
        SchematicConfig(http_client=requests.Session(), httpx_client=requests.Session())
    session = requests.Session()
    client = Schematic("k", SchematicConfig(http_client=session, httpx_client=session))
    assert client._transport.session is session
    client.shutdown()


def test_a_datastream_config_without_use_datastream_is_pointed_out(caplog: Any) -> None:
    with caplog.at_level(logging.WARNING, logger="schematic"):
        client = Schematic("k", SchematicConfig(datastream=DataStreamConfig()))
    assert client._datastream is None
    assert any("use_datastream" in r.getMessage() for r in caplog.records)
    client.shutdown()


def test_settings_are_resolved_from_the_environment(monkeypatch: Any) -> None:
    monkeypatch.setenv("SCHEMATIC_API_KEY", "from-env")
    monkeypatch.setenv("SCHEMATIC_BASE_URL", "https://api.example.test/")
    monkeypatch.setenv("SCHEMATIC_EVENT_CAPTURE_URL", "https://c.example.test/")
    settings = SchematicConfig(timeout=7).resolve()
    assert (settings.api_key, settings.base_url) == ("from-env", "https://api.example.test/")
    assert settings.capture_url == "https://c.example.test/batch"
    assert (settings.timeout, settings.retry.retries, settings.event_retry.retries) == (7, 2, None)
    monkeypatch.setenv("SCHEMATIC_BASE_URL", "ftp://nope")
    with pytest.raises(ValueError, match="SCHEMATIC_BASE_URL"):
        SchematicConfig().resolve()


# -- the flag checker -----------------------------------------------------------------------
class TextCache:
    """A provider that, like Redis, stores text keys."""

    def __init__(self) -> None:
        self.entries: dict[Any, Any] = {}

    def get(self, key: str) -> Any:
        assert isinstance(key, str)
        return self.entries.get(key)

    def set(self, key: str, value: Any, ttl_override: int | None = None) -> None:
        assert isinstance(key, str)
        self.entries[key] = value


def test_each_provider_gets_the_key_it_stores(server: FakeSchematic, make_client: Any) -> None:
    local: LocalCache[Any] = LocalCache(10, 60_000)
    text = TextCache()
    client = make_client(cache_providers=[local, text])
    server.set_flag("beta", True)
    company = {"plan": "pro", "id": "a:b"}
    assert client.check_flag("beta", company=company, user={"email": "x=y"})
    key = check_key("beta", company, {"email": "x=y"})
    assert local.get(key) is not None
    assert list(text.entries) == ["beta:company:id=a\\:b;plan=pro:user:email=x\\=y"]
    assert text_key(key) in text.entries
    text.entries.clear()
    assert client.check_flag("beta", company=dict(reversed(company.items())), user={"email": "x=y"})
    assert len(checks(server)) == 1  # answered by the LocalCache, first in line


def test_a_text_keyed_cache_alone_answers_repeated_checks(
    server: FakeSchematic, make_client: Any
) -> None:
    text = TextCache()
    client = make_client(cache_providers=[text])
    server.set_flag("beta", True)
    for _ in range(3):
        assert client.check_flag("beta", company={"id": "acme"}) is True
    assert len(checks(server)) == 1
    assert client.stats()["cache_hits"] == 2


def test_the_body_sent_is_the_context_checked(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(cache_providers=[])
    server.set_flag("beta", True)
    company = {"id": "acme", "plan": "pro"}
    client.check_flag("beta", company=company, user={"id": "u1"})
    assert checks(server)[-1].body == {"company": company, "user": {"id": "u1"}}
    client.check_flags(["beta"], company=company)
    assert server.requests_to("/flags/check")[-1].body == {"company": company}


def test_a_first_check_loads_neither_asyncio_nor_backoff(server: FakeSchematic) -> None:
    server.set_flag("beta", True)
    script = textwrap.dedent(
        f"""
        import sys
        from schematic import Schematic, SchematicConfig
        client = Schematic({server.api_key!r}, SchematicConfig(base_url={server.url!r}))
        assert client.check_flag("beta") is True
        client.shutdown()
        print(sorted(m for m in ("asyncio", "backoff", "schematic._worker") if m in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['schematic._worker']"]


def test_the_settings_module_depends_on_no_part_it_configures() -> None:
    tree = ast.parse(Path(schematic._config.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in tree.body  # the module level; TYPE_CHECKING imports are nested in an if
        if isinstance(node, ast.ImportFrom) and node.level == 1
    }
    assert imported == {None, "_retry"}  # "from . import _validation" has no module


def test_an_invalid_event_is_in_the_error_tree_and_a_value_error(make_client: Any) -> None:
    from schematic.errors import InvalidEventError, SchematicError

    client = make_client(strict=True)
    with pytest.raises(SchematicError) as caught:
        client.identify(keys={})
    assert isinstance(caught.value, InvalidEventError)
    assert isinstance(caught.value, ValueError)  # what code written for 1.x catches
    assert "keys" in str(caught.value)


def test_the_core_install_needs_requests_and_cachetools_only() -> None:
    import configparser

    setup = configparser.ConfigParser()
    setup.read(Path(schematic._config.__file__).parent.parent / "setup.cfg")
    needed = [line.split(">=")[0] for line in setup["options"]["install_requires"].split()]
    assert needed == ["requests", "cachetools"]


def test_offline_calls_are_checked_and_nothing_is_queued(caplog: Any) -> None:
    strict = Schematic(config=SchematicConfig(offline=True, strict=True))
    with pytest.raises(ValueError, match="event must be a non-empty str"):
        strict.track("")
    strict.track("fine", company={"id": "acme"})
    lenient = Schematic(config=SchematicConfig(offline=True))
    with caplog.at_level(logging.ERROR, logger="schematic"):
        lenient.identify(keys={})
    assert "keys must be a non-empty dict" in caplog.text
    for client in (strict, lenient):
        assert client.stats()["events_enqueued"] == 0
        client.shutdown()
