"""Conformance: every operation of the API spec, called through the client.

Each operation of ``schematic/testing/api-spec.json.gz`` is called as
``client.<tag>.<snake_case(operationId)>`` against one fake server that answers with the
spec's fullest example, twice: with the required arguments only, then with every argument
(ids holding ``/`` and ``?``, ``false`` booleans, offset datetimes, model instances for
nested bodies). Each call is checked on the wire (method, percent-encoded path, query
encoding, a body valid for the spec) and in Python (the parsed response has the declared
types, and ``to_dict`` gives back what was received).
"""

from __future__ import annotations

import inspect
import itertools
import keyword
import re
import types
import typing
from collections import abc
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any, Literal, Union
from urllib.parse import quote

import pytest

import schematic.models
from schematic.client import Schematic
from schematic.models import Model, Response
from schematic.models._base import data_type
from schematic.testing import FakeSchematic, Recorded, _spec

SPEC = _spec.spec()
OPERATIONS: list[dict[str, Any]] = SPEC["operations"]
VARIANTS = ("required", "full")
PASSED: dict[str, set[str]] = {}  # operationId -> the variants whose checks all passed
PAGERS_PASSED: set[str] = set()  # operationIds whose iter_ method passed

RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
PLUS_TWO = timezone(timedelta(hours=2))


