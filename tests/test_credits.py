"""Preflighted checks, ``check``, ``track_with_reservation`` and the official SDK's other
credit names, against the fake server."""

from __future__ import annotations

import asyncio
import logging
import math
from datetime import datetime, timezone
from typing import Any

import pytest

from schematic import PaymentRequiredError, SchematicEnvironment
from schematic.cache import AsyncCacheProvider, AsyncLocalCache, LocalCache
from schematic.client import (
    AsyncSchematic,
    CheckFlagOptions,
    CheckOptions,
    CreditLeaseConfig,
    EventUsage,
    IdentifyOptions,
    Reservation,
    Schematic,
    SchematicConfig,
    TrackWithReservationOptions,
)
from schematic.datastream import DataStreamConfig
from schematic.testing import FakeSchematic

ACME = {"id": "acme"}


def flag_checks(server: FakeSchematic, flag: str = "tokens") -> list[Any]:
    return [r.body for r in server.requests_to(f"/flags/{flag}/check")]


def reservation(**changes: Any) -> Reservation:
    fields: dict[str, Any] = {
        "id": "res_1",
        "lease_id": "lease_1",
        "mode": "client",
        "company_id": "comp_1",
        "credit_type_id": "bcrd_1",
        "event_subtype": "inference_tokens",
        "quantity_reserved": 1000,
        "credits_reserved": 10,
        "consumption_rate": 0.01,
        "expires_at": datetime(2026, 12, 3, tzinfo=timezone.utc),
        "company": ACME,
        "user": {"id": "u1"},
    }
    fields.update(changes)
    return Reservation(**fields)


