"""Write the compact extract of the OpenAPI spec that the SDK's tools and tests use.

    python tools/extract_spec.py [path/to/schematic-openapi.yaml]

The extract keeps what code and tests need (operations, parameters, request and response
schemas, validation keywords) and drops examples, so the repository tests against the
contract without the 1 MB source file. The words the SDK's docstrings quote (each
operation's summary, the descriptions of parameters and schema properties, and which of them
are deprecated) are kept apart, under ``prose``, so the contract itself stays as it was and
``tools/draft_from_spec.py`` needs nothing but the extract.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "api" / "schematic-openapi.yaml"
TARGET = ROOT / "schematic" / "testing" / "api-spec.json.gz"
PROSE = {"description", "summary", "example", "examples", "externalDocs", "deprecated"}
METHODS = ("get", "post", "put", "patch", "delete")


def strip(node: Any, names: bool = False) -> Any:
    """Drop prose keywords; ``names`` marks a ``properties`` map, whose keys are field names."""
    if isinstance(node, dict):
        return {
            k: strip(v, names=(k == "properties" and not names))
            for k, v in node.items()
            if names or k not in PROSE
        }
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def prose_of_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema's description and deprecation, and those of its properties (nested objects too)."""
    words: dict[str, Any] = {}
    if schema.get("description"):
        words["description"] = " ".join(str(schema["description"]).split())
    if schema.get("deprecated"):
        words["deprecated"] = True
    properties = {}
    for name, sub in (schema.get("properties") or {}).items():
        if isinstance(sub, dict) and (found := prose_of_schema(sub)):
            properties[name] = found
    if properties:
        words["properties"] = properties
    return words


def prose_of_operation(op: dict[str, Any]) -> dict[str, Any]:
    """An operation's summary, description, deprecation, and each parameter's words."""
    words: dict[str, Any] = {}
    for key in ("summary", "description"):
        if op.get(key):
            words[key] = " ".join(str(op[key]).split())
    if op.get("deprecated"):
        words["deprecated"] = True
    parameters = {}
    for p in op.get("parameters", []):
        # The parameter's own words, else its schema's (the spec repeats them in both places).
        found = prose_of_schema({**(p.get("schema") or {}), **p})
        found.pop("properties", None)
        if found:
            parameters[p["name"]] = found
    if parameters:
        words["parameters"] = parameters
    return words


def response_of(op: dict[str, Any]) -> tuple[int, Any, dict[str, Any] | None]:
    """(status, data schema, envelope) of the success response; "empty" for 204, "binary"
    for files. The envelope is the JSON answer's ``title`` and its ``params`` object, which
    the SDK names its response and params models after."""
    for code, resp in sorted(op["responses"].items()):
        if not code.startswith("2"):
            continue
        content = resp.get("content") or {}
        if not content:
            return int(code), "empty", None
        if "application/json" not in content:
            return int(code), "binary", None
        envelope = content["application/json"]["schema"]
        named = {"title": envelope.get("title"), "params": strip(envelope["properties"]["params"])}
        return int(code), strip(envelope["properties"]["data"]), named
    raise ValueError(f"{op['operationId']} has no success response")


def extract(spec: dict[str, Any]) -> dict[str, Any]:
    operations = []
    prose: dict[str, Any] = {"operations": {}, "schemas": {}}
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            status, response, envelope = response_of(op)
            if words := prose_of_operation(op):
                prose["operations"][op["operationId"]] = words
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json")
            operations.append(
                {
                    "operationId": op["operationId"],
                    "tag": op["tags"][0],
                    "method": method,
                    "path": path,
                    "parameters": [
                        {
                            k: strip(v)
                            for k, v in p.items()
                            if k in ("name", "in", "required", "schema")
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": strip(body["schema"]) if body else None,
                    "status": status,
                    "response": response,
                    "envelope": envelope,
                }
            )
    for name, schema in spec["components"]["schemas"].items():
        if words := prose_of_schema(schema):
            prose["schemas"][name] = words
    return {
        "info": {"title": spec["info"]["title"], "version": spec["info"]["version"]},
        "servers": spec.get("servers", []),
        "schemas": strip(spec["components"]["schemas"]),
        "operations": operations,
        "prose": prose,
    }


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    spec = yaml.safe_load(source.read_text())
    data = extract(spec)
    text = json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"
    TARGET.write_bytes(gzip.compress(text.encode(), 9, mtime=0))  # the same bytes each run
    print(
        f"wrote {TARGET.relative_to(ROOT)}: {len(data['operations'])} operations, "
        f"{len(data['schemas'])} schemas, {TARGET.stat().st_size // 1024} KiB compressed"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