def snake_case(name: str) -> str:
    """``getDataExportArtifact`` -> ``get_data_export_artifact``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def attr_name(name: str) -> str:
    return name + "_" if keyword.iskeyword(name) else name


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSchematic]:
    with FakeSchematic(stateful=False) as server:
        yield server


@pytest.fixture(scope="module")
def api(fake: FakeSchematic) -> Iterator[Schematic]:
    client: Schematic = fake.client(max_retries=0)
    yield client
    client.shutdown(timeout=1)


# -- arguments generated from the spec -----------------------------------------------------
@dataclass
class Call:
    """The arguments for one call, and what the server should receive for them."""

    args: list[str] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    query: list[tuple[str, Any]] = field(default_factory=list)  # datetimes compared as instants
    body: dict[str, Any] | None = None


def build_call(op: dict[str, Any], full: bool) -> Call:
    call = Call()
    segments = {}
    for param in op["parameters"]:
        if param["in"] == "path":
            value = f"{param['name']}/7?x=1#y z" if full else f"{param['name']}_7"
            call.args.append(value)
            segments[param["name"]] = quote(value, safe="")
        elif param["in"] == "query" and (full or param.get("required")):
            value, pairs = query_value(param["name"], param["schema"], full)
            call.kwargs[attr_name(param["name"])] = value
            call.query += pairs
    call.path = op["path"].format(**segments)
    if op["body"] is not None:
        schema = _spec.resolve(op["body"])
        required = set(schema.get("required") or [])
        call.body = {}
        for prop, sub in (schema.get("properties") or {}).items():
            if full or prop in required:
                wire = _spec.example(sub, prop)
                call.body[prop] = wire
                call.kwargs[attr_name(prop)] = to_python(sub, wire, models=full)
    return call


def query_value(name: str, schema: dict[str, Any], full: bool) -> tuple[Any, list[tuple[str, Any]]]:
    """A value for a query parameter, and the ``(key, text)`` pairs it must be sent as."""
    schema = _spec.resolve(schema)
    kind = schema.get("type")
    if kind == "array":
        items = _spec.resolve(schema.get("items") or {})
        values = [scalar(f"{name}-a", items, full, 0), scalar(f"{name}-b", items, full, -1)]
        return [v for v, _ in values], [(name, text) for _, text in values]
    if kind == "object":
        keys = {"domain": "acme.com", "id": "a&b=c/d" if full else "42"}
        return keys, [(f"{name}[{k}]", v) for k, v in keys.items()]
    value, text = scalar(name, schema, full, -1)
    return value, [(name, text)]


def scalar(name: str, schema: dict[str, Any], full: bool, pick: int) -> tuple[Any, Any]:
    """A Python value for a scalar schema, and its expected text (a datetime: its instant)."""
    schema = _spec.resolve(schema)
    if "enum" in schema:
        return schema["enum"][pick], str(schema["enum"][pick])
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "string" and fmt == "date-time":
        moment = datetime(2026, 3, 4, 5, 6, 7, tzinfo=PLUS_TWO if full else timezone.utc)
        return moment, moment
    if kind == "string" and fmt == "date":
        return date(2026, 3, 4), "2026-03-04"
    if kind == "string":
        text = (f"{name} &=+/?é" if full else f"{name}-1")[: schema.get("maxLength", 64)]
        return text, text
    if kind == "integer":
        low = schema.get("minimum", 0)
        number = low if full else min(schema.get("maximum", 1000), max(low, 7))
        return number, str(number)
    if kind == "number":
        return 2.5, "2.5"
    if kind == "boolean":
        return not full, "false" if full else "true"
    raise AssertionError(f"no scalar value for {name}: {schema}")


def to_python(schema: dict[str, Any], wire: Any, *, models: bool) -> Any:
    """The argument for a JSON body value: datetimes parsed, nested objects as models."""
    if wire is None:
        return None
    resolved = _spec.resolve(schema)
    if resolved.get("format") == "date-time":
        return datetime.fromisoformat(wire.replace("Z", "+00:00"))
    if resolved.get("format") == "date":
        return date.fromisoformat(wire)
    if resolved.get("type") == "array":
        return [to_python(resolved.get("items") or {}, item, models=models) for item in wire]
    model = model_of(schema)
    if models and model is not None:
        return model.from_dict(wire)
    return wire


def model_of(schema: dict[str, Any]) -> type[Model] | None:
    """The model class a ``$ref`` to an object schema names, if any."""
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = schema["allOf"][0]
    if "$ref" not in schema:
        return None
    name = schema["$ref"].rsplit("/", 1)[-1]
    target = SPEC["schemas"][name]
    if target.get("type") != "object" or "enum" in target or "oneOf" in target:
        return None
    cls: type[Model] = getattr(schematic.models, "ApiErrorBody" if name == "ApiError" else name)
    return cls


# -- checks ----------------------------------------------------------------------------------
def check_signature(method: Any, op: dict[str, Any]) -> None:
    """Path parameters come first, by position; every other spec input is keyword-only."""
    params = inspect.signature(method).parameters
    positional = [p.name for p in params.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    keyword_only = {p.name: p for p in params.values() if p.kind is p.KEYWORD_ONLY}
    assert positional == [p["name"] for p in op["parameters"] if p["in"] == "path"]
    expected = {
        attr_name(p["name"]): bool(p.get("required"))
        for p in op["parameters"]
        if p["in"] == "query"
    }
    if op["body"] is not None:
        schema = _spec.resolve(op["body"])
        required = set(schema.get("required") or [])
        for prop in schema.get("properties") or {}:
            expected[attr_name(prop)] = prop in required
    assert keyword_only.pop("request_options").default is None
    if op["body"] is not None or op["method"] in ("post", "put", "patch"):
        assert keyword_only.pop("request").default is None  # the whole body, officially
    assert set(keyword_only) == set(expected), "keyword arguments differ from the spec"
    for name, param in keyword_only.items():
        assert (param.default is param.empty) == expected[name], f"{name}: required differs"


def check_arguments(method: Any, call: Call) -> None:
    """The generated arguments fit the method's annotations, as a type checker would see."""
    hints = typing.get_type_hints(method)
    for name, value in call.kwargs.items():
        check_type(value, hints[name], name)


def check_request(sent: Recorded, op: dict[str, Any], call: Call) -> None:
    assert sent.method == op["method"].upper()
    assert sent.path == call.path
    assert _spec.validate_query(op, sent.query) == []
    assert by_key(sent.query) == by_key(call.query), "the query differs"
    if op["body"] is None:
        assert sent.raw == b""
    else:
        assert _spec.validate(op["body"], sent.body) == []
        assert normalise(sent.body) == normalise(call.body)


