"""The SDK's main job, end to end, against its embedded fake server (no account needed).

    make demo                      # or: python examples/demo.py
    SCHEMATIC_API_KEY=... make demo   # the same walk-through against the real API

It identifies a user, upserts a company, checks flags (first from the API, then from the
cache), tracks usage and flushes it, and prints what happened at each step.
"""

from __future__ import annotations

import os
import time

from schematic import EventBodyIdentifyCompany
from schematic.client import CheckFlagOptions, Schematic, SchematicConfig
from schematic.testing import FakeSchematic


def step(title: str) -> None:
    print(f"\n== {title}")


def walk_through(client: Schematic, server: FakeSchematic | None) -> None:
    company = {"id": "acme"}
    user = {"email": "wcoyote@acme.net"}

    step("identify: a user and their company (returns at once; sent in the background)")
    client.identify(
        keys=user,
        company=EventBodyIdentifyCompany(keys=company, name="Acme Widgets", traits={"seats": 5}),
        name="Wile E. Coyote",
        traits={"login_count": 24},
    )
    print("queued:", client.stats()["queue_depth"], "event")

    step("upsert a company through the API")
    acme = client.companies.upsert_company(
        keys=company, name="Acme Widgets", traits={"plan": "pro"}
    )
    print(f"company {acme.data.id}: {acme.data.name}, traits {acme.data.traits}")

    step("check flags: the first check asks the API, the second is answered from the cache")
    for attempt in ("first", "second"):
        started = time.perf_counter()
        result = client.check_flag_with_entitlement("new-editor", company=company, user=user)
        elapsed = (time.perf_counter() - started) * 1e6
        print(f"{attempt}: new-editor={result.value} ({result.reason}) in {elapsed:,.0f} µs")
    print("another company:", client.check_flag("new-editor", company={"id": "globex"}))
    flags = client.check_flags(["new-editor", "ai-assistant"], company=company)
    print("check_flags:", {f.flag: f.value for f in flags})

    step("track usage: 250 events, batched at most 100 per request")
    started = time.perf_counter()
    for i in range(250):
        client.track("document-saved", company=company, user=user, quantity=1 + i % 3)
    print(f"250 track() calls took {(time.perf_counter() - started) * 1e3:.1f} ms in all")
    delivered = client.flush(timeout=10)
    print("flush delivered everything:", delivered)
    if server is not None:
        batches = [len(r.body["events"]) for r in server.requests_to("/batch")]
        print(f"the event service got {len(server.events)} events in batches of {batches}")

    step("an API outage: the check answers with the default within its timeout")
    if server is not None:
        server.add_fault("/flags/", status=503, times=None)
    started = time.perf_counter()
    fallback = client.check_flag_with_entitlement(
        "beta-reports", company=company, options=CheckFlagOptions(default_value=True, timeout=0.5)
    )
    print(
        f"beta-reports={fallback.value} in {time.perf_counter() - started:.2f} s: {fallback.reason}"
    )

    step("stats")
    for name, value in client.stats().items():
        print(f"  {name}: {value}")


def main() -> None:
    key = os.environ.get("SCHEMATIC_API_KEY")
    if key:
        with Schematic(key) as client:
            walk_through(client, None)
        return
    with FakeSchematic() as server:
        server.set_flag("new-editor", True, company={"id": "acme"})
        server.set_flag("ai-assistant", False)
        print(f"fake Schematic API listening on {server.url}")
        config = SchematicConfig(
            base_url=server.url, event_capture_url=server.url, retry_delay=0.05
        )
        with Schematic(server.api_key, config) as client:
            walk_through(client, server)


if __name__ == "__main__":
    main()
