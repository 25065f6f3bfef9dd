"""One SDK's cached flag checks, printed as JSON: run by bench/check.py in that SDK's virtualenv.

    python bench/check_child.py BASE_URL API_KEY [DATASTREAM_URL]

Both SDKs install as ``schematic``; only names both share are used, except with
``DATASTREAM_URL`` (this SDK only), which adds a check answered by DataStream.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

COMPANY = {"id": "acme", "plan": "pro"}
USER = {"email": "wcoyote@acme.net"}
STREAMED_COMPANY = {"id": "acme-123"}  # the company of bench/engine.py's sample
CALLS = 200_000
LOOPS = 7


def best_ns(call: Callable[[], Any]) -> float:
    """The best of a few loops, in nanoseconds per call (the loop's own cost included)."""
    best = float("inf")
    for _ in range(LOOPS):
        started = time.perf_counter_ns()
        for _ in range(CALLS):
            call()
        best = min(best, (time.perf_counter_ns() - started) / CALLS)
    return best


def streamed(base_url: str, api_key: str, url: str) -> float:
    from schematic import DataStreamConfig
    from schematic.client import Schematic, SchematicConfig

    config = SchematicConfig(
        base_url=base_url,
        event_capture_url=base_url,
        use_datastream=True,
        datastream=DataStreamConfig(url=url),
        event_buffer_period=3600,
    )
    client = Schematic(api_key, config)
    client.initialize()
    deadline = time.monotonic() + 30
    while client.check_flag_with_entitlement("api-access", company=STREAMED_COMPANY).rule_id != (
        "rule_pe"
    ):  # answered by the API until the stream has the flag and the company
        if time.monotonic() > deadline:
            raise SystemExit("DataStream never answered the check")
        time.sleep(0.05)
    check = client.check_flag
    ns = best_ns(lambda: check("api-access", company=STREAMED_COMPANY))
    client.shutdown(timeout=0)
    return ns


def main() -> None:
    base_url, api_key = sys.argv[1], sys.argv[2]
    from schematic.client import Schematic, SchematicConfig

    client = Schematic(api_key, SchematicConfig(base_url=base_url, event_capture_url=base_url))
    assert client.check_flag("bench-flag", company=COMPANY, user=USER) is True
    assert client.check_flag("bench-flag", company=COMPANY) is True
    check = client.check_flag
    results = {
        "company_user": best_ns(lambda: check("bench-flag", company=COMPANY, user=USER)),
        "company": best_ns(lambda: check("bench-flag", company=COMPANY)),
    }
    client.shutdown()
    if len(sys.argv) > 3:
        results["datastream"] = streamed(base_url, api_key, sys.argv[3])
    print(json.dumps(results))


if __name__ == "__main__":
    main()
