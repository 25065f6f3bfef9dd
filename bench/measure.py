"""One SDK's numbers, printed as JSON: run by bench/run.py inside that SDK's virtualenv.

    python bench/measure.py BASE_URL API_KEY

Both SDKs install as ``schematic``, so the same code measures either one: whichever the
interpreter's virtualenv holds. Only names both SDKs share are used here.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any

COMPANY = {"id": "acme", "plan": "pro"}
USER = {"email": "wcoyote@acme.net"}


def cached_check_ns(client: Any, calls: int) -> float:
    """Nanoseconds per check_flag answered from the cache (a company and a user given)."""
    assert client.check_flag("bench-flag", company=COMPANY, user=USER) is True
    check = client.check_flag
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter_ns()
        for _ in range(calls):
            check("bench-flag", company=COMPANY, user=USER)
        best = min(best, (time.perf_counter_ns() - started) / calls)
    return best


def track_us(client: Any, calls: int) -> tuple[float, float]:
    """Mean and 99th-percentile microseconds of one track() call."""
    track = client.track
    clock = time.perf_counter_ns
    samples = []
    for i in range(calls):
        started = clock()
        track(event="api-call", company=COMPANY, user=USER, traits={"n": i})
        samples.append(clock() - started)
    samples.sort()
    return statistics.fmean(samples) / 1000, samples[int(len(samples) * 0.99)] / 1000


def main() -> None:
    base_url, api_key = sys.argv[1], sys.argv[2]
    from schematic.client import Schematic, SchematicConfig

    def client(**extra: Any) -> Any:
        config = SchematicConfig(base_url=base_url, event_capture_url=base_url, **extra)
        return Schematic(api_key, config)

    results: dict[str, Any] = {}
    checker = client()
    results["cached_check_ns"] = cached_check_ns(checker, 100_000)
    checker.shutdown()

    tracker = client()
    # Within the default queue bound (10,000): what is measured is the call, not a wait for
    # room (this SDK waits while the queue is full and the service accepts events).
    mean, p99 = track_us(tracker, 10_000)
    results["track_us_mean"], results["track_us_p99"] = mean, p99
    tracker.shutdown()

    sender = client()
    count = 10_000  # within the default event queue bound, so that no event is dropped
    started = time.perf_counter()
    for i in range(count):
        sender.track(event="delivery", company=COMPANY, traits={"i": i})
    sender.shutdown()
    results["delivery_seconds"] = time.perf_counter() - started
    results["delivery_events"] = count
    print(json.dumps(results))


if __name__ == "__main__":
    main()
