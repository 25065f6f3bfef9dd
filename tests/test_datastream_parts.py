"""DataStream's pieces on their own: URL, headers, backoff, merges, store, waiters, memo, config."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timezone
from typing import Any

import pytest
from rules_engine_builders import company, condition, flag, metric, rule, user

from schematic import DataStreamConfig, LocalCache, SchematicConfig
from schematic._retry import Retry
from schematic.datastream import MemoryCache, RedisCache, evaluate
from schematic.datastream._connection import datastream_url, handshake_headers
from schematic.datastream._evaluations import Evaluations, good_until
from schematic.datastream._merge import add_usage, merge_partial
from schematic.datastream._store import (
    ENGINE_VERSION_KEY,
    Caches,
    EntityStore,
    KeyConflictError,
)
from schematic.datastream._waiters import Waiters
from schematic.version import __version__


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


# -- URL, handshake, backoff ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://api.schematichq.com", "wss://datastream.schematichq.com/datastream"),
        ("https://api.staging.x.com", "wss://datastream.staging.x.com/datastream"),
        ("http://api.localhost:8080", "ws://datastream.localhost:8080/datastream"),
        ("https://custom.example.com", "wss://custom.example.com/datastream"),
        ("http://localhost:8080", "ws://localhost:8080/datastream"),
        ("https://api.x.com/v1/?q=1#frag", "wss://datastream.x.com/datastream"),
        ("https://api", "wss://api/datastream"),
        ("http://[::1]:8080/x", "ws://[::1]:8080/datastream"),
        ("https://user:pw@api.example.com", "wss://datastream.example.com/datastream"),
        ("wss://stream.example.com/custom", "wss://stream.example.com/custom"),
        ("ws://127.0.0.1:9/datastream", "ws://127.0.0.1:9/datastream"),
    ],
)
def test_datastream_url(base: str, expected: str) -> None:
    assert datastream_url(base) == expected


def test_datastream_url_rejects_other_schemes() -> None:
    with pytest.raises(ValueError, match="http"):
        datastream_url("ftp://api.example.com")


def test_handshake_headers_carry_the_key_and_the_client() -> None:
    assert handshake_headers("sch_key") == [
        "X-Schematic-Api-Key: sch_key",
        "X-Schematic-Datastream-Mode: direct",
        "X-Schematic-Client: schematic-python",
        f"X-Schematic-Client-Version: {__version__}",
    ]


def test_reconnect_delay_doubles_up_to_the_cap_plus_jitter() -> None:
    delays = [Retry(None, 1.0, 30.0, jitter=lambda: 0.0).wait(n) for n in range(1, 8)]
    assert delays == [1, 2, 4, 8, 16, 30, 30]
    assert Retry(None, 1.0, 30.0, jitter=lambda: 0.5).wait(3) == 4.5


# -- partial merges and usage ---------------------------------------------------------------
def test_partial_merges_maps_upserts_metrics_and_replaces_the_rest() -> None:
    cached = company(
        keys={"id": "acme"},
        credit_balances={"a": 1.0, "b": 2.0},
        metrics=[metric("api", 1, "current_month"), metric("api", 9)],
        base_plan_id="plan_1",
        plan_ids=["plan_1"],
    )
    partial = {
        "keys": {"domain": "acme.io"},
        "credit_balances": {"b": 5.0},
        "metrics": metric("api", 3, "current_month"),  # one object is accepted too
        "base_plan_id": None,
        "plan_ids": [],
    }
    merged = merge_partial(cached, partial)
    assert merged["keys"] == {"id": "acme", "domain": "acme.io"}
    assert merged["credit_balances"] == {"a": 1.0, "b": 5.0}
    assert [m["value"] for m in merged["metrics"]] == [3, 9]
    assert merged["base_plan_id"] is None and merged["plan_ids"] == []
    assert cached["metrics"][0]["value"] == 1 and cached["keys"] == {"id": "acme"}  # untouched


def test_partial_appends_new_metric_rows() -> None:
    merged = merge_partial(company(metrics=[metric("a", 1)]), {"metrics": [metric("b", 2)]})
    assert [(m["event_subtype"], m["value"]) for m in merged["metrics"]] == [("a", 1), ("b", 2)]


def test_partial_syncs_entitlements_from_balances_and_metrics() -> None:
    entitlements = [
        {"feature_id": "f1", "feature_key": "ai", "value_type": "credit", "credit_id": "c1",
         "credit_remaining": 10.0, "credit_total": 50.0},
        {"feature_id": "f2", "feature_key": "api", "value_type": "numeric", "event_name": "api",
         "metric_period": "current_month", "usage": 1},
        {"feature_id": "f3", "feature_key": "x", "value_type": "numeric", "event_name": "other",
         "usage": 7},
    ]  # fmt: skip
    cached = company(entitlements=entitlements, metrics=[metric("api", 1, "current_month")])
    merged = merge_partial(
        cached, {"credit_balances": {"c1": 4.5}, "metrics": [metric("api", 8, "current_month")]}
    )
    ai, api, other = merged["entitlements"]
    assert ai["credit_remaining"] == 4.5 and ai["credit_total"] == 50.0
    assert api["usage"] == 8
    assert other["usage"] == 7  # no matching row: left alone
    assert entitlements[1]["usage"] == 1


def test_partial_with_entitlements_takes_them_as_sent() -> None:
    cached = company(
        entitlements=[{"feature_id": "f", "feature_key": "k", "value_type": "boolean"}]
    )
    merged = merge_partial(cached, {"entitlements": [], "credit_balances": {"c": 1.0}})
    assert merged["entitlements"] == []


def test_user_partial_merges_keys_and_replaces_traits() -> None:
    cached = user(keys={"email": "a@b.c"}, traits=[{"x": 1}])
    merged = merge_partial(cached, {"keys": {"id": "u1"}, "traits": []})
    assert merged["keys"] == {"email": "a@b.c", "id": "u1"} and merged["traits"] == []


def test_add_usage_touches_every_row_of_the_event_and_creates_none() -> None:
    cached = company(
        metrics=[metric("api", 1), metric("api", 5, "current_day"), metric("other", 2)]
    )
    updated = add_usage(cached, "api", 3)
    assert updated is not None
    assert [m["value"] for m in updated["metrics"]] == [4, 8, 2]
    assert add_usage(cached, "missing", 1) is None
    assert cached["metrics"][0]["value"] == 1


# -- the store ------------------------------------------------------------------------------
def memory_store(version: str = ENGINE_VERSION_KEY) -> tuple[EntityStore, Caches]:
    caches = Caches(*(MemoryCache(100) for _ in range(5)))
    return EntityStore(caches, lambda: version, 3600, 30 * 86400), caches


def test_store_writes_the_shared_key_layout() -> None:
    store, caches = memory_store()
    store.put("company", company(id="Comp_X", keys={"ID": "Acme", "domain": "acme.io"}))
    store.put_flag(flag(key="My-Flag"))
    assert caches.companies.get("company:14269364:Comp_X")["id"] == "Comp_X"
    assert caches.company_lookups.get("company:14269364:id:acme") == "Comp_X"
    assert caches.company_lookups.get("company:14269364:domain:acme.io") == "Comp_X"
    assert caches.flags.get("flags:14269364:my-flag")["key"] == "My-Flag"
    assert store.find("company", {"id": "ACME"})["id"] == "Comp_X"
    assert store.flag("MY-FLAG")["key"] == "My-Flag"


def test_store_drops_lookups_of_keys_an_entity_lost() -> None:
    store, _ = memory_store()
    store.put("company", company(keys={"id": "acme", "domain": "old.io"}))
    store.put("company", company(keys={"id": "acme", "domain": "new.io"}))
    assert store.find("company", {"domain": "old.io"}) is None
    assert store.find("company", {"domain": "new.io"}) is not None


def test_store_skips_entities_without_keys_and_reports_conflicts() -> None:
    store, _ = memory_store()
    assert store.put("user", user(keys={})) is False
    store.put("company", company(id="c1", keys={"id": "one"}))
    store.put("company", company(id="c2", keys={"slug": "two"}))
    assert store.find("company", {"id": "one", "slug": "missing"})["id"] == "c1"
    with pytest.raises(KeyConflictError):
        store.find("company", {"id": "one", "slug": "two"})


def test_store_delete_uses_cached_and_given_keys() -> None:
    store, caches = memory_store()
    store.put("company", company(id="c1", keys={"id": "acme", "domain": "acme.io"}))
    store.delete("company", {"id": "c1", "keys": {"id": "acme"}})
    assert caches.companies.get("company:14269364:c1") is None
    assert caches.company_lookups.get("company:14269364:domain:acme.io") is None
    assert store.find("company", {"id": "acme"}) is None


def test_store_merge_ignores_what_is_not_cached() -> None:
    store, _ = memory_store()
    assert store.merge("company", "nope", {"plan_ids": []}) is None


def test_store_generation_moves_on_every_write() -> None:
    store, _ = memory_store()
    seen = {store.generation}
    store.put("company", company())
    seen.add(store.generation)
    store.merge("company", "comp_1", {"plan_ids": ["p"]})
    seen.add(store.generation)
    store.add_usage({"id": "acme"}, "api", 1)  # no api rows: nothing written
    store.put_flag(flag())
    seen.add(store.generation)
    store.delete_flag(flag())
    seen.add(store.generation)
    assert len(seen) == 5


def test_bulk_flags_delete_only_missing_flags_of_this_version() -> None:
    store, caches = memory_store()
    caches.flags.set("flags:other:keep", {"key": "keep"})
    store.replace_flags([flag(key="a"), flag(key="b")])
    store.replace_flags([flag(key="b")])
    assert store.flag("a") is None and store.flag("b") is not None
    assert caches.flags.get("flags:other:keep") == {"key": "keep"}


def test_concurrent_usage_increments_are_not_lost() -> None:
    store, _ = memory_store()
    store.put("company", company(metrics=[metric("api", 0)]))

    def bump() -> None:
        for _ in range(200):
            store.add_usage({"id": "acme"}, "api", 1)

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.find("company", {"id": "acme"})["metrics"][0]["value"] == 800


# -- waiters --------------------------------------------------------------------------------
def test_waiters_coalesce_by_any_shared_key_case_insensitively() -> None:
    waiters = Waiters()
    first, new = waiters.join("company", {"id": "Acme", "domain": "acme.io"})
    second, again = waiters.join("company", {"domain": "ACME.IO"})
    other, fresh = waiters.join("user", {"domain": "acme.io"})
    assert new and not again and fresh and second is first and other is not first
    assert waiters.resolve("company", {"id": "acme"}) == 1
    assert first.wait(0) and not other.done.is_set()
    _, renewed = waiters.join("company", {"domain": "acme.io"})
    assert renewed  # a resolved waiter is forgotten under all of its keys


def test_waiters_fail_on_error_timeout_and_disconnect() -> None:
    waiters = Waiters()
    a, _ = waiters.join("company", {"id": "a"})
    b, _ = waiters.join("company", {"id": "b"})
    c, _ = waiters.join("user", {"id": "c"})
    waiters.resolve("company", {"id": "a"}, "not found")
    waiters.drop(b, "timed out")
    waiters.fail_all("disconnected")
    assert (a.wait(0), a.error) == (False, "not found")
    assert (b.wait(0), b.error) == (False, "timed out")
    assert (c.wait(0), c.error) == (False, "disconnected")
    assert len(waiters) == 0


# -- evaluations ----------------------------------------------------------------------------
def billing_flag() -> dict[str, Any]:
    metered = condition(
        "metric",
        "lt",
        event_subtype="api",
        metric_value=100,
        metric_period="current_month",
        metric_period_month_reset="billing_cycle",
    )
    return flag(rule("plan_entitlement", metered, id="r_pe", name="Pro"))


def test_evaluations_match_the_engine_and_are_remembered() -> None:
    import logging

    evaluations = Evaluations(logging.getLogger("test"))
    subject = company(
        metrics=[metric("api", 7, "current_month", "billing_cycle")],
        subscription={
            "id": "sub",
            "period_start": "2026-01-20T10:00:00Z",
            "period_end": "2027-01-20T10:00:00Z",
        },
    )
    now = utc(2026, 3, 15, 12)
    outcome = evaluations.evaluate(billing_flag(), subject, None, now.timestamp())
    assert outcome is not None
    assert outcome[0] == evaluate(billing_flag(), subject, now=now)
    assert outcome[0].feature_usage_reset_at == utc(2026, 3, 20, 10)
    assert outcome[1] == utc(2026, 3, 16).timestamp()  # midnight comes first
    assert evaluations.computed == 1
    the_flag = billing_flag()
    evaluations.evaluate(the_flag, subject, None, now.timestamp())
    evaluations.evaluate(the_flag, subject, None, now.timestamp() + 60)
    assert evaluations.computed == 2  # a new flag object once, then remembered
    evaluations.evaluate(the_flag, subject, None, utc(2026, 3, 16, 1).timestamp())
    assert evaluations.computed == 3  # past midnight: recomputed


def test_good_until_stops_at_the_reset_and_at_subscription_dates() -> None:
    subject = company(
        subscription={
            "id": "s",
            "period_start": "2026-03-15T13:30:00Z",
            "period_end": "2026-04-15T00:00:00Z",
        }
    )
    result = evaluate(billing_flag(), subject, now=utc(2026, 3, 15, 12))
    assert good_until(result, subject, utc(2026, 3, 15, 12)) == utc(2026, 3, 15, 13, 30).timestamp()


def test_rejected_input_is_checked_once_per_object() -> None:
    import logging

    evaluations = Evaluations(logging.getLogger("test"))
    bad = company(metrics=[metric("api", 5.0)])  # type: ignore[arg-type]
    assert evaluations.evaluate(flag(), bad, None, 0.0) is None
    assert evaluations.evaluate(flag(), bad, None, 0.0) is None
    assert evaluations.computed == 0


# -- configuration and imports --------------------------------------------------------------
def test_the_official_sdks_millisecond_durations_mean_the_same_here() -> None:
    from schematic.datastream._client import _caches_for, _flag_ttl

    config = DataStreamConfig(cache_ttl=300_000, replicator_health_check=60_000)
    assert (config.cache_ttl_seconds, config.replicator_health_check_seconds) == (300, 60)
    caches = _caches_for(config)
    assert caches.companies.ttl == 300_000 and caches.user_lookups.ttl == 300_000  # ms
    assert _flag_ttl(config) == 30 * 24 * 3600  # flags: at least 30 days, in seconds
    with pytest.raises(ValueError, match=r"milliseconds .* pass 30000"):
        DataStreamConfig(cache_ttl=30)


@pytest.mark.parametrize(
    "options",
    [
        {"cache_ttl": 0},
        {"cache_ttl": "1"},
        {"cache_ttl": 30},  # seconds, most likely: milliseconds are asked for
        {"replicator_health_check": 30},
        {"replicator_health_check": True},
        {"resource_timeout": -1},
        {"ping_interval": True},
        {"max_reconnect_attempts": 0},
        {"reconnect_min_delay": 5, "reconnect_max_delay": 1},
        {"replicator_health_url": "localhost:8090/ready"},
        {"url": "ftp://x"},
        {"company_cache": object()},
        {"replicator_mode": True},
        {"replicator_mode": True, **dict.fromkeys(
            ("company_cache", "company_lookup_cache", "user_cache", "user_lookup_cache",
             "flag_cache"), LocalCache())},
    ],
)  # fmt: skip
def test_config_rejects_bad_options(options: dict[str, Any]) -> None:
    with pytest.raises((ValueError, TypeError)):
        DataStreamConfig(**options)


def test_config_accepts_shared_caches_for_replicator_mode() -> None:
    cache = RedisCache(client=object())  # type: ignore[arg-type]
    config = DataStreamConfig.shared(cache, replicator_mode=True, cache_ttl=None)
    assert config.flag_cache is cache and config.company_lookup_cache is cache


def test_schematic_config_checks_the_datastream_options() -> None:
    with pytest.raises(TypeError):
        SchematicConfig(use_datastream="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SchematicConfig(use_datastream=True, datastream={"cache_ttl": 1})  # type: ignore[arg-type]


def test_importing_the_sdk_loads_neither_websocket_nor_redis() -> None:
    code = (
        "import sys, schematic, schematic.client, schematic.datastream; "
        "from schematic import SchematicConfig, DataStreamConfig; "
        "SchematicConfig(use_datastream=True, datastream=DataStreamConfig()); "
        "print('websocket' in sys.modules, 'redis' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_missing_extras_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from schematic import Schematic

    monkeypatch.setitem(sys.modules, "websocket", None)
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(ImportError, match=r"schematichq\[datastream\]"):
        Schematic("key", SchematicConfig(use_datastream=True))
    with pytest.raises(ImportError, match=r"schematichq\[redis\]"):
        RedisCache.from_url("redis://localhost:1/0")


def test_offline_clients_open_no_stream() -> None:
    from schematic import Schematic

    client = Schematic(config=SchematicConfig(offline=True, use_datastream=True))
    assert client._datastream is None
    assert client.check_flag("anything") is False
