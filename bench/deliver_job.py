"""One delivery run of one SDK, printed as JSON: run by bench/delivery.py in that SDK's venv.

    python bench/deliver_job.py CAPTURE_URL EVENTS [QUEUE_SIZE]

A script as a user writes it: default settings, ``track()`` in a loop, ``shutdown()`` at
the end. Both SDKs install as ``schematic``, so this runs against either one. QUEUE_SIZE
sets ``event_queue_size``: for an earlier version of this SDK, which dropped what did not
fit, so that its delivery rate is measured rather than its losses. Prints the
seconds until ``track()`` returned for the last event and until ``shutdown()`` returned,
and the process's peak resident memory.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> None:
    url, count = sys.argv[1], int(sys.argv[2])
    from schematic.client import Schematic, SchematicConfig

    extra = {"event_queue_size": int(sys.argv[3])} if len(sys.argv) > 3 else {}
    config = SchematicConfig(base_url=url, event_capture_url=url, **extra)
    client = Schematic("sch_bench_key", config)
    company = {"id": "acme"}
    started = time.perf_counter()
    for i in range(count):
        client.track(event="backfill", company=company, user={"id": f"u{i % 50}"}, quantity=i)
    tracked = time.perf_counter() - started
    try:
        client.shutdown(120)  # time enough for the slowest: what is measured is delivery
    except TypeError:  # the official SDK's shutdown() takes no timeout
        client.shutdown()
    done = time.perf_counter() - started
    stats = client.stats() if hasattr(client, "stats") else {}
    print(
        json.dumps(
            {
                "track_seconds": tracked,
                "seconds": done,
                "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "dropped": sum(stats.get("events_dropped", {}).values()),
                "blocked": stats.get("events_blocked", 0),
            }
        )
    )


if __name__ == "__main__":
    main()
