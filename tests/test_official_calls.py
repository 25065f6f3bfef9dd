"""Calls written for the official SDK (schematichq 1.4.6) run here unchanged.

``tests/data/official-1.4.6-methods.json`` records every public method of schematichq 1.4.6
(``tools/official_methods.py dump``). Each is called here as its reference shows it: every
required argument by keyword, path parameters included, with a value of the official type.
Where this SDK's API contract differs, the migration page lists it, and a test keeps that
list exact.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from schematic import PlanGroupBundleOrder
from schematic.client import Schematic
from schematic.testing import FakeSchematic

ROOT = Path(__file__).resolve().parent.parent
RECORD = json.loads((ROOT / "tests" / "data" / "official-1.4.6-methods.json").read_text())
METHODS: dict[str, list[dict[str, Any]]] = RECORD["methods"]


def value_for(annotation: str) -> Any:
    """A value of the official annotation's type, as a reference snippet would pass."""
    literal = re.search(r"Literal\[('[^']*')", annotation)
    if literal and not annotation.startswith("Sequence"):
        return literal.group(1).strip("'")
    if annotation.startswith("Sequence[str"):
        return ["value"]
    if annotation.startswith(("Sequence", "List")):
        return []
    if annotation.startswith(("Dict[str, str]", "Mapping[str, str]")):
        return {"id": "value"}
    if annotation.startswith(("Dict", "Mapping")) or "schematic.types." in annotation:
        return {}
    simple = {
        "<class 'str'>": "value_1",
        "<class 'bool'>": False,
        "<class 'int'>": 1,
        "<class 'float'>": 1.5,
        "<class 'datetime.datetime'>": datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
    }
    return simple[annotation]


@pytest.fixture(scope="module")
def client() -> Iterator[Schematic]:
    with FakeSchematic(stateful=False, validate=False) as server:
        built: Schematic = server.client(max_retries=0)
        yield built
        built.shutdown(timeout=1)


def callable_here(client: Schematic, qualified: str) -> Any:
    namespace, name = qualified.split(".")
    return getattr(getattr(client, namespace), name, None)


def test_every_official_call_that_the_contract_allows_runs(client: Schematic) -> None:
    import inspect

    ran, failed = 0, {}
    for qualified, params in sorted(METHODS.items()):
        method = callable_here(client, qualified)
        if method is None:
            continue  # an operation this SDK's contract does not have: listed in the docs
        accepted = inspect.signature(method).parameters
        required = [p for p in params if p["required"]]
        if any(p["name"] not in accepted for p in required):
            continue  # a required parameter the contract does not have: listed too
        theirs = {p["name"] for p in required}
        if any(q.default is q.empty and q.name not in theirs for q in accepted.values()):
            continue  # the contract requires what 1.4.6 does not: listed as well
        kwargs = {p["name"]: value_for(p["annotation"]) for p in required}
        try:
            method(**kwargs)
        except TypeError as exc:  # only a calling-convention problem fails here
            failed[qualified] = str(exc)
        ran += 1
    assert failed == {}
    assert ran >= 250


def test_the_official_request_body_form(client: Schematic) -> None:
    billing = client.plans.mark_custom_plan_billing_paid(
        custom_plan_billing_id="cpb_1", request={"paid_at": "2026-01-02T00:00:00Z"}
    )
    assert billing.data is not None
    client.credits.release_credit_lease(lease_id="lease_1", request={"key": "value"})


def test_a_field_given_twice_is_refused(client: Schematic) -> None:
    with pytest.raises(TypeError, match="keys given both"):
        client.companies.upsert_company(keys={"id": "a"}, request={"keys": {"id": "b"}})


def test_nested_request_models_come_from_schematic(client: Schematic) -> None:
    order = PlanGroupBundleOrder(bundle_id="bundle_1")
    arguments = {
        p["name"]: value_for(p["annotation"])
        for p in METHODS["plangroups.create_plan_group"]
        if p["required"] and p["name"] != "show_estimated_total"  # not in the contract
    }
    group = client.plangroups.create_plan_group(**{**arguments, "ordered_bundle_list": [order]})
    assert group.data is not None
    assert order.to_dict() == {"bundleId": "bundle_1"}  # the wire's name, the official attribute


def test_the_migration_page_lists_every_difference() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "official_methods.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
