"""Write the compact extract of the OpenAPI spec that the SDK's tools and tests use.

    python tools/extract_spec.py [path/to/schematic-openapi.yaml]

The extract keeps what code and tests need (operations, parameters, request and response
schemas, validation keywords) and drops the prose (descriptions, summaries, examples), so
the repository tests against the contract without the 1 MB source file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "api" / "schematic-openapi.yaml"
TARGET = ROOT / "schematic" / "testing" / "api-spec.json"
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


def response_of(op: dict[str, Any]) -> tuple[int, Any]:
    """(status, data schema) of the success response; "empty" for 204, "binary" for files."""
    for code, resp in sorted(op["responses"].items()):
        if not code.startswith("2"):
            continue
        content = resp.get("content") or {}
        if not content:
            return int(code), "empty"
        if "application/json" not in content:
            return int(code), "binary"
        envelope = content["application/json"]["schema"]
        return int(code), strip(envelope["properties"]["data"])
    raise ValueError(f"{op['operationId']} has no success response")


def extract(spec: dict[str, Any]) -> dict[str, Any]:
    operations = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            status, response = response_of(op)
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
                }
            )
    return {
        "info": {"title": spec["info"]["title"], "version": spec["info"]["version"]},
        "servers": spec.get("servers", []),
        "schemas": strip(spec["components"]["schemas"]),
        "operations": operations,
    }


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    spec = yaml.safe_load(source.read_text())
    data = extract(spec)
    TARGET.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(
        f"wrote {TARGET.relative_to(ROOT)}: {len(data['operations'])} operations, "
        f"{len(data['schemas'])} schemas, {TARGET.stat().st_size // 1024} KiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
