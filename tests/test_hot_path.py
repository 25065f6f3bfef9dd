"""The cached check that ``Schematic.check_flag`` answers by itself: one entry per check
whatever the order of its contexts' keys, the TTL to the tick, exact counts from many
threads, and nothing answered for a call the checker would refuse."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from schematic.cache import LocalCache
from schematic.client import CheckFlagOptions
from schematic.testing import FakeSchematic


def checks(server: FakeSchematic) -> int:
    return len(server.requests_to("/flags/"))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_every_order_of_the_same_context_shares_one_entry(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    clock = Clock()
    cache: LocalCache[Any] = LocalCache(100, 1000, timer=clock)
    client = make_client(cache_providers=[cache])
    ab = {"company": {"a": "1", "b": "2"}, "user": {"x": "1", "y": "2"}}
    ba = {"company": {"b": "2", "a": "1"}, "user": {"y": "2", "x": "1"}}
    assert client.check_flag("beta", **ab) is True
    for _ in range(3):
        assert client.check_flag("beta", **ba) is True
        assert client.check_flag("beta", **ab) is True
    assert checks(server) == 1
    assert len(cache) == 1
    # Expired, then answered anew in the other order: that order replaces the entry,
    # and the first order finds it without asking again.
    clock.now += 1.0
    server.set_flag("beta", False)
    assert client.check_flag("beta", **ba) is False
    assert len(cache) == 1
    assert client.check_flag("beta", **ab) is False
    assert checks(server) == 2
    assert client.stats()["cache_hits"] == 7


def test_the_hot_path_keeps_the_ttl_to_the_tick(server: FakeSchematic, make_client: Any) -> None:
    server.set_flag("beta", True)
    clock = Clock()
    client = make_client(cache_providers=[LocalCache(100, 2000, timer=clock)])
    context = {"company": {"id": "acme", "plan": "pro"}, "user": {"id": "u1"}}
    assert client.check_flag("beta", **context) is True
    clock.now += 1.999999
    assert client.check_flag("beta", **context) is True
    assert checks(server) == 1
    clock.now += 0.000001  # exactly the TTL: expired
    assert client.check_flag("beta", **context) is True
    assert checks(server) == 2


def test_hits_from_eight_threads_are_counted_exactly(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    client = make_client(cache_providers=[LocalCache(100, 3_600_000)])
    contexts = [({"id": f"c{i}", "plan": "pro"}, {"id": f"u{i}"}) for i in range(8)]
    for company, user in contexts:
        assert client.check_flag("beta", company=company, user=user) is True
    start = threading.Barrier(8)
    wrong: list[int] = []

    def hammer(n: int) -> None:
        company, user = contexts[n]
        start.wait()
        for _ in range(20_000):
            if client.check_flag("beta", company=dict(reversed(company.items())), user=user):
                continue
            wrong.append(n)

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    assert checks(server) == 8
    assert client.stats()["cache_hits"] == 8 * 20_000


class Shouting(LocalCache[Any]):
    """A LocalCache whose reads must be seen: the hot path has to go through ``get``."""

    reads = 0

    def get(self, key: object) -> Any:
        Shouting.reads += 1
        return super().get(key)


def test_a_cache_that_overrides_get_is_read_through_get(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    client = make_client(cache_providers=[Shouting(100, 60_000)])
    for _ in range(3):
        assert client.check_flag("beta", company={"id": "acme"}) is True
    assert Shouting.reads == 3
    assert checks(server) == 1


class Raising:
    """A context whose truth cannot be told, as some array types do."""

    def __bool__(self) -> bool:
        raise ValueError("ambiguous")


@pytest.mark.parametrize(
    "company",
    [{"id": 1}, {"id": None}, {1: "x"}, "acme", ["id", "acme"], Raising(), {"id": ["a"]}],
    ids=["int value", "None value", "int key", "str", "list", "raising", "unhashable"],
)
def test_a_bad_context_is_never_answered_from_the_cache(
    server: FakeSchematic, make_client: Any, company: Any
) -> None:
    server.set_flag("beta", True)
    client = make_client()
    assert client.check_flag("beta", company={"id": "1"}) is True  # a valid neighbour, cached
    for _ in range(2):
        result = client.check_flag_with_entitlement("beta", company=company)
        assert result.value is False
        assert result.reason.startswith("Invalid argument")
        assert client.check_flag("beta", company=company) is False
    assert client.stats()["invalid_calls"] == 4
    assert checks(server) == 1


def test_options_and_offline_go_through_the_checker(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    client = make_client()
    assert client.check_flag("beta") is True
    assert client.check_flag("beta", options=CheckFlagOptions(default_value=False)) is True
    offline = make_client(offline=True)
    assert offline.check_flag("beta", options=CheckFlagOptions(default_value=True)) is True
    assert offline.check_flag("beta") is False
    assert checks(server) == 1
    assert client.stats()["cache_hits"] == 1


# -- DataStream: answers ready for check_flag -------------------------------------------------
def test_datastream_answers_are_served_ready_until_their_event_is_due(
    server: FakeSchematic, stream: Any, local: Any
) -> None:
    from datastream_server import ACME, COMPANY, message, metered_flag, ready
    from rules_engine_builders import company, metric

    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 4)]))
    client = local()
    probe = ready(client)
    datastream = client._datastream
    assert datastream is not None
    assert client.check_flag("api", company=ACME) is True
    computed = datastream.evaluations.computed
    for _ in range(1000):
        assert client.check_flag("api", company=ACME) is True
    assert datastream.evaluations.computed == computed  # served ready, not evaluated again
    key = ("api", tuple(ACME.items()), None)
    value, until = datastream.ready._index[key]
    assert value.value is True
    assert until == datastream._reported[key][1]  # the next flag_check event is due then
    assert client.stats()["datastream"]["local"] == 1001
    # A change empties what is ready: the next check sees it.
    stream.push(message(COMPANY, "partial", {"metrics": [metric("api", 10)]}, "comp_1"))
    probe.wait("message", message_type="partial")
    assert key not in datastream.ready._index
    assert client.check_flag("api", company=ACME) is False
    assert client.flush(5)
    events = [e["body"] for e in server.events if e["type"] == "flag_check"]
    assert [e["value"] for e in events] == [True, False]  # one event per result, not per call
    assert server.requests_to("/flags") == []


def test_a_ready_answer_outdated_while_it_was_stored_is_not_served(stream: Any, local: Any) -> None:
    from datastream_server import ACME, metered_flag, ready
    from rules_engine_builders import company, metric

    stream.flags = [metered_flag()]
    stream.add("company", company(metrics=[metric("api", 4)]))
    client = local()
    ready(client)
    datastream = client._datastream
    assert datastream is not None
    assert client.check_flag_with_entitlement("api", company=ACME).value is True
    datastream.ready.clear()
    real_set_until = datastream.ready.set_until

    def bump_meanwhile(*args: Any) -> None:  # the store changes as the answer is put there
        real_set_until(*args)
        datastream.store.generation += 1000

    datastream.ready.set_until = bump_meanwhile  # type: ignore[method-assign]
    assert client.check_flag("api", company=ACME) is True  # answered from ``answers``
    assert datastream.ready._index == {}


# -- the copies check_flag reads stay in step with the cache ---------------------------------
def test_clearing_or_deleting_from_the_cache_reaches_check_flag(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    cache: LocalCache[Any] = LocalCache(100, 3_600_000)
    client = make_client(cache_providers=[cache])
    other = make_client(cache_providers=[cache])  # two clients, one cache
    for c in (client, other):
        assert c.check_flag("beta", company={"id": "acme"}) is True
    assert checks(server) == 1
    server.set_flag("beta", False)
    cache.clear()
    assert client.check_flag("beta", company={"id": "acme"}) is False
    assert other.check_flag("beta", company={"id": "acme"}) is False  # cached by the first
    assert checks(server) == 2
    server.set_flag("beta", True)
    cache.delete(("beta", (("id", "acme"),), None))
    assert other.check_flag("beta", company={"id": "acme"}) is True
    assert checks(server) == 3


def test_an_entry_evicted_from_the_cache_is_not_served(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    client = make_client(cache_providers=[LocalCache(2, 3_600_000)])
    for name in ("a", "b", "c"):  # "a", stored first, is evicted when "c" comes
        assert client.check_flag("beta", company={"id": name}) is True
    assert checks(server) == 3
    assert len(client._checker.hot_index) == 2
    server.set_flag("beta", False)
    assert client.check_flag("beta", company={"id": "a"}) is False
    assert client.check_flag("beta", company={"id": "c"}) is True  # still cached
    assert checks(server) == 4


def test_contexts_with_the_same_values_get_their_own_answers(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True, company={"id": "x"})
    client = make_client()
    for _ in range(3):
        assert client.check_flag("beta", company={"id": "x"}) is True
        assert client.check_flag("beta", company={"name": "x"}) is False
        assert client.check_flag("beta", company={"id": "x"}, user={"id": "x"}) is True
        assert client.check_flag("beta", user={"id": "x"}) is False
    assert checks(server) == 4


class Racing(dict[Any, Any]):
    """A cache index whose entry is replaced between the two reads of ``_promote``."""

    def get(self, key: Any, default: Any = None) -> Any:
        entry = super().get(key, default)
        if entry is not None:
            self[key] = (entry[0], entry[1])  # an equal entry, but another object
        return entry


def test_an_entry_replaced_while_it_was_copied_is_not_served(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", True)
    cache: LocalCache[Any] = LocalCache(100, 3_600_000)
    cache._index = Racing()
    client = make_client(cache_providers=[cache])
    for _ in range(3):
        assert client.check_flag("beta", company={"id": "acme"}) is True
    assert client._checker.hot_index == {}
    assert checks(server) == 1  # answered from the cache, by the checker
