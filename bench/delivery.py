"""Event delivery under load, this SDK beside the official one, in one run.

    .venv/bin/python bench/delivery.py                  # what make bench runs
    .venv/bin/python bench/delivery.py --backfill 200000 --repeat 1
    .venv/bin/python bench/delivery.py --baseline e78c362   # also an earlier commit of ours

Each run is a script as users write them (``bench/deliver_job.py``): default settings,
``track()`` in a loop, then ``shutdown()``, in a fresh interpreter of the SDK's own
virtualenv, sending to a bare capture service in another process (``bench/sink.py``).
Measured, the median of ``--repeat`` runs:

* events delivered per second, from the first ``track()`` until ``shutdown()`` returned,
  for a burst of ``--events`` (20,000) to a service that answers at once, and to one that
  takes ``--latency-ms`` (20 ms) per request, as a real one across a network does;
* the backfill: ``--backfill`` events (1,000,000) to the service that answers at once, with
  the events per second and the peak resident memory of the SDK's process.

Every run checks what arrived: for this SDK, each event exactly once (distinct idempotency
keys = events tracked); the official SDK sends no keys, so its events are only counted.
An earlier commit given with ``--baseline`` gets a queue that holds the whole burst (it
dropped what did not fit), so that what is compared is the rate of delivery.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import venv
from pathlib import Path
from typing import Any

from run import OFFICIAL, ROOT, prepare, python_of

HERE = Path(__file__).resolve().parent


def prepare_baseline(revision: str) -> Path:
    """A virtualenv with this SDK as of ``revision`` (a git commit), built once."""
    env = HERE / f".venv-baseline-{revision}"
    if not (env / ".ready").exists():
        print(f"preparing {env.relative_to(ROOT)} ...", flush=True)
        with tempfile.TemporaryDirectory() as scratch:
            archive = Path(scratch) / "src.tar"
            subprocess.run(
                ["git", "-C", str(ROOT), "archive", "-o", str(archive), revision], check=True
            )
            source = Path(scratch) / "src"
            with tarfile.open(archive) as tar:
                tar.extractall(source, filter="data")
            venv.create(env, with_pip=True, clear=True)
            pip = [str(python_of(env)), "-m", "pip", "install", "--quiet"]
            subprocess.run([*pip, "--disable-pip-version-check", str(source)], check=True)
        (env / ".ready").touch()
    return python_of(env)


def run_once(
    python: Path, events: int, delay_ms: float, queue: int | None = None
) -> dict[str, Any]:
    """One job against a fresh sink: the job's numbers and what the sink counted."""
    sink = subprocess.Popen(
        [sys.executable, str(HERE / "sink.py"), "--delay-ms", str(delay_ms)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sink.stdout is not None
    url = sink.stdout.readline().strip()
    try:
        job = subprocess.run(
            [str(python), str(HERE / "deliver_job.py"), url, str(events)]
            + ([] if queue is None else [str(queue)]),
            capture_output=True,
            text=True,
            check=True,
            cwd=HERE,  # no ``schematic`` folder here to shadow the installed package
            timeout=3600,
        )
    finally:
        received, _ = sink.communicate("")
    result: dict[str, Any] = json.loads(job.stdout.strip().splitlines()[-1])
    result.update(json.loads(received.strip().splitlines()[-1]))
    result["per_second"] = result["events"] / result["seconds"]
    return result


def measure(
    python: Path, events: int, delay_ms: float, repeat: int, queue: int | None
) -> dict[str, Any]:
    runs = [run_once(python, events, delay_ms, queue) for _ in range(repeat)]
    best = sorted(runs, key=lambda r: r["per_second"])[len(runs) // 2]
    best["per_second_all"] = [round(r["per_second"]) for r in runs]
    best["complete"] = all(r["events"] == events for r in runs)
    best["exactly_once"] = all(r["distinct_keys"] == r["events"] == events for r in runs)
    best["peak_rss_mib"] = statistics.median(r["peak_rss_mib"] for r in runs)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description="Event delivery under load, side by side.")
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--latency-ms", type=float, default=20.0)
    parser.add_argument("--backfill", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", help="a git revision of this SDK to measure as well")
    parser.add_argument("--skip-official", action="store_true")
    args = parser.parse_args()
    sdks = {"this SDK": prepare("ours", refresh=False)}
    baselines = set()
    if args.baseline:
        baselines.add(f"this SDK at {args.baseline}")
        sdks[f"this SDK at {args.baseline}"] = prepare_baseline(args.baseline)
    if not args.skip_official:
        sdks[OFFICIAL] = prepare("official", refresh=False)
    scenarios = [
        (f"burst of {args.events:,}, answered at once", args.events, 0.0, args.repeat),
        (
            f"burst of {args.events:,}, {args.latency_ms:g} ms a request",
            args.events,
            args.latency_ms,
            args.repeat,
        ),
    ]
    if args.backfill:
        scenarios.append((f"backfill of {args.backfill:,}", args.backfill, 0.0, 1))
    table: list[tuple[str, str, dict[str, Any]]] = []
    for title, events, delay, repeat in scenarios:
        for name, python in sdks.items():
            if name in baselines and title.startswith("backfill"):
                continue  # it would need a queue of the whole backfill: not its own way
            print(f"measuring {name}: {title} ...", flush=True)
            queue = events if name in baselines else None  # room for all: its rate, not losses
            table.append((title, name, measure(python, events, delay, repeat, queue)))
    print_table(table)


def print_table(table: list[tuple[str, str, dict[str, Any]]]) -> None:
    print()
    header = f"{'scenario':40}  {'SDK':28}  {'events/s':>9}  {'arrived':>11}  {'peak RSS':>9}"
    print(header)
    print("-" * len(header))
    for title, name, row in table:
        arrived = f"{row['events']:,}" + (" once" if row["exactly_once"] else "")
        print(
            f"{title:40}  {name:28}  {row['per_second']:>9,.0f}  {arrived:>11}  "
            f"{row['peak_rss_mib']:>6.1f} MiB"
        )
    print("\nevents/s: median of the runs; each run:", end="")
    for title, name, row in table:
        print(f"\n  {title} / {name}: {row['per_second_all']}", end="")
    print()


if __name__ == "__main__":
    sys.exit(main())
