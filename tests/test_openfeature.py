"""The OpenFeature provider, driven through the real ``openfeature-sdk`` against the fake API."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from openfeature import api
from openfeature.evaluation_context import EvaluationContext
from openfeature.event import EventDetails, ProviderEvent
from openfeature.exception import ErrorCode
from openfeature.flag_evaluation import FlagEvaluationDetails, Reason
from openfeature.hook import Hook, HookContext
from openfeature.track import TrackingEventDetails

from schematic.client import Schematic, SchematicConfig
from schematic.openfeature import SchematicProvider
from schematic.testing import FakeSchematic

ACME = EvaluationContext(attributes={"company": {"id": "acme"}})


@pytest.fixture(autouse=True)
def fresh_api() -> Iterator[None]:
    """OpenFeature's registry is global: each test starts and ends without providers."""
    api.clear_providers()
    yield
    api.shutdown()


class Events:
    """What handlers were given: OpenFeature runs handlers in a thread pool of its own."""

    def __init__(self, event: ProviderEvent) -> None:
        self.seen: list[EventDetails] = []
        self._arrived = threading.Condition()
        api.add_handler(event, self._handle)

    def _handle(self, details: EventDetails) -> None:
        with self._arrived:
            self.seen.append(details)
            self._arrived.notify_all()

    def of(self, provider_name: str) -> list[EventDetails]:
        with self._arrived:
            self._arrived.wait_for(
                lambda: any(d.provider_name == provider_name for d in self.seen), timeout=10
            )
            return [d for d in self.seen if d.provider_name == provider_name]


def evaluated(provider: SchematicProvider, flag: str, default: bool, context: Any = None) -> Any:
    api.set_provider_and_wait(provider)
    return api.get_client().get_boolean_details(flag, default, context)


def checks(server: FakeSchematic) -> list[Any]:
    return server.requests_to("/flags/")


