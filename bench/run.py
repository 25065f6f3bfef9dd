"""Benchmark this SDK against the official one, side by side, in one run.

    make bench                 # or: .venv/bin/python bench/run.py [--quick]

Builds two virtualenvs under bench/ (this SDK installed from the working tree, and the
official ``schematichq`` from PyPI), then measures in each, against the local fake server:

* import time of ``schematic.client``, net of interpreter start (the minimum and median
  of many fresh interpreters, next to ``import requests`` in the same environment);
* a cached ``check_flag`` with a company and a user, in ns per call;
* ``track`` in µs per call, mean and 99th percentile;
* events delivered per second: track 10,000 events (this SDK's default queue bound), shut
  down, count what arrived. The fake server skips its schema checks here, so that it is
  not the bottleneck.

The machine is shared and noisy: read the numbers as ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

from schematic.testing import FakeSchematic

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OFFICIAL = "schematichq==1.4.6"
ENVS = {"ours": HERE / ".venv-ours", "official": HERE / ".venv-official"}


def python_of(env: Path) -> Path:
    return env / "bin" / "python"


def prepare(name: str, refresh: bool) -> Path:
    env = ENVS[name]
    stamp = env / ".ready"
    if refresh or not stamp.exists() or (name == "ours" and _stale(stamp)):
        print(f"preparing {env.relative_to(ROOT)} ...", flush=True)
        venv.create(env, with_pip=True, clear=True)
        target = [str(ROOT)] if name == "ours" else [OFFICIAL]
        pip = [str(python_of(env)), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "--disable-pip-version-check", *target], check=True)
        stamp.touch()
    return python_of(env)


def _stale(stamp: Path) -> bool:
    newest = max(p.stat().st_mtime for p in (ROOT / "schematic").rglob("*.py"))
    return newest > stamp.stat().st_mtime


def import_ms(python: Path, module: str, runs: int) -> tuple[float, float]:
    """(minimum, median) milliseconds to import ``module`` in a fresh interpreter."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    # Run from bench/, where no ``schematic`` folder shadows the installed package.
    command = [str(python), "-c", code]
    times = [
        float(subprocess.run(command, capture_output=True, text=True, check=True, cwd=HERE).stdout)
        for _ in range(runs)
    ]
    return min(times) * 1000, statistics.median(times) * 1000


def measure(python: Path) -> dict[str, Any]:
    with FakeSchematic(validate=False) as server:
        server.set_flag("bench-flag", True, company={"id": "acme"})
        out = subprocess.run(
            [str(python), str(HERE / "measure.py"), server.url, server.api_key or ""],
            capture_output=True,
            text=True,
            check=True,
            cwd=HERE,
        )
        results: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
        delivered = sum(1 for e in server.tracked("delivery"))
    results["delivered"] = delivered
    results["events_per_second"] = delivered / results["delivery_seconds"]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare this SDK with the official one.")
    parser.add_argument("--quick", action="store_true", help="fewer import samples")
    parser.add_argument("--refresh", action="store_true", help="rebuild both virtualenvs")
    args = parser.parse_args()
    runs = 10 if args.quick else 40
    rows: dict[str, dict[str, Any]] = {}
    for name in ENVS:
        python = prepare(name, args.refresh)
        print(f"measuring {name} ...", flush=True)
        rows[name] = measure(python)
        rows[name]["import_client"] = import_ms(python, "schematic.client", runs)
    # The yardstick: requests, which this SDK must import anyway (the official one does not).
    baseline = import_ms(python_of(ENVS["ours"]), "requests", runs)
    for row in rows.values():
        row["import_requests"] = baseline
    print_table(rows)


def print_table(rows: dict[str, dict[str, Any]]) -> None:
    ours, official = rows["ours"], rows["official"]

    def ratio(row: dict[str, Any]) -> str:
        return f"{row['import_client'][0] / row['import_requests'][0]:.2f}x"

    def num(key: str, spec: str) -> tuple[str, str]:
        return format(ours[key], spec), format(official[key], spec)

    lines = [
        (
            "import schematic.client, ms (min / median)",
            _pair(ours["import_client"]),
            _pair(official["import_client"]),
        ),
        ("  import requests alone, ms", _pair(ours["import_requests"]), ""),
        ("  ratio to import requests (min)", ratio(ours), ratio(official)),
        ("cached check_flag, ns per call", *num("cached_check_ns", ",.0f")),
        ("track, µs per call (mean)", *num("track_us_mean", ".2f")),
        ("track, µs per call (p99)", *num("track_us_p99", ".2f")),
        ("events delivered per second", *num("events_per_second", ",.0f")),
        ("events delivered of 10,000", *num("delivered", ",")),
    ]
    width = max(len(label) for label, _, _ in lines)
    print(f"\n{'':{width}}  {'this SDK':>16}  {OFFICIAL:>18}")
    for label, mine, theirs in lines:
        print(f"{label:{width}}  {mine:>16}  {theirs:>18}")
    print(
        f"\ncached check: {official['cached_check_ns'] / ours['cached_check_ns']:.1f}x faster; "
        f"track: {official['track_us_mean'] / ours['track_us_mean']:.1f}x faster (mean)"
    )


def _pair(values: tuple[float, float]) -> str:
    return f"{values[0]:.1f} / {values[1]:.1f}"


if __name__ == "__main__":
    sys.exit(main())
