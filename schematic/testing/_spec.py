"""The API contract for the fake server: routes, request validation, example responses.

Reads ``api-spec.json.gz`` beside this file, the compact extract of the OpenAPI spec that
``tools/extract_spec.py`` writes. Only the testing kit reads it; the client never does.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

SPEC_FILE = Path(__file__).with_name("api-spec.json.gz")


@cache
def spec() -> dict[str, Any]:
    """The extract: ``schemas``, ``operations`` (with tag, method, path, body, response)."""
    data: dict[str, Any] = json.loads(gzip.decompress(SPEC_FILE.read_bytes()))
    return data


@cache
def _routes() -> list[tuple[str, re.Pattern[str], dict[str, Any]]]:
    routes = []
    for op in spec()["operations"]:
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(op["path"]))
        routes.append((op["method"].upper(), re.compile(f"^{pattern}$"), op))
    # Literal segments win over parameters: /companies/lookup before /companies/{id}.
    routes.sort(key=lambda r: (r[2]["path"].count("{"), -len(r[2]["path"])))
    return routes


def match(method: str, path: str) -> tuple[dict[str, Any], dict[str, str]] | None:
    """The operation serving ``method path``, and its path parameters (still encoded)."""
    for verb, pattern, op in _routes():
        if verb == method:
            found = pattern.match(path)
            if found:
                return op, found.groupdict()
    return None


def operation(operation_id: str) -> dict[str, Any]:
    ops: list[dict[str, Any]] = spec()["operations"]
    for op in ops:
        if op["operationId"] == operation_id:
            return op
    raise KeyError(operation_id)


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and single-member ``allOf`` wrappers to the schema they name."""
    while True:
        if "$ref" in schema:
            schema = {
                **spec()["schemas"][schema["$ref"].rsplit("/", 1)[-1]],
                **{k: v for k, v in schema.items() if k != "$ref"},
            }
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            schema = {**schema["allOf"][0], **rest}
        else:
            return schema


def validate(schema: dict[str, Any], value: Any, where: str = "body") -> list[str]:
    """Every way ``value`` breaks ``schema`` (the subset of JSON Schema the spec uses)."""
    schema = resolve(schema)
    if value is None:
        return [] if schema.get("nullable") or not schema else [f"{where}: must not be null"]
    if "oneOf" in schema:
        fits = [s for s in schema["oneOf"] if not validate(s, value, where)]
        return [] if fits else [f"{where}: matches none of the allowed shapes"]
    errors: list[str] = []
    kind = schema.get("type")
    check = _TYPE_CHECKS.get(kind or "")
    if check is not None and not check(value):
        return [f"{where}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if kind == "string":
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{where}: longer than {schema['maxLength']} characters")
        if schema.get("format") == "date-time" and not _is_datetime(value):
            errors.append(f"{where}: {value!r} is not an RFC 3339 date-time")
    if kind in ("integer", "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{where}: below the minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{where}: above the maximum {schema['maximum']}")
    if kind == "array":
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{where}: more than {schema['maxItems']} items")
        for i, item in enumerate(value):
            errors += validate(schema.get("items", {}), item, f"{where}[{i}]")
    if isinstance(value, dict) and (kind == "object" or "properties" in schema):
        errors += _validate_object(schema, value, where)
    return errors


def _validate_object(schema: dict[str, Any], value: dict[str, Any], where: str) -> list[str]:
    required = schema.get("required", [])
    errors = [f"{where}.{name}: required" for name in required if name not in value]
    props = schema.get("properties") or {}
    extra = schema.get("additionalProperties")
    for name, item in value.items():
        if item is None and name not in required:
            continue  # as for the API, null in an optional field means "not set"
        if name in props:
            errors += validate(props[name], item, f"{where}.{name}")
        elif isinstance(extra, dict) and extra:
            errors += validate(extra, item, f"{where}.{name}")
        elif props and extra is None and name not in props:
            errors.append(f"{where}.{name}: not a field of this object")
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        errors.append(f"{where}: more than {schema['maxProperties']} entries")
    return errors


def validate_query(op: dict[str, Any], pairs: list[tuple[str, str]]) -> list[str]:
    """Every way the query string breaks the operation's query parameters.

    Reads the encoding the API expects: arrays as repeated keys (``ids=a&ids=b``), maps
    as ``name[key]=value``, booleans as ``true``/``false``. Unknown keys are allowed.
    """
    errors: list[str] = []
    for param in op["parameters"]:
        if param["in"] != "query":
            continue
        name, schema = param["name"], resolve(param["schema"])
        where = f"query.{name}"
        if schema.get("type") == "object":
            prefix = f"{name}["
            value: Any = {k[len(prefix) : -1]: v for k, v in pairs if k.startswith(prefix)}
            given = bool(value)
        else:
            values = [v for k, v in pairs if k == name]
            given = bool(values)
            if schema.get("type") == "array":
                value = [_from_text(schema.get("items", {}), v) for v in values]
            elif len(values) > 1:
                errors.append(f"{where}: given {len(values)} times")
                continue
            else:
                value = _from_text(schema, values[0]) if values else None
        if not given:
            if param.get("required"):
                errors.append(f"{where}: required")
            continue
        errors += validate(schema, value, where)
    return errors


def _from_text(schema: dict[str, Any], text: str) -> Any:
    """A query string value as the JSON value its schema describes, when it reads as one."""
    kind = resolve(schema).get("type")
    if kind == "boolean":
        return {"true": True, "false": False}.get(text, text)
    if kind in ("integer", "number"):
        try:
            return int(text) if kind == "integer" else float(text)
        except ValueError:
            return text
    return text


_TYPE_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def _is_datetime(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return "T" in text


def example(schema: dict[str, Any], name: str = "value", depth: int = 0) -> Any:
    """A value valid for ``schema``, with every optional field present (to a depth of 6)."""
    schema = resolve(schema)
    if "oneOf" in schema:
        return example(schema["oneOf"][0], name, depth)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date-time":
            return "2026-01-02T03:04:05Z"
        if schema.get("format") == "date":
            return "2026-01-02"
        return f"{name}-1"[: schema.get("maxLength", 64)]
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return 1.5 if schema.get("minimum", 0) <= 1.5 else schema["minimum"]
    if kind == "boolean":
        return True
    if kind == "array":
        return [example(schema.get("items", {}), name, depth + 1)] if depth < 6 else []
    props = schema.get("properties") or {}
    if props and depth < 6:
        return {key: example(sub, key, depth + 1) for key, sub in props.items()}
    if props:
        return {key: example(props[key], key, depth + 1) for key in schema.get("required", [])}
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict) and extra and depth < 6:
        return {"key": example(extra, "key", depth + 1)}
    return {}
