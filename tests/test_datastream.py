"""Local evaluation end to end: answers, updates, usage, with a real DataStream server.

Each test drives a ``Schematic`` client against ``FakeDataStream`` (the stream) and
``FakeSchematic`` (the API it falls back to) and waits on what the client applied, never
on the clock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from datastream_server import (
    ACME,
    COMPANY,
    FAST,
    FakeDataStream,
    Probe,
    message,
    metered_flag,
    ready,
    was_local,
)
from rules_engine_builders import company, condition, flag, metric, rule, user

from schematic import DataStreamConfig
from schematic.client import Schematic
from schematic.datastream import evaluate
from schematic.testing import FakeSchematic

Make = Callable[..., Schematic]


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
