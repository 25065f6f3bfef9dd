"""What a locally evaluated ``check_flag`` costs, next to a cached API answer.

    .venv/bin/python bench/datastream.py

Starts the fake API and a local DataStream server (the tests' one), loads the realistic flag
and company of ``bench/engine.py`` over the WebSocket, then measures in ns per call:

* ``check_flag`` answered locally for a cached company (the answer remembered until the
  data changes);
* the same check right after a change to some other entity (cached objects looked up
  again, the engine's result for them reused) and to its own company (the engine runs);
* ``check_flag`` answered from the cache of API results, for comparison;

and the engine's own rate: evaluations per second with and without its input checks.

The machine is shared and noisy: read the numbers as ratios, not absolutes.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from datastream_server import FakeDataStream, Probe  # noqa: E402
from engine import sample  # noqa: E402

from schematic import DataStreamConfig  # noqa: E402
from schematic.datastream import evaluate  # noqa: E402
from schematic.datastream._evaluations import Evaluations  # noqa: E402
from schematic.testing import FakeSchematic  # noqa: E402

COMPANY = {"id": "acme-123"}
REPEATS = 5


def best_ns(call: Callable[[], Any], calls: int) -> float:
    """The best of a few runs, in nanoseconds per call."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter_ns()
        for _ in range(calls):
            call()
        best = min(best, (time.perf_counter_ns() - started) / calls)
    return best


def local_client(api: FakeSchematic, stream: FakeDataStream) -> Any:
    config = DataStreamConfig(url=stream.url)
    client = api.client(use_datastream=True, datastream=config, event_buffer_period=3600)
    probe = Probe(client)
    client.initialize()
    probe.ready()
    result = client.check_flag_with_entitlement("api-access", company=COMPANY)
    assert result.rule_id == "rule_pe", result  # evaluated here, not by the API
    return client


def after_changes_ns(client: Any, calls: int) -> dict[str, float]:
    """Checks that follow a change: to another entity, or to the company checked.

    Any change to the caches invalidates every remembered answer (one counter says
    "something changed"); the cached objects are then looked up again, and the engine runs
    only if one of them is a new object. Each figure is the check alone: the cost of the
    change, measured on its own, is taken off.
    """
    store = client._datastream.store
    company = store.find("company", COMPANY)
    check = client.check_flag

    def replace() -> None:  # what applying a message about this company amounts to
        store.put("company", dict(company))

    def bump_and_check() -> None:
        store.bump()
        check("api-access", company=COMPANY)

    def replace_and_check() -> None:
        replace()
        check("api-access", company=COMPANY)

    return {
        "other": best_ns(bump_and_check, calls) - best_ns(store.bump, calls),
        "same": best_ns(replace_and_check, calls) - best_ns(replace, calls),
    }


def engine_rates() -> tuple[float, float]:
    """Evaluations per second: ``evaluate`` (checks its input), and past the input checks."""
    flag, company = sample()
    now = datetime(2026, 3, 15, 12, tzinfo=timezone.utc)
    checked = 1e9 / best_ns(lambda: evaluate(flag, company, now=now), 5_000)
    evaluations = Evaluations(logging.getLogger("bench"))
    moment = now.timestamp()
    evaluations.evaluate(flag, company, None, moment)  # inputs checked once, here

    def uncached() -> None:
        evaluations._results.clear()  # force the engine to run; the checks stay remembered
        evaluations.evaluate(flag, company, None, moment)

    trusted = 1e9 / best_ns(uncached, 5_000)
    return checked, trusted


def main() -> None:
    flag, company = sample()
    with FakeSchematic() as api, FakeDataStream(api_key=api.api_key or "") as stream:
        stream.flags = [flag]
        stream.add("company", company)
        api.set_flag("api-access", True, company=COMPANY)
        local = local_client(api, stream)
        remote = api.client(event_buffer_period=3600)
        remote.check_flag("api-access", company=COMPANY)
        local_ns = best_ns(lambda: local.check_flag("api-access", company=COMPANY), 200_000)
        remote_ns = best_ns(lambda: remote.check_flag("api-access", company=COMPANY), 200_000)
        changed = after_changes_ns(local, 5_000)
        local.shutdown(timeout=0)
        remote.shutdown(timeout=0)
    checked, trusted = engine_rates()
    print(f"{'check_flag, local, cached company':<46}{local_ns:>10,.0f} ns/call")
    print(f"{'check_flag, cached API result':<46}{remote_ns:>10,.0f} ns/call")
    print(f"{'  ratio local / cached API':<46}{local_ns / remote_ns:>10.2f}x")
    print(
        f"{'check_flag, local, after another entity changed':<46}{changed['other']:>10,.0f} ns/call"
    )
    print(f"{'check_flag, local, after its company changed':<46}{changed['same']:>10,.0f} ns/call")
    print(f"{'evaluate(), input checked every time':<46}{checked:>10,.0f} evaluations/s")
    print(f"{'engine, input checked once per object':<46}{trusted:>10,.0f} evaluations/s")
    print(f"{'local check_flag, cached company':<46}{1e9 / local_ns:>10,.0f} checks/s")


if __name__ == "__main__":
    main()