# -- reasons and error codes ----------------------------------------------------------------
def test_a_matched_rule_is_a_targeting_match_with_its_metadata(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    details = evaluated(SchematicProvider(client), "beta", False, ACME)
    assert isinstance(details, FlagEvaluationDetails)
    assert (details.value, details.reason, details.variant) == (True, Reason.TARGETING_MATCH, "on")
    assert details.error_code is None
    assert details.flag_metadata["rule_type"] == "company_override"
    assert details.flag_metadata["rule_id"] == "rule_flag_1"
    assert details.flag_metadata["flag_id"] == "flag_1"
    assert checks(server)[-1].body == {"company": {"id": "acme"}}
    assert api.get_provider_metadata().name == "schematic"


def test_the_flags_default_rule_is_default(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    other = EvaluationContext(attributes={"company": {"id": "globex"}})
    details = evaluated(SchematicProvider(client), "beta", True, other)
    assert (details.value, details.reason, details.variant) == (False, Reason.DEFAULT, "off")
    assert details.error_code is None


def test_offline_is_static_with_the_callers_default(make_client: Any) -> None:
    provider = SchematicProvider(make_client(offline=True))
    details = evaluated(provider, "beta", True, ACME)
    assert (details.value, details.reason, details.variant) == (True, Reason.STATIC, "on")
    assert details.error_code is None


def test_an_unknown_flag_is_flag_not_found(server: FakeSchematic, client: Schematic) -> None:
    details = evaluated(SchematicProvider(client), "no-such-flag", True, ACME)
    assert (details.value, details.reason) == (True, Reason.ERROR)
    assert details.error_code == ErrorCode.FLAG_NOT_FOUND


def test_an_api_failure_is_a_general_error_with_the_default(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", False)
    server.add_fault("/flags/beta/check", status=500, times=None)
    provider = SchematicProvider(make_client(stale_if_error=False))
    details = evaluated(provider, "beta", True, ACME)
    assert (details.value, details.reason) == (True, Reason.ERROR)
    assert details.error_code == ErrorCode.GENERAL
    assert "500" in (details.error_message or "")


def test_the_last_value_received_is_stale(server: FakeSchematic, make_client: Any) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    provider = SchematicProvider(make_client(cache_providers=[]))
    assert evaluated(provider, "beta", False, ACME).value is True
    server.add_fault("/flags/beta/check", status=503, times=None)
    details = api.get_client().get_boolean_details("beta", False, ACME)
    assert (details.value, details.reason, details.error_code) == (True, Reason.STALE, None)


def test_entitlement_usage_and_allocation_are_flag_metadata(
    server: FakeSchematic, client: Schematic
) -> None:
    answer = {
        "flag": "ai-credits",
        "value": True,
        "reason": "Matched plan entitlement",
        "flag_id": "flag_123",
        "company_id": "comp_123",
        "rule_id": "rule_9",
        "rule_type": "plan_entitlement",
        "entitlement": {
            "feature_id": "feat_1",
            "feature_key": "ai-credits",
            "value_type": "numeric",
            "allocation": 100,
            "usage": 42,
            "metric_period": "current_month",
        },
    }
    server.add_fault("/flags/ai-credits/check", status=200, body={"data": answer, "params": {}})
    details = evaluated(SchematicProvider(client), "ai-credits", False, ACME)
    assert details.reason == Reason.TARGETING_MATCH
    assert dict(details.flag_metadata) == {
        "rule_id": "rule_9",
        "rule_type": "plan_entitlement",
        "flag_id": "flag_123",
        "company_id": "comp_123",
        "reason": "Matched plan entitlement",
        "usage": 42,
        "allocation": 100,
        "value_type": "numeric",
        "metric_period": "current_month",
    }


@pytest.mark.parametrize(
    ("method", "default"),
    [
        ("get_string_details", "blue"),
        ("get_integer_details", 7),
        ("get_float_details", 0.5),
        ("get_object_details", {"a": 1}),
    ],
)
def test_other_flag_types_answer_their_default_with_type_mismatch(
    server: FakeSchematic, client: Schematic, method: str, default: Any
) -> None:
    server.set_flag("beta", True)
    api.set_provider_and_wait(SchematicProvider(client))
    details = getattr(api.get_client(), method)("beta", default, ACME)
    assert details.value == default
    assert (details.reason, details.error_code) == (Reason.ERROR, ErrorCode.TYPE_MISMATCH)
    assert checks(server) == []


# -- the context ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("context", "company", "user"),
    [
        (EvaluationContext("u-1"), None, {"id": "u-1"}),
        (EvaluationContext("u-1", {"company": {"id": "acme"}}), {"id": "acme"}, {"id": "u-1"}),
        (
            EvaluationContext("ignored", {"user": {"email": "a@b.c"}}),
            None,
            {"email": "a@b.c"},
        ),
        (
            EvaluationContext(None, {"company": {"id": "acme", "plan": "pro"}, "other": 5}),
            {"id": "acme", "plan": "pro"},
            None,
        ),
        (EvaluationContext(), None, None),
    ],
    ids=["targeting key", "company and targeting key", "user wins", "company only", "empty"],
)
def test_contexts_map_to_company_and_user_keys(
    server: FakeSchematic,
    client: Schematic,
    context: EvaluationContext,
    company: Any,
    user: Any,
) -> None:
    server.set_flag("beta", True)
    assert evaluated(SchematicProvider(client), "beta", False, context).value is True
    body = checks(server)[-1].body
    assert (body.get("company"), body.get("user")) == (company, user)


def test_the_targeting_key_fills_the_user_key_named(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("beta", True, user={"email": "a@b.c"})
    provider = SchematicProvider(client, user_key="email")
    details = evaluated(provider, "beta", False, EvaluationContext("a@b.c"))
    assert details.value is True
    assert checks(server)[-1].body == {"user": {"email": "a@b.c"}}


@pytest.mark.parametrize(
    "context",
    [
        EvaluationContext(attributes={"company": "acme"}),
        EvaluationContext(attributes={"company": {"id": 5}}),
        EvaluationContext(attributes={"user": ["a@b.c"]}),
        EvaluationContext(attributes={"user": {"email": "\udcff"}}),
        EvaluationContext(targeting_key=5),  # type: ignore[arg-type]
    ],
    ids=["str company", "int value", "list user", "lone surrogate", "int key"],
)
def test_a_bad_context_is_the_default_with_invalid_context(
    server: FakeSchematic, client: Schematic, context: EvaluationContext
) -> None:
    server.set_flag("beta", False)
    details = evaluated(SchematicProvider(client), "beta", True, context)
    assert (details.value, details.reason) == (True, Reason.ERROR)
    assert details.error_code == ErrorCode.INVALID_CONTEXT
    assert checks(server) == []


# -- tracking ------------------------------------------------------------------------------
def test_track_sends_a_schematic_event_with_quantity_and_traits(
    server: FakeSchematic, client: Schematic
) -> None:
    api.set_provider_and_wait(SchematicProvider(client))
    context = EvaluationContext("u-1", {"company": {"id": "acme"}})
    details = TrackingEventDetails(value=3.0, attributes={"plan": "pro"})
    api.get_client().track("api-call", context, details)
    api.get_client().track("signed-in", ACME)
    assert client.flush(5)
    [call] = server.tracked("api-call")
    assert call["body"]["quantity"] == 3
    assert call["body"]["company"] == {"id": "acme"}
    assert call["body"]["user"] == {"id": "u-1"}
    assert call["body"]["traits"] == {"plan": "pro"}
    [signed_in] = server.tracked("signed-in")
    assert signed_in["body"]["company"] == {"id": "acme"}


@pytest.mark.parametrize("value", [1.5, float("nan"), True])
def test_a_track_that_cannot_be_an_event_is_dropped_and_logged(
    server: FakeSchematic,
    make_client: Any,
    caplog: pytest.LogCaptureFixture,
    value: Any,
) -> None:
    client = make_client(strict=True)  # even a strict client's provider never raises
    api.set_provider_and_wait(SchematicProvider(client))
    with caplog.at_level(logging.ERROR, logger="schematic"):
        api.get_client().track("api-call", ACME, TrackingEventDetails(value=value))
        api.get_client().track("", ACME)
    assert "track('api-call') dropped" in caplog.text
    assert "track('') dropped" in caplog.text
    assert client.flush(5)
    assert server.tracked("api-call") == []


def test_track_never_waits_on_the_network(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/batch", hang=True, times=None)  # the event service never answers
    api.set_provider_and_wait(SchematicProvider(client))
    for i in range(1000):
        api.get_client().track("api-call", ACME, TrackingEventDetails(value=i))
    assert client.stats()["events_enqueued"] == 1000


# -- lifecycle -------------------------------------------------------------------------------
def test_datastream_ready_is_provider_ready(stream: Any, local: Any) -> None:
    from datastream_server import ACME as STREAM_ACME
    from datastream_server import metered_flag
    from rules_engine_builders import company, metric

    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 4)]))
    ready = Events(ProviderEvent.PROVIDER_READY)
    client = local()
    api.set_provider_and_wait(SchematicProvider(client))
    assert len(ready.of("schematic")) == 1
    context = EvaluationContext(attributes={"company": STREAM_ACME})
    details = api.get_client().get_boolean_details("api", False, context)
    assert (details.value, details.reason) == (True, Reason.TARGETING_MATCH)
    assert client.stats()["datastream"]["local"] >= 1