def by_key(pairs: list[tuple[str, Any]]) -> dict[str, list[Any]]:
    """Query values per key, in order; RFC 3339 texts and datetimes become UTC instants."""
    grouped: dict[str, list[Any]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(normalise(value))
    return grouped


def check_result(result: Any, sent: Recorded, op: dict[str, Any], method: Any) -> None:
    assert sent.status == op["status"]
    if op["response"] == "empty":
        assert result is None
        return
    if op["response"] == "binary":
        assert isinstance(result, bytes) and result == sent.response
        return
    assert isinstance(result, Response)
    declared = typing.get_type_hints(method)["return"]
    assert isinstance(declared, type) and issubclass(declared, Response)
    assert type(result) is declared  # the operation's named response class
    check_type(result.data, data_type(declared), "data")
    assert result.params == sent.response["params"]
    received = sent.response["data"]
    assert normalise(schematic.models._base.to_jsonable(result.data)) == normalise(received)
    for item in result.data if isinstance(result.data, list) else [result.data]:
        if isinstance(item, Model):
            assert type(item).from_dict(item.to_dict()) == item


def check_type(value: Any, tp: Any, where: str) -> None:
    """Assert that ``value`` is an instance of the type hint ``tp``, all the way down."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any:
        return
    if origin is Union or origin is types.UnionType:
        if value is None:
            assert type(None) in args, f"{where}: None where {tp} is required"
            return
        errors = []
        for member in args:
            try:
                check_type(value, member, where)
                return
            except AssertionError as exc:
                errors.append(str(exc))
        raise AssertionError(f"{where}: {value!r} fits no member of {tp}: {errors}")
    if origin is Literal:
        assert value in args, f"{where}: {value!r} not in {args}"
    elif origin is list or origin is abc.Sequence:
        assert isinstance(value, list if origin is list else abc.Sequence), f"{where}: not a list"
        assert not isinstance(value, str), f"{where}: a str is not a sequence here"
        for i, item in enumerate(value):
            check_type(item, args[0], f"{where}[{i}]")
    elif origin is dict or origin is abc.Mapping:
        assert isinstance(value, dict if origin is dict else abc.Mapping), f"{where}: not a dict"
        for key, item in value.items():
            assert isinstance(key, str)
            check_type(item, args[1], f"{where}[{key!r}]")
    elif tp is datetime:
        assert isinstance(value, datetime), f"{where}: {value!r} is not a datetime"
        assert value.utcoffset() is not None, f"{where}: naive datetime"
    elif tp is date:
        assert isinstance(value, date) and not isinstance(value, datetime), where
    elif tp is float:
        assert isinstance(value, (int, float)) and not isinstance(value, bool), where
    elif tp is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r}"
    elif isinstance(tp, type) and issubclass(tp, Model):
        assert isinstance(value, tp), f"{where}: {type(value).__name__} is not a {tp.__name__}"
        hints = model_hints(tp)
        for f in fields(tp):  # type: ignore[arg-type]
            check_type(getattr(value, f.name), hints[f.name], f"{where}.{f.name}")
    else:
        assert isinstance(value, tp), f"{where}: {value!r} is not a {tp}"


@cache
def model_hints(cls: type[Model]) -> dict[str, Any]:
    namespace = {name: getattr(schematic.models, name) for name in schematic.models.__all__}
    return typing.get_type_hints(cls, localns=namespace)


def normalise(value: Any) -> Any:
    """JSON with every RFC 3339 timestamp replaced by its instant, so formats compare equal."""
    if isinstance(value, str) and RFC3339.fullmatch(value):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


# -- the tests -------------------------------------------------------------------------------
def test_the_extract_is_the_whole_spec() -> None:
    ids = [op["operationId"] for op in OPERATIONS]
    assert len(ids) == len(set(ids)) == 268
    assert len({op["tag"] for op in OPERATIONS}) == 22


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op["operationId"])
def test_operation(fake: FakeSchematic, api: Schematic, op: dict[str, Any], variant: str) -> None:
    method = getattr(getattr(api, op["tag"]), snake_case(op["operationId"]), None)
    assert method is not None, f"client.{op['tag']}.{snake_case(op['operationId'])} is missing"
    check_signature(method, op)
    call = build_call(op, full=variant == "full")
    check_arguments(method, call)
    before = len(fake.requests)
    result = method(*call.args, **call.kwargs)
    sent = fake.requests[before:]
    assert len(sent) == 1, f"{len(sent)} requests sent"
    check_request(sent[0], op, call)
    check_result(result, sent[0], op, method)
    PASSED.setdefault(op["operationId"], set()).add(variant)


def union_sites() -> list[tuple[str, str, str]]:
    """``(model schema, property, union member)`` for every property typed by a ``oneOf``."""
    schemas = SPEC["schemas"]
    sites = []
    for name, schema in sorted(schemas.items()):
        for prop, sub in sorted((schema.get("properties") or {}).items()):
            target = _spec.resolve(sub)
            target = _spec.resolve(target.get("items") or {}) if "items" in target else target
            for member in target.get("oneOf") or []:
                sites.append((name, prop, member["$ref"].rsplit("/", 1)[-1]))
    return sites


@pytest.mark.parametrize(("owner", "prop", "member"), union_sites())
def test_union_members_decode_as_themselves(owner: str, prop: str, member: str) -> None:
    """Each member of a ``oneOf`` (the fake only ever answers the first) parses as itself."""
    cls = model_of({"$ref": f"#/components/schemas/{owner}"})
    assert cls is not None
    wire = _spec.example({"$ref": f"#/components/schemas/{owner}"})
    value = _spec.example({"$ref": f"#/components/schemas/{member}"})
    wire[prop] = [value] if isinstance(wire[prop], list) else value
    parsed = cls.from_dict(wire)
    check_type(parsed, cls, owner)
    got = getattr(parsed, attr_name(prop))
    got = got[0] if isinstance(got, list) else got
    assert type(got).__name__ == member
    assert normalise(parsed.to_dict()) == normalise(wire)
    assert cls.from_dict(parsed.to_dict()) == parsed


def minimal(schema: dict[str, Any], depth: int = 0) -> Any:
    """The smallest value valid for ``schema``: required fields only, one item per list."""
    schema = _spec.resolve(schema)
    if "oneOf" in schema:
        return minimal(schema["oneOf"][-1], depth)
    if schema.get("type") == "array":
        return [minimal(schema.get("items") or {}, depth + 1)] if depth < 8 else []
    if schema.get("type") == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        return {key: minimal(props[key], depth + 1) for key in schema.get("required") or []}
    return _spec.example(schema)


JSON_OPERATIONS = [op for op in OPERATIONS if isinstance(op["response"], dict)]


@pytest.mark.parametrize("op", JSON_OPERATIONS, ids=lambda op: op["operationId"])
def test_minimal_responses_parse(api: Schematic, op: dict[str, Any]) -> None:
    """A response holding only its required fields parses and round-trips too."""
    method = getattr(getattr(api, op["tag"]), snake_case(op["operationId"]))
    declared = data_type(typing.get_type_hints(method)["return"])
    wire = minimal(op["response"])
    assert _spec.validate(op["response"], wire) == []
    item_type = typing.get_args(declared)[0] if typing.get_origin(declared) is list else declared
    items = wire if isinstance(wire, list) else [wire]
    for item in items:
        assert isinstance(item_type, type) and issubclass(item_type, Model)
        parsed = item_type.from_dict(item)
        check_type(parsed, item_type, "data")
        assert normalise(parsed.to_dict()) == normalise(item)
        assert item_type.from_dict(parsed.to_dict()) == parsed


def pageable(op: dict[str, Any]) -> bool:
    query = {p["name"] for p in op["parameters"] if p["in"] == "query"}
    response = op["response"]
    return {"limit", "offset"} <= query and isinstance(response, dict) and "items" in response


def pager_name(op: dict[str, Any]) -> str:
    """``list_companies`` -> ``iter_companies``; a ``get_`` prefix goes the same way."""
    name = snake_case(op["operationId"])
    return "iter_" + re.sub(r"^(list|get)_", "", name)


PAGEABLE = [op for op in OPERATIONS if pageable(op)]


def test_resources_have_no_method_outside_the_spec(api: Schematic) -> None:
    for tag in sorted({op["tag"] for op in OPERATIONS}):
        ops = [op for op in OPERATIONS if op["tag"] == tag]
        names = {snake_case(op["operationId"]) for op in ops}
        names |= {pager_name(op) for op in ops if pageable(op)}
        public = {n for n in dir(getattr(api, tag)) if not n.startswith("_")}
        public.discard("with_raw_response")  # every namespace's view of its own calls
        assert public == names, f"client.{tag}: extra {public - names}, missing {names - public}"


@pytest.mark.parametrize("op", PAGEABLE, ids=lambda op: op["operationId"])
def test_list_operation_pager(fake: FakeSchematic, api: Schematic, op: dict[str, Any]) -> None:
    """``iter_*`` takes the list filters, pages with limit/offset and yields parsed items."""
    resource = getattr(api, op["tag"])
    lister = getattr(resource, snake_case(op["operationId"]))
    pager = getattr(resource, pager_name(op))
    params = dict(inspect.signature(lister).parameters)
    del params["limit"], params["offset"], params["request_options"]
    pager_params = dict(inspect.signature(pager).parameters)
    assert pager_params.pop("page_size").default == 100
    assert pager_params.pop("request_options").default is None
    assert pager_params == params
    hints, list_hints = typing.get_type_hints(pager), typing.get_type_hints(lister)
    assert {n: hints[n] for n in params} == {n: list_hints[n] for n in params}
    item_type = typing.get_args(data_type(list_hints["return"]))[0]
    assert hints["return"] == abc.Iterator[item_type]

    call = build_call(op, full=True)
    filters = {k: v for k, v in call.kwargs.items() if k not in ("limit", "offset")}
    expected = [(k, v) for k, v in call.query if k not in ("limit", "offset")]
    before = len(fake.requests)
    items = pager(**filters, page_size=3)
    assert len(fake.requests) == before, "a request before the iterator was consumed"
    got = list(items)  # the fake answers one item, a short page: the last
    sent = fake.requests[before:]
    assert len(got) == 1 and len(sent) == 1
    check_type(got[0], item_type, "item")
    assert ("limit", "3") in sent[0].query and ("offset", "0") in sent[0].query
    check_request(
        sent[0], op, Call(path=call.path, query=[*expected, ("limit", "3"), ("offset", "0")])
    )

    before = len(fake.requests)
    required = build_call(op, full=False).kwargs
    first_three = list(itertools.islice(pager(**required, page_size=1), 3))
    assert len(first_three) == 3
    offsets = [dict(r.query)["offset"] for r in fake.requests[before:]]
    assert offsets == ["0", "1", "2"]
    PAGERS_PASSED.add(op["operationId"])


def test_every_operation_is_covered(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    """Runs last: counts the operations whose every variant passed above."""
    names = [item.name.partition("[")[0] for item in request.session.items]
    if (names.count("test_operation"), names.count("test_list_operation_pager")) != (
        len(OPERATIONS) * len(VARIANTS),
        len(PAGEABLE),
    ):
        pytest.skip("only part of the conformance suite was selected")
    covered = [op for op in OPERATIONS if PASSED.get(op["operationId"]) == set(VARIANTS)]
    pagers = [op for op in PAGEABLE if op["operationId"] in PAGERS_PASSED]
    with capsys.disabled():
        print(
            f"\nconformance: {len(covered)}/{len(OPERATIONS)} operations, "
            f"{len(pagers)}/{len(PAGEABLE)} list pagers"
        )
    missing = [op["operationId"] for op in OPERATIONS if op not in covered]
    missing += [pager_name(op) for op in PAGEABLE if op not in pagers]
    assert not missing, f"uncovered: {missing}"
