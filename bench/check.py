"""A cached ``check_flag``, this SDK and the official one side by side, over several runs.

    .venv/bin/python bench/check.py [--runs 5]

Starts the fake API (and, for this SDK, a local DataStream server) in this process, then,
in each run, measures both SDKs in fresh interpreters, one after the other, the order
alternating from run to run: this SDK from the working tree in this virtualenv, the
official ``schematichq`` in ``bench/.venv-official`` (built by ``bench/run.py`` on first
use). Each interpreter runs ``bench/check_child.py``. Printed: every run, then the medians
and the ratio of this SDK to the official one, per run and over the medians.

Measured, in ns per call, each the best of 7 loops of 200,000 calls:

* ``check_flag(key, company={...}, user={...})`` answered from the cache;
* ``check_flag(key, company={...})`` answered from the cache;
* this SDK only: ``check_flag`` answered by DataStream for a company held in the process.

The machine is shared and noisy: the ratio within one run is the figure to read.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from datastream_server import FakeDataStream  # noqa: E402
from engine import sample  # noqa: E402
from run import prepare  # noqa: E402

from schematic.testing import FakeSchematic  # noqa: E402

TARGET = 0.25  # this SDK's cached check at most a quarter of the official one's
CASES = {
    "company_user": "cached check_flag, company and user",
    "company": "cached check_flag, company only",
    "datastream": "DataStream check_flag, cached company",
}


def child(python: Path, api: FakeSchematic, stream: FakeDataStream | None) -> dict[str, float]:
    command = [str(python), str(HERE / "check_child.py"), api.url, api.api_key or ""]
    if stream is not None:
        command.append(stream.url)
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=HERE)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    official = prepare("official", refresh=False)
    ours = Path(sys.executable)
    flag, company = sample()
    runs: list[dict[str, dict[str, float]]] = []
    with FakeSchematic(validate=False) as api, FakeDataStream(api_key=api.api_key or "") as stream:
        stream.flags = [flag]
        stream.add("company", company)
        api.set_flag("bench-flag", True)
        api.set_flag("api-access", True)
        for run in range(args.runs):
            order: list[tuple[str, Any]] = [("ours", ours), ("official", official)]
            if run % 2:
                order.reverse()
            measured = {
                name: child(python, api, stream if name == "ours" else None)
                for name, python in order
            }
            runs.append(measured)
            print(f"run {run + 1}: {_row(measured)}", flush=True)
    report(runs)


def _row(measured: dict[str, dict[str, float]]) -> str:
    ours, official = measured["ours"], measured["official"]
    parts = [
        f"{case} {ours[case]:,.0f} / {official[case]:,.0f} ns ({ours[case] / official[case]:.2f}x)"
        for case in ("company_user", "company")
    ]
    parts.append(f"datastream {ours['datastream']:,.0f} ns")
    return "; ".join(parts)


def report(runs: list[dict[str, dict[str, float]]]) -> None:
    def median(sdk: str, case: str) -> float:
        return statistics.median(r[sdk][case] for r in runs)

    print(f"\nmedians of {len(runs)} runs, ns per call")
    print(f"{'':42}{'this SDK':>10}{'official':>10}{'ratio':>8}{'ratios per run':>26}")
    reference = median("official", "company_user")
    for case, label in CASES.items():
        mine = median("ours", case)
        if case == "datastream":  # the official SDK has no local evaluation
            per_run = [r["ours"][case] / r["official"]["company_user"] for r in runs]
            theirs, ratio = "", mine / reference
        else:
            per_run = [r["ours"][case] / r["official"][case] for r in runs]
            theirs, ratio = f"{median('official', case):,.0f}", mine / median("official", case)
        spread = f"{min(per_run):.2f}-{max(per_run):.2f}"
        print(f"{label:42}{mine:>10,.0f}{theirs:>10}{ratio:>7.2f}x{spread:>26}")
    print(
        f"\ntarget: at most {TARGET:.2f}x the official cached check with a company and a user "
        "(the DataStream row is compared with that one too)"
    )


if __name__ == "__main__":
    main()