def test_datastream_without_data_is_provider_error(
    server: FakeSchematic, make_client: Any, dead_url: str
) -> None:
    from schematic import DataStreamConfig

    server.set_flag("beta", True)
    errors = Events(ProviderEvent.PROVIDER_ERROR)
    config = DataStreamConfig(url=dead_url)
    client = make_client(use_datastream=True, datastream=config)
    with pytest.raises(Exception, match=r"DataStream sent no data within 0\.2s"):
        api.set_provider_and_wait(SchematicProvider(client, init_timeout=0.2))
    [error] = errors.of("schematic")
    assert error.error_code == ErrorCode.PROVIDER_NOT_READY
    assert "DataStream sent no data" in (error.message or "")
    # Still answered, by the API.
    assert api.get_client().get_boolean_value("beta", False) is True


def test_shutdown_sends_events_and_closes_only_its_own_client(server: FakeSchematic) -> None:
    config = SchematicConfig(base_url=server.url, event_capture_url=server.url)
    own = SchematicProvider(api_key=server.api_key, config=config)
    given_client = server.client()
    given = SchematicProvider(given_client)
    api.set_provider_and_wait(own)
    api.set_provider_and_wait(given, domain="other")
    api.get_client().track("from-own", ACME)
    api.get_client("other").track("from-given", ACME)
    api.shutdown()
    assert len(server.tracked("from-own")) == 1
    assert len(server.tracked("from-given")) == 1
    assert own.client._worker._closed  # made by the provider: closed
    assert not given_client._worker._closed
    server.set_flag("beta", True)
    assert given_client.check_flag("beta") is True  # the caller's client still works
    given_client.shutdown()


