"""Responses are read as they come: nothing is lost to a missing field or an odd type.

For every operation of the spec, its fullest example response is parsed as the resource
method parses it, then the same response with fields removed and fields given another
type, anywhere in the nesting, by a seeded random generator. Nothing may raise; what is
there must be read, and a model the spec requires must come back as that model. Only a
body that is not JSON, or a value that is not an object where a model is required, is a
``ParsingError``.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Iterator
from typing import Any

import pytest

import schematic.models
from schematic.errors import ParsingError
from schematic.models import Model
from schematic.resources._base import parse_envelope
from schematic.testing import _spec
from schematic.testing._handlers import spec_example

SPEC = _spec.spec()
OPERATIONS = [op for op in SPEC["operations"] if isinstance(op["response"], dict)]
ROUNDS = 12  # mutated answers per operation


class Answer:
    """Just what ``parse_envelope`` reads of an HTTP response."""

    status = 200
    headers: dict[str, str] = {}  # noqa: RUF012

    def __init__(self, body: Any) -> None:
        self.content = json.dumps(body).encode()

    def json(self) -> Any:
        return json.loads(self.content)


def parser(op: dict[str, Any]) -> Any:
    """What the resource method parses this operation's ``data`` with."""
    schema = op["response"]
    if "$ref" in schema:
        return getattr(schematic.models, schema["$ref"].rsplit("/", 1)[1])
    items = schema.get("items") or {}
    if schema.get("type") == "array" and "$ref" in items:
        return [getattr(schematic.models, items["$ref"].rsplit("/", 1)[1])]
    return None


def mutate(value: Any, rng: random.Random, depth: int = 0) -> Any:
    """``value`` with some object fields removed and some given another type, at any depth."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            roll = rng.random()
            if roll < 0.25:
                continue  # removed, whether the spec requires it or not
            if roll < 0.35 and depth > 0:
                out[key] = retyped(item, rng)
            else:
                out[key] = mutate(item, rng, depth + 1)
        return out
    if isinstance(value, list):
        return [mutate(item, rng, depth + 1) for item in value]
    return value


def retyped(value: Any, rng: random.Random) -> Any:
    choices: list[Any] = [12345, "a string", True, None, 1.5, [1, "two"], {"unexpected": 1}]
    return rng.choice([c for c in choices if type(c) is not type(value)])


def parse(op: dict[str, Any], data: Any) -> Any:
    return parse_envelope(Answer({"data": data, "params": {}}), parser(op)).data  # type: ignore[arg-type]


def examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    for op in OPERATIONS:
        example = spec_example(op)
        yield op["operationId"], op, example
        rng = random.Random(op["operationId"])
        for round_ in range(ROUNDS):
            yield f"{op['operationId']}#{round_}", op, mutate(example, rng)


def test_every_operation_parses_its_examples_whatever_is_missing_or_retyped(
    caplog: Any,
) -> None:
    failures: dict[str, str] = {}
    parsed = 0
    with caplog.at_level(logging.DEBUG, logger="schematic"):
        for name, op, data in examples():
            try:
                result = parse(op, data)
            except Exception as exc:
                failures[name] = f"{type(exc).__name__}: {exc}"
                continue
            target = parser(op)
            if isinstance(target, type) and issubclass(target, Model):
                assert isinstance(result, target), name  # a model where one is required
            parsed += 1
    assert failures == {}, f"{len(failures)} failed, e.g. {list(failures.items())[:5]}"
    assert parsed == len(OPERATIONS) * (ROUNDS + 1)
    assert "as received" in caplog.text  # what did not match was logged at DEBUG


def test_what_is_there_is_read_and_what_is_missing_is_none() -> None:
    from schematic.models import CompanyDetailResponseData

    op = _spec.operation("getCompany")
    example = spec_example(op)
    del example["id"]  # required by the spec
    example["name"] = 42  # a str in the spec
    example["created_at"] = "not a date"
    company = parse(op, example)
    assert isinstance(company, CompanyDetailResponseData)
    assert company.id is None
    assert company.name == 42 and company.created_at == "not a date"  # kept as received
    assert company.environment_id == example["environment_id"]


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"<html>oops</html>", "not JSON"), (b'"a string"', "object"), (b"[1, 2]", "object")],
)
def test_only_a_body_that_cannot_be_read_is_a_parsing_error(body: bytes, message: str) -> None:
    answer = Answer(None)
    answer.content = body
    with pytest.raises(ParsingError, match=message):
        parse_envelope(answer, schematic.models.CompanyDetailResponseData)  # type: ignore[arg-type]


def test_data_that_is_not_an_object_where_a_model_is_required_is_a_parsing_error() -> None:
    op = _spec.operation("getCompany")
    with pytest.raises(ParsingError, match="CompanyDetailResponseData"):
        parse(op, "a string")
