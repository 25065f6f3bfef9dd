"""Where a cached ``check_flag`` spends its time, and what other keys would cost.

    .venv/bin/python bench/check_steps.py

Replaces ``Schematic.check_flag`` with each step of the real method in turn (the call
alone; then the key of the contexts' values built; looked up; the contexts compared with
the copies; then the real method, which adds the expiry, the count and the answer) and
times each with the same loop as ``bench/check_child.py``; the differences are what each
step costs. Then times a key and one lookup for other ways of making the key. ns per call, best of 9
loops; the loop's own cost is in every figure.
"""

from __future__ import annotations

import marshal
import sys
import time
from collections.abc import Callable
from itertools import chain
from typing import Any

from schematic.client import Schematic, SchematicConfig
from schematic.testing import FakeSchematic

COMPANY = {"id": "acme", "plan": "pro"}
USER = {"email": "wcoyote@acme.net"}
CALLS = 300_000


def best_ns(call: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(9):
        started = time.perf_counter_ns()
        for _ in range(CALLS):
            call()
        best = min(best, (time.perf_counter_ns() - started) / CALLS)
    return best


# Each step is the real method cut short; ``self._hot_index`` holds the copies it reads.
Step = Callable[..., Any]


def call_only(self: Any, flag_key: str, company: Any = None, user: Any = None) -> Any:
    index = self._hot_index
    if index is not None:
        return True
    return None


def with_key(self: Any, flag_key: str, company: Any = None, user: Any = None) -> Any:
    index = self._hot_index
    if index is not None:
        key = (
            flag_key,
            tuple(company.values()) if company else None,
            tuple(user.values()) if user else None,
        )
        return key is not None
    return None


def with_lookup(self: Any, flag_key: str, company: Any = None, user: Any = None) -> Any:
    index = self._hot_index
    if index is not None:
        entry = index[
            (
                flag_key,
                tuple(company.values()) if company else None,
                tuple(user.values()) if user else None,
            )
        ]
        return entry is not None
    return None


def with_compare(self: Any, flag_key: str, company: Any = None, user: Any = None) -> Any:
    index = self._hot_index
    if index is not None:
        entry = index[
            (
                flag_key,
                tuple(company.values()) if company else None,
                tuple(user.values()) if user else None,
            )
        ]
        return entry[2] == company and entry[3] == user
    return None


def steps(client: Schematic) -> None:
    real = Schematic.__dict__["check_flag"]
    check = client.check_flag
    measured = {"real": best_ns(lambda: check("f", COMPANY, USER))}
    cut: list[tuple[str, Step]] = [
        ("call", call_only),
        ("+ key of the values", with_key),
        ("+ lookup", with_lookup),
        ("+ contexts compared", with_compare),
    ]
    for name, step in cut:
        Schematic.check_flag = step  # type: ignore[method-assign]
        measured[name] = best_ns(lambda: client.check_flag("f", COMPANY, USER))
    Schematic.check_flag = real  # type: ignore[method-assign]
    previous = best_ns(lambda: None)
    print(f"{'empty loop':<28}{previous:>8,.0f}")
    for name, _ in [*cut, ("+ expiry, count, answer", real)]:
        now = measured["real" if name.startswith("+ expiry") else name]
        print(f"{name:<28}{now:>8,.0f}   step {now - previous:>5,.0f}")
        previous = now


def other_keys() -> None:
    separator = object()
    makers: dict[str, Callable[[], Any]] = {
        "tuple pairs": lambda: ("f", tuple(COMPANY.items()), tuple(USER.items())),
        "frozenset pairs": lambda: ("f", frozenset(COMPANY.items()), frozenset(USER.items())),
        "one flat tuple": lambda: ("f", *COMPANY.items(), separator, *USER.items()),
        "itertools.chain": lambda: (
            "f",
            tuple(chain.from_iterable(COMPANY.items())),
            tuple(chain.from_iterable(USER.items())),
        ),
        "marshal": lambda: marshal.dumps(("f", COMPANY, USER)),
        "values only": lambda: ("f", tuple(COMPANY.values()), tuple(USER.values())),
    }
    print("\nkey and one lookup")
    for name, make in makers.items():
        table = {make(): 1}
        get = table.get
        print(f"{name:<28}{best_ns(lambda make=make, get=get: get(make())):>8,.0f}")  # type: ignore[misc]
    copies = (dict(COMPANY), dict(USER))
    values = {makers["values only"](): copies}

    def values_checked() -> bool:
        found = values.get(("f", tuple(COMPANY.values()), tuple(USER.values())))
        return found is not None and found[0] == COMPANY and found[1] == USER

    label = "values, dicts compared (the SDK's)"
    print(f"{label:<28}{best_ns(values_checked):>8,.0f}")


def main() -> None:
    with FakeSchematic() as server:
        server.set_flag("f", True)
        config = SchematicConfig(base_url=server.url, event_capture_url=server.url)
        client = Schematic(server.api_key, config)
        assert client.check_flag("f", COMPANY, USER) is True
        print(f"python {sys.version.split()[0]}, ns per call, company of 2 pairs, user of 1\n")
        steps(client)
        client.shutdown()
    other_keys()


if __name__ == "__main__":
    main()