def test_settings_are_checked_when_the_provider_is_made(client: Schematic) -> None:
    with pytest.raises(TypeError, match="client must be a Schematic client"):
        SchematicProvider("sch_key")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not both"):
        SchematicProvider(client, api_key="sch_key")
    with pytest.raises(ValueError, match="user_key"):
        SchematicProvider(client, user_key="")
    with pytest.raises(ValueError, match="init_timeout"):
        SchematicProvider(client, init_timeout=-1)
    with pytest.raises(TypeError, match="close_client"):
        SchematicProvider(client, close_client="yes")  # type: ignore[arg-type]


# -- hooks, domains, async -------------------------------------------------------------------
class Recording(Hook):
    def __init__(self) -> None:
        self.calls: list[str] = []

    def before(self, hook_context: HookContext, hints: Any) -> None:
        self.calls.append(f"before {hook_context.flag_key}")

    def after(self, hook_context: HookContext, details: Any, hints: Any) -> None:
        self.calls.append(f"after {details.value}")

    def error(self, hook_context: HookContext, exception: Exception, hints: Any) -> None:
        self.calls.append(f"error {type(exception).__name__}")

    def finally_after(self, hook_context: HookContext, details: Any, hints: Any) -> None:
        self.calls.append("finally")


def test_hooks_see_each_evaluation(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True)
    hook = Recording()
    api.add_hooks([hook])
    api.set_provider_and_wait(SchematicProvider(client))
    flags = api.get_client()
    assert flags.get_boolean_value("beta", False, ACME) is True
    bad = EvaluationContext(attributes={"company": "acme"})
    assert flags.get_boolean_value("beta", False, bad) is False
    assert hook.calls == [
        "before beta",
        "after True",
        "finally",
        "before beta",
        "error InvalidContextError",
        "finally",
    ]


def test_domains_bind_their_own_provider(server: FakeSchematic, make_client: Any) -> None:
    server.set_flag("beta", True)
    api.set_provider_and_wait(SchematicProvider(make_client()))
    api.set_provider_and_wait(SchematicProvider(make_client(offline=True)), domain="tests")
    assert api.get_client().get_boolean_details("beta", False).reason == Reason.DEFAULT
    offline = api.get_client("tests").get_boolean_details("beta", False)
    assert (offline.value, offline.reason) == (False, Reason.STATIC)


def test_async_evaluations_run_off_the_loop(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    api.set_provider_and_wait(SchematicProvider(client))

    async def main() -> bool:
        flags = api.get_client()
        return await flags.get_boolean_value_async("beta", False, ACME)

    assert asyncio.run(main()) is True


def test_importing_the_client_loads_no_openfeature() -> None:
    code = "import schematic, schematic.client, sys; print('openfeature' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_answer_without_a_rule_type_is_unknown(server: FakeSchematic, client: Schematic) -> None:
    answer = {"flag": "beta", "value": True, "reason": "?", "flag_id": "flag_1"}
    server.add_fault("/flags/beta/check", status=200, body={"data": answer, "params": {}})
    details = evaluated(SchematicProvider(client), "beta", False, ACME)
    assert (details.value, details.reason, details.error_code) == (True, Reason.UNKNOWN, None)
