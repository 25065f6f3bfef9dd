"""Flag checks: answers, caching, defaults, deadlines and failures, over real HTTP."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import pytest

from schematic import CheckFlagResponseData
from schematic.cache import LocalCache
from schematic.client import CheckFlagOptions, Schematic, SchematicConfig
from schematic.testing import FakeSchematic


def checks(server: FakeSchematic) -> list[Any]:
    return server.requests_to("/flags/")


def test_check_flag_answers_per_company(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    assert client.check_flag("beta", company={"id": "acme"}) is True
    assert client.check_flag("beta", company={"id": "globex"}) is False


def test_check_request_wire_format(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True)
    client.check_flag("beta", company={"id": "acme"})
    request = checks(server)[-1]
    assert (request.method, request.path) == ("POST", "/flags/beta/check")
    # An absent context is left out of the body, not sent as null.
    assert request.body == {"company": {"id": "acme"}}
    assert request.header("X-Schematic-Api-Key") == server.api_key
    assert request.header("Content-Type") == "application/json"


def test_flag_key_is_one_path_segment(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("a/b?c#d", True)
    assert client.check_flag("a/b?c#d") is True
    assert checks(server)[-1].path == "/flags/a%2Fb%3Fc%23d/check"


def test_check_with_entitlement_returns_full_response(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    result = client.check_flag_with_entitlement("beta", company={"id": "acme"})
    assert isinstance(result, CheckFlagResponseData)
    assert (result.flag, result.value, result.rule_type) == ("beta", True, "company_override")
    assert result.flag_id is not None


def test_second_check_is_served_from_cache(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True)
    assert client.check_flag("beta", company={"id": "acme", "plan": "pro"})
    # Same context in another order: same cache entry, no second request.
    assert client.check_flag("beta", company={"plan": "pro", "id": "acme"})
    assert len(checks(server)) == 1
    assert client.stats()["cache_hits"] == 1


def test_cache_keys_cannot_collide_through_separators(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("f", True, company={"a": "1:user:b=2"})
    assert client.check_flag("f", company={"a": "1:user:b=2"}) is True
    # Without escaping, this context would produce the same key as the one above.
    assert client.check_flag("f", company={"a": "1"}, user={"b": "2"}) is False
    assert len(checks(server)) == 2


def test_empty_cache_provider_list_disables_caching(
    make_client: Any, server: FakeSchematic
) -> None:
    server.set_flag("beta", True)
    client = make_client(cache_providers=[])
    for _ in range(3):
        assert client.check_flag("beta") is True
    assert len(checks(server)) == 3


def test_cache_entries_expire_after_ttl(make_client: Any, server: FakeSchematic) -> None:
    now = [100.0]
    cache: LocalCache[CheckFlagResponseData] = LocalCache(10, 5000, timer=lambda: now[0])
    client = make_client(cache_providers=[cache])
    server.set_flag("beta", True)
    client.check_flag("beta")
    now[0] += 4.9
    client.check_flag("beta")
    assert len(checks(server)) == 1
    now[0] += 0.2
    client.check_flag("beta")
    assert len(checks(server)) == 2


def test_failing_cache_provider_is_a_miss(make_client: Any, server: FakeSchematic) -> None:
    class Broken:
        def get(self, key: str) -> None:
            raise RuntimeError("cache down")

        def set(self, key: str, value: Any, ttl_override: int | None = None) -> None:
            raise RuntimeError("cache down")

    server.set_flag("beta", True)
    client = make_client(cache_providers=[Broken()])
    assert client.check_flag("beta") is True


def test_server_error_returns_default_with_reason_and_is_not_cached(
    make_client: Any, server: FakeSchematic
) -> None:
    client = make_client(max_retries=0, flag_defaults={"beta": True})
    server.set_flag("beta", False)
    server.add_fault("/flags/", status=500, body={"error": "boom"})
    result = client.check_flag_with_entitlement("beta")
    assert result.value is True
    assert result.reason.startswith("Error occurred - using default value: ")
    assert "boom" in result.reason
    # The fallback was not cached: the next check asks again and gets the real value.
    assert client.check_flag("beta") is False


def test_one_quick_retry_then_succeeds(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True)
    server.add_fault("/flags/", status=503, times=1)
    assert client.check_flag("beta") is True
    assert len(checks(server)) == 2


def test_a_check_retries_once_at_most_whatever_max_retries_says(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    server.add_fault("/flags/", status=503, times=2)
    client = make_client(max_retries=5, retry_delay=5.0)  # resource calls would wait seconds
    started = time.monotonic()
    result = client.check_flag_with_entitlement("beta")
    assert time.monotonic() - started < 0.2  # one retry, after at most 50 ms
    assert result.value is False and "503" in result.reason
    assert len(checks(server)) == 2


def test_default_resolution_order(make_client: Any, server: FakeSchematic) -> None:
    client = make_client(max_retries=0, flag_defaults={"a": True})
    server.add_fault("/flags/", status=500, times=None)
    assert client.check_flag("a") is True
    assert client.check_flag("b") is False
    assert client.check_flag("b", options=CheckFlagOptions(default_value=True)) is True
    calls = []
    assert (
        client.check_flag(
            "a", options=CheckFlagOptions(default_value=lambda: calls.append(1) or False)
        )
        is False
    )
    assert calls == [1]
    client.set_flag_default("b", True)
    client.set_flag_defaults({"c": True})
    assert client.check_flag("b") is True and client.check_flag("c") is True


def test_default_value_callable_that_raises_falls_back(
    make_client: Any, server: FakeSchematic
) -> None:
    client = make_client(max_retries=0, flag_defaults={"a": True})
    server.add_fault("/flags/", status=500)

    def broken() -> bool:
        raise RuntimeError("nope")

    assert client.check_flag("a", options=CheckFlagOptions(default_value=broken)) is True


def test_not_found_is_an_error_reason(make_client: Any, server: FakeSchematic) -> None:
    client = make_client()
    server.add_fault("/flags/", status=404, body={"error": "flag not found"})
    result = client.check_flag_with_entitlement("missing")
    assert result.value is False
    assert "404" in result.reason


def test_hanging_api_is_bounded_by_the_check_timeout(
    make_client: Any, server: FakeSchematic
) -> None:
    client = make_client(flag_check_timeout=0.3)
    server.add_fault("/flags/", hang=True, times=None)
    started = time.monotonic()
    result = client.check_flag_with_entitlement("beta")
    elapsed = time.monotonic() - started
    assert result.value is False and "no complete answer within" in result.reason
    assert 0.25 <= elapsed < 1.5


def test_per_check_timeout_option(make_client: Any, server: FakeSchematic) -> None:
    client = make_client(flag_check_timeout=30)
    server.add_fault("/flags/", hang=True, times=None)
    started = time.monotonic()
    assert client.check_flag("beta", options=CheckFlagOptions(timeout=0.2)) is False
    assert time.monotonic() - started < 1.5


def test_unreachable_api_returns_default(make_client: Any) -> None:
    dead = FakeSchematic().start()
    url = dead.url
    dead.stop()
    client = make_client(base_url=url, flag_defaults={"beta": True})
    result = client.check_flag_with_entitlement("beta")
    assert result.value is True and "connection failed" in result.reason


def test_offline_mode_makes_no_requests(server: FakeSchematic) -> None:
    client = Schematic("", SchematicConfig(offline=True, flag_defaults={"beta": True}))
    result = client.check_flag_with_entitlement("beta", company={"id": "acme"})
    assert (result.value, result.reason) == (True, "Offline mode - using default value")
    assert client.check_flags(["beta", "other"])[1].value is False
    client.track("ev")
    client.identify({"id": "u"})
    assert client.flush(1) is True
    assert server.requests == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("",), "flag_key"),
        ((None,), "flag_key"),
        (("beta", {"id": 123}), "company"),
        (("beta", None, "user-id"), "user"),
    ],
)
def test_bad_arguments_return_default_and_log(
    client: Schematic, server: FakeSchematic, caplog: Any, args: tuple[Any, ...], fragment: str
) -> None:
    with caplog.at_level(logging.ERROR, logger="schematic"):
        result = client.check_flag_with_entitlement(*args)
    assert result.value is False
    assert result.reason.startswith("Invalid argument")
    assert fragment in caplog.text
    assert client.stats()["invalid_calls"] == 1
    assert server.requests == []


def test_strict_mode_raises_on_bad_arguments(make_client: Any) -> None:
    client = make_client(strict=True)
    with pytest.raises(TypeError, match="company"):
        client.check_flag("beta", company={"id": 1})


def test_check_flags_makes_one_request_and_caches_each(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("a", True)
    server.set_flag("b", False)
    results = client.check_flags(["b", "a", "missing"], company={"id": "acme"})
    assert [(r.flag, r.value) for r in results] == [("b", False), ("a", True), ("missing", False)]
    assert results[2].reason == "Flag not found - using default value"
    request = server.requests_to("/flags/check")[0]
    assert request.body == {"company": {"id": "acme"}}
    # Every returned flag was cached: single checks and a repeat need no request.
    assert client.check_flag("a", company={"id": "acme"}) is True
    assert [r.flag for r in client.check_flags(["a", "b"], company={"id": "acme"})] == ["a", "b"]
    assert len(checks(server)) == 1


def test_check_flags_without_keys_returns_all(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("a", True)
    server.set_flag("b", True)
    assert sorted(r.flag for r in client.check_flags()) == ["a", "b"]


def test_check_flags_on_error_returns_defaults(make_client: Any, server: FakeSchematic) -> None:
    client = make_client(max_retries=0, flag_defaults={"a": True})
    server.add_fault("/flags/check", status=500)
    results = client.check_flags(["a", "b"])
    assert [r.value for r in results] == [True, False]
    assert all(r.reason.startswith("Error occurred") for r in results)


def test_many_threads_share_one_client(server: FakeSchematic, client: Schematic) -> None:
    from concurrent.futures import ThreadPoolExecutor

    server.set_flag("beta", True, company={"id": "even"})

    def work(i: int) -> bool:
        return client.check_flag("beta", company={"id": "even" if i % 2 == 0 else "odd"})

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(work, range(400)))
    assert answers == [i % 2 == 0 for i in range(400)]
    assert len(checks(server)) <= 16  # at most one miss per context per thread


def test_cached_value_is_the_server_response(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True)
    first = client.check_flag_with_entitlement("beta")
    second = client.check_flag_with_entitlement("beta")
    assert first is second
    assert json.dumps(first.to_dict())