# -- preflight ----------------------------------------------------------------------------
def test_usage_is_sent_rounded_up_and_every_preflighted_check_asks_the_api(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("tokens", True, company=ACME)
    options = CheckFlagOptions(usage=999.2)
    assert client.check_flag("tokens", company=ACME, options=options) is True
    assert client.check_flag("tokens", company=ACME, options=options) is True
    assert flag_checks(server) == [{"company": ACME, "preflight": {"usage": 1000}}] * 2
    # Nor was its answer cached: a plain check asks again, then is answered from the cache.
    assert client.check_flag("tokens", company=ACME) is True
    assert client.check_flag("tokens", company=ACME) is True
    assert flag_checks(server)[2:] == [{"company": ACME}]


def test_event_usage_and_credit_cost_go_on_the_wire(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("tokens", True, company=ACME)
    options = CheckFlagOptions(
        event_usage=EventUsage("inference_tokens", 0.5), credit_cost={"bcrd_1": 2.5}
    )
    client.check_flag_with_entitlement("tokens", company=ACME, options=options)
    [body] = flag_checks(server)
    assert body["preflight"] == {
        "event_usage": {"event_subtype": "inference_tokens", "quantity": 1},
        "credit_cost": {"bcrd_1": 2.5},
    }


def test_a_cached_answer_is_never_given_to_a_preflighted_check(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("tokens", True, company=ACME)
    assert client.check_flag("tokens", company=ACME) is True  # cached now
    server.set_flag("tokens", False, company=ACME)  # as the usage would exhaust the credits
    assert client.check_flag("tokens", company=ACME, options=CheckFlagOptions(usage=5)) is False


def test_a_failed_preflighted_check_answers_the_default_not_an_earlier_value(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(cache_providers=[], circuit_breaker_threshold=100)
    server.set_flag("tokens", True, company=ACME)
    assert client.check_flag("tokens", company=ACME) is True  # remembered for errors
    server.add_fault("/flags", status=500, times=None)
    assert client.check_flag("tokens", company=ACME) is True  # the last value, plainly
    result = client.check_flag_with_entitlement(
        "tokens", company=ACME, options=CheckFlagOptions(usage=5)
    )
    assert result.value is False
    assert result.reason.startswith("Error occurred")


@pytest.mark.parametrize(
    ("fields", "error", "named"),
    [
        ({"usage": -1}, ValueError, "usage"),
        ({"usage": math.nan}, ValueError, "usage"),
        ({"usage": math.inf}, ValueError, "usage"),
        ({"usage": 2.0**63}, ValueError, "usage"),
        ({"usage": True}, TypeError, "usage"),
        ({"usage": "5"}, TypeError, "usage"),
        ({"event_usage": {"event_subtype": "x", "quantity": 1}}, TypeError, "event_usage"),
        ({"credit_cost": {"bcrd_1": -1}}, ValueError, "credit_cost['bcrd_1']"),
        ({"credit_cost": {"": 1}}, TypeError, "credit_cost"),
        ({"credit_cost": [1]}, TypeError, "credit_cost"),
    ],
)
def test_bad_preflight_fields_are_refused_by_name(
    fields: dict[str, Any], error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match=named.replace("[", r"\[")):
        CheckFlagOptions(**fields)


def test_event_usage_checks_its_own_fields() -> None:
    with pytest.raises(TypeError, match="event_subtype"):
        EventUsage("", 1)
    with pytest.raises(ValueError, match="quantity"):
        EventUsage("tokens", -0.5)


def test_fields_changed_after_the_options_were_made_are_checked_at_the_check(
    server: FakeSchematic, client: Schematic, caplog: pytest.LogCaptureFixture
) -> None:
    options = CheckFlagOptions(usage=1)
    options.usage = -3
    result = client.check_flag_with_entitlement("tokens", company=ACME, options=options)
    assert result.value is False and "usage must be a finite number" in (result.reason or "")
    assert flag_checks(server) == []


def test_check_flags_refuses_preflight_options_without_a_request(
    server: FakeSchematic, client: Schematic
) -> None:
    results = client.check_flags(["a", "b"], company=ACME, options=CheckFlagOptions(usage=3))
    assert [r.flag for r in results] == ["a", "b"]
    assert all(r.value is False and "check_flags takes none" in (r.reason or "") for r in results)
    assert server.requests_to("/flags") == []


# -- check ---------------------------------------------------------------------------------
def test_check_preflights_the_usage_on_its_event_and_holds_nothing(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("tokens", True, company=ACME)
    result = client.check(
        "tokens", company=ACME, options=CheckOptions(usage=10, event_subtype="inference_tokens")
    )
    assert (result.allowed, result.value, result.flag_key) == (True, True, "tokens")
    assert result.reservation is None
    [body] = flag_checks(server)
    assert body["preflight"] == {
        "event_usage": {"event_subtype": "inference_tokens", "quantity": 10}
    }


def test_check_with_usage_alone_preflights_every_condition(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("tokens", False, company=ACME)
    result = client.check("tokens", company=ACME, options=CheckOptions(usage=3))
    assert (result.allowed, result.value) == (False, False)
    assert flag_checks(server) == [{"company": ACME, "preflight": {"usage": 3}}]


def test_check_without_options_is_a_plain_cached_check(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("tokens", True, company=ACME)
    assert client.check("tokens", company=ACME).allowed is True
    assert client.check("tokens", company=ACME).allowed is True
    assert flag_checks(server) == [{"company": ACME}]


def test_a_check_that_cannot_gate_fails_closed_unless_told_to_fail_open(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(circuit_breaker_threshold=100)
    server.add_fault("/flags", status=503, times=None)
    closed = client.check("tokens", company=ACME, options=CheckOptions(usage=1, default_value=True))
    assert (closed.allowed, closed.value) == (False, True)
    assert closed.error is not None
    opened = client.check(
        "tokens",
        company=ACME,
        options=CheckOptions(usage=1, default_value=True, on_acquire_failure="fail-open"),
    )
    assert (opened.allowed, opened.value) == (True, True)
    # Without usage there is nothing to gate: the default decides, as for check_flag.
    plain = client.check("tokens", company=ACME, options=CheckOptions(default_value=True))
    assert plain.allowed is True


def test_check_never_raises_on_bad_options(server: FakeSchematic, client: Schematic) -> None:
    result = client.check("tokens", company=ACME, options="usage=5")  # type: ignore[arg-type]
    assert result.allowed is False and "CheckOptions" in result.reason
    with pytest.raises(ValueError, match="on_acquire_failure"):
        CheckOptions(on_acquire_failure="open")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="event_subtype"):
        CheckOptions(usage=1, event_subtype="")
    assert server.requests_to("/flags") == []


def test_check_offline_answers_the_default() -> None:
    client = Schematic("", SchematicConfig(offline=True, flag_defaults={"tokens": True}))
    result = client.check("tokens", company=ACME, options=CheckOptions(usage=5))
    assert (result.allowed, result.value) == (True, True)
    client.shutdown()


# -- track_with_reservation ----------------------------------------------------------------
def test_a_settle_is_one_track_event_on_the_lease_keyed_by_the_reservation(
    server: FakeSchematic, client: Schematic
) -> None:
    held = reservation()
    client.track_with_reservation(held, 812.3, TrackWithReservationOptions(traits={"m": "x"}))
    client.track_with_reservation(held, 812.3)  # a retry of the same settle
    assert client.flush(5)
    events = server.tracked("inference_tokens")
    # The server drops the second as a repeat of its idempotency key.
    assert {e["idempotency_key"] for e in events} == {"lease-reservation:res_1"}
    first = next(e for e in server.events if e["body"].get("traits"))
    assert first["body"] == {
        "event": "inference_tokens",
        "company": ACME,
        "user": {"id": "u1"},
        "traits": {"m": "x"},
        "quantity": 813,
        "lease_id": "lease_1",
    }


def test_nothing_is_sent_for_no_reservation_or_a_bad_quantity(
    server: FakeSchematic, client: Schematic, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="schematic"):
        client.track_with_reservation(None, 5)
        client.track_with_reservation(reservation(), -1)
        client.track_with_reservation(reservation(), math.nan)
        client.track_with_reservation(reservation(lease_id=""), 5)
        client.track_with_reservation("res_1", 5)  # type: ignore[arg-type]
    assert client.flush(5)
    assert server.tracked() == []
    text = caplog.text
    assert "no reservation to settle" in text
    assert "actual_quantity must be a finite number" in text
    assert "reservation must be a Reservation" in text


def test_prewarm_and_identify_prewarm_are_accepted_and_checked(
    server: FakeSchematic, client: Schematic, caplog: pytest.LogCaptureFixture
) -> None:
    client.prewarm(ACME, ["bcrd_1"])
    client.identify(
        {"id": "u1"}, company={"keys": ACME}, options=IdentifyOptions(prewarm=["bcrd_1"])
    )
    with caplog.at_level(logging.DEBUG, logger="schematic"):
        client.prewarm(ACME, "bcrd_1")  # type: ignore[arg-type]
        client.identify({"id": "u2"}, options=IdentifyOptions(prewarm=[""]))
    assert client.flush(5)
    assert len(server.identified()) == 1
    assert "credit_type_ids must be a list" in caplog.text
    assert "options.prewarm must be a list" in caplog.text
    assert server.requests_to("/billing") == []


def test_the_async_client_has_the_same_calls(server: FakeSchematic) -> None:
    server.set_flag("tokens", True, company=ACME)

    async def main() -> None:
        async with AsyncSchematic(
            server.api_key, SchematicConfig(base_url=server.url, event_capture_url=server.url)
        ) as client:
            plain = await client.check("tokens", company=ACME)
            gated = await client.check("tokens", company=ACME, options=CheckOptions(usage=2))
            assert plain.allowed and gated.allowed and gated.reservation is None
            await client.prewarm(ACME, ["bcrd_1"])
            await client.track_with_reservation(reservation(), 7)
            assert await client.flush(5)

    asyncio.run(main())
    [event] = server.tracked("inference_tokens")
    assert event["body"]["lease_id"] == "lease_1" and event["body"]["quantity"] == 7


# -- settings and names --------------------------------------------------------------------
def test_credit_leases_are_accepted_checked_and_said_to_hold_nothing(
    server: FakeSchematic, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="schematic"):
        client = server.client(credit_leases=CreditLeaseConfig(default_reservation_ttl=30))
    assert "this SDK holds no credits" in caplog.text
    client.shutdown()
    leases = CreditLeaseConfig()
    leases.low_water_mark = 2  # changed after it was checked: checked again with the config
    with pytest.raises(ValueError, match=r"credit_leases\.low_water_mark"):
        SchematicConfig(credit_leases=leases)
    with pytest.raises(ValueError, match="mode"):
        CreditLeaseConfig(mode="hybrid")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="credit_leases must be a CreditLeaseConfig"):
        SchematicConfig(credit_leases={"mode": "server"})  # type: ignore[arg-type]


def test_402_raises_payment_required(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/companies", status=402, body={"error": "no credits"})
    with pytest.raises(PaymentRequiredError) as raised:
        client.companies.list_companies()
    assert raised.value.status_code == 402


def test_an_environment_works_as_the_base_url() -> None:
    client = Schematic("sch_test_key", SchematicConfig(base_url=SchematicEnvironment.DEFAULT))
    assert client._transport.base_url == "https://api.schematichq.com"
    client.shutdown(0)


def test_the_async_cache_names_work_in_datastream_slots() -> None:
    cache: AsyncLocalCache[Any] = AsyncLocalCache(max_items=10, ttl=1000)
    config = DataStreamConfig(company_cache=cache)
    assert isinstance(config.company_cache, LocalCache)
    assert config.company_cache is cache.sync

    async def roundtrip() -> Any:
        await cache.set("k", {"a": 1})
        return await cache.get("k")

    assert asyncio.run(roundtrip()) == {"a": 1}
    assert config.company_cache.get("k") == {"a": 1}

    class Awaited:
        async def get(self, key: str) -> Any: ...
        async def set(self, key: str, value: Any, ttl: int | None = None) -> None: ...
        async def delete(self, key: str) -> None: ...

    assert isinstance(Awaited(), AsyncCacheProvider)
    with pytest.raises(TypeError, match="user_cache must be a synchronous cache"):
        DataStreamConfig(user_cache=Awaited())
