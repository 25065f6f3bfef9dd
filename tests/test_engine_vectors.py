"""Local evaluation gives the production rules engine's answer on every recorded check.

``tests/data/engine-vectors.jsonl.gz`` holds 4,192 checks answered by the production engine
(see ``tests/data/README.md``). Each runs through ``schematic.datastream.evaluate`` and
every field of the answer is compared, by these rules:

- a missing key equals null;
- ``feature_usage_reset_at`` and ``entitlement.metric_reset_at`` are instants, compared as
  such (the engine writes ``+00:00``, this SDK ``Z``);
- ``feature_usage`` and ``feature_allocation`` compare by number; ``value`` must be a bool;
- ``entitlement`` is the company's entry passed through: a field the input did not carry is
  absent (not an empty list);
- everything else, the ``reason`` text included, must be equal;
- ``expected: null`` means the engine refused the input: ``evaluate`` must raise
  ``EngineInputError``.

A failure lists the mismatches by field, with a few case ids for each.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from schematic.datastream import EngineInputError, evaluate

VECTORS = Path(__file__).parent / "data" / "engine-vectors.jsonl.gz"
# Our field names for the engine's.
FIELDS = {
    "value": "value",
    "reason": "reason",
    "flag_key": "flag",
    "flag_id": "flag_id",
    "company_id": "company_id",
    "user_id": "user_id",
    "rule_id": "rule_id",
    "rule_type": "rule_type",
    "feature_usage": "feature_usage",
    "feature_allocation": "feature_allocation",
    "feature_usage_event": "feature_usage_event",
    "feature_usage_period": "feature_usage_period",
    "feature_usage_reset_at": "feature_usage_reset_at",
    "entitlement": "entitlement",
    "err": "error",
}


def load() -> list[dict[str, Any]]:
    with gzip.open(VECTORS, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def instant(value: Any) -> Any:
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return value


def entitlement(value: Any) -> Any:
    if value is None:
        return None
    data = value if isinstance(value, dict) else value.to_dict()
    data = {k: v for k, v in data.items() if v is not None}
    if "metric_reset_at" in data:
        data["metric_reset_at"] = instant(data["metric_reset_at"])
    return data


def same(field: str, expected: Any, actual: Any) -> bool:
    if field == "value":
        return type(actual) is bool and actual == expected
    if field == "feature_usage_reset_at":
        return instant(expected) == instant(actual)
    if field in ("feature_usage", "feature_allocation"):
        return (expected is None) == (actual is None) and (expected is None or expected == actual)
    if field == "entitlement":
        return entitlement(expected) == entitlement(actual)
    return bool(expected == actual)


def mismatches(case: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields where ``evaluate`` differs from the engine: field -> (engine's, ours)."""
    now = datetime.fromtimestamp(case["now_ms"] / 1000, tz=timezone.utc)
    try:
        result = evaluate(case["flag"], case["company"], case["user"], case["options"], now)
    except EngineInputError as exc:
        return {} if case["expected"] is None else {"refused": (None, str(exc))}
    if case["expected"] is None:
        return {"refused": ("refused", "answered")}
    ours = {field: getattr(result, name) for field, name in FIELDS.items()}
    return {
        field: (case["expected"].get(field), ours[field])
        for field in FIELDS
        if not same(field, case["expected"].get(field), ours[field])
    }


def test_every_vector_gets_the_engines_answer() -> None:
    cases = load()
    assert len(cases) == 4192
    by_field: dict[str, list[str]] = defaultdict(list)
    examples: dict[str, tuple[Any, Any]] = {}
    for case in cases:
        for field, pair in mismatches(case).items():
            by_field[field].append(case["id"])
            examples.setdefault(field, pair)
    report = "; ".join(
        f"{field}: {len(ids)} cases, e.g. {ids[:3]} engine={examples[field][0]!r} "
        f"ours={examples[field][1]!r}"
        for field, ids in sorted(by_field.items(), key=lambda item: -len(item[1]))
    )
    assert not by_field, report


def api_answer(expected: dict[str, Any], nulls: bool) -> dict[str, Any]:
    """The engine's answer as the API sends it: its field names, nulls sent or left out."""
    answer = {("flag" if k == "flag_key" else "error" if k == "err" else k): v
              for k, v in expected.items()}  # fmt: skip
    return answer if nulls else {k: v for k, v in answer.items() if v is not None}


def test_the_api_answer_for_the_same_data_parses_to_the_same_result() -> None:
    from schematic.models.features import CheckFlagResponseData

    differ = []
    for case in load():
        if case["expected"] is None:
            continue
        now = datetime.fromtimestamp(case["now_ms"] / 1000, tz=timezone.utc)
        local = evaluate(case["flag"], case["company"], case["user"], case["options"], now)
        for nulls in (True, False):
            remote = CheckFlagResponseData.from_dict(api_answer(case["expected"], nulls))
            if remote != local:
                differ.append(case["id"])
    assert differ == []


def test_remote_and_local_checks_answer_identically_over_http() -> None:
    """The API's answer, through the client's remote path, equals the local answer."""
    from schematic.testing import FakeSchematic

    cases = [c for c in load() if c["expected"] is not None and not c["options"]][::40]
    with FakeSchematic() as server:
        client = server.client(cache_providers=[], stale_if_error=False)
        for case in cases:
            key = case["flag"]["key"]
            server.add_fault(
                f"/flags/{key}/check",
                status=200,
                body={"data": api_answer(case["expected"], nulls=False), "params": {}},
            )
            company = case["company"]["keys"] if case["company"] else None
            user = case["user"]["keys"] if case["user"] else None
            remote = client.check_flag_with_entitlement(key, company=company, user=user)
            now = datetime.fromtimestamp(case["now_ms"] / 1000, tz=timezone.utc)
            local = evaluate(case["flag"], case["company"], case["user"], None, now)
            assert remote == local, case["id"]
        client.shutdown()
    assert len(cases) >= 50
