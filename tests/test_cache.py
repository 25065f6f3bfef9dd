"""LocalCache: size bound, time to live, per-entry overrides, thread safety."""

from __future__ import annotations

import threading

import pytest

from schematic.cache import CacheProvider, LocalCache


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_entries_live_for_the_ttl_in_milliseconds() -> None:
    clock = Clock()
    cache: LocalCache[str] = LocalCache(10, 5000, timer=clock)
    cache.set("k", "v")
    clock.now += 4.999
    assert cache.get("k") == "v"
    clock.now += 0.002
    assert cache.get("k") is None


def test_the_entry_stored_longest_ago_goes_first_when_full() -> None:
    cache: LocalCache[int] = LocalCache(2, 5000)
    cache.set("a", 1)
    cache.set("b", 2)
    cache.set("a", 10)  # storing again makes "b" the oldest
    cache.set("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (10, None, 3)
    assert len(cache) == 2
    assert len(cache._index) == 2  # the read index follows every eviction


def test_expired_entries_leave_the_read_index() -> None:
    clock = Clock()
    cache: LocalCache[int] = LocalCache(10, 1000, timer=clock)
    for i in range(5):
        cache.set(i, i)
    clock.now += 2
    cache.set("fresh", 1)  # a write expires what is stale
    assert list(cache._index) == ["fresh"]


def test_size_zero_keeps_nothing() -> None:
    cache: LocalCache[int] = LocalCache(0, 5000)
    cache.set("a", 1)
    assert cache.get("a") is None


def test_ttl_override_shortens_but_never_extends() -> None:
    clock = Clock()
    cache: LocalCache[str] = LocalCache(10, 5000, timer=clock)
    cache.set("short", "v", ttl_override=100)
    cache.set("long", "v", ttl_override=60_000)
    clock.now += 0.2
    assert cache.get("short") is None
    assert cache.get("long") == "v"
    clock.now += 5
    assert cache.get("long") is None
    cache.set("short", "again")  # a plain set forgets the earlier override
    clock.now += 0.2
    assert cache.get("short") == "again"


@pytest.mark.parametrize(("size", "ttl"), [(-1, 5000), (1.5, 5000), (10, 0), (10, -3), (True, 5)])
def test_bad_settings_are_refused(size: object, ttl: object) -> None:
    with pytest.raises(ValueError, match=r"max_size|ttl"):
        LocalCache(size, ttl)  # type: ignore[arg-type]


def test_is_a_cache_provider_and_subscriptable() -> None:
    cache = LocalCache[bool](100, 1000)
    assert isinstance(cache, CacheProvider)
    assert repr(cache) == "LocalCache(max_size=100, ttl=1000)"


def test_concurrent_use_keeps_the_bound_and_values() -> None:
    cache: LocalCache[int] = LocalCache(50, 60_000)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(2000):
                cache.set(f"{n}-{i % 80}", i)
                value = cache.get(f"{n}-{i % 80}")
                assert value is None or value % 80 == i % 80
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(cache) <= 50


def test_a_forked_child_keeps_entries_with_a_lock_of_its_own() -> None:
    import os

    cache: LocalCache[str] = LocalCache(10, 60_000)
    cache.set("kept", "value")
    cache._lock.acquire()  # as if a thread of the parent was mid-write at the fork
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            cache.set("new", "value")  # would hang on the parent's lock
            code = 0 if cache.get("kept") == "value" and cache.get("new") == "value" else 2
        finally:
            os._exit(code)
    cache._lock.release()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
