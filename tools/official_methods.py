"""The official SDK's method signatures, and where this SDK's differ from them.

    bench/.venv-official/bin/python tools/official_methods.py dump   # record schematichq's
    .venv/bin/python tools/official_methods.py                       # print the differences
    .venv/bin/python tools/official_methods.py --write               # into docs/migrating.md
    .venv/bin/python tools/official_methods.py --check               # fail if the page is stale

``dump`` runs in an environment where the official package is installed (it installs as
``schematic`` too) and records every public method of each resource client as
``tests/data/official-1.4.6-methods.json``: parameter names, whether each is required and
keyword-only, and its annotation. The other modes compare that record with this SDK's
methods. What they find goes between the markers in ``docs/migrating.md``, so the page
always says exactly where an official call needs changing.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tests" / "data" / "official-1.4.6-methods.json"
PAGE = ROOT / "docs" / "migrating.md"
START = "<!-- official 1.4.6 differences: made by tools/official_methods.py -->"
END = "<!-- end of the official 1.4.6 differences -->"


def dump() -> None:
    import importlib.metadata

    from schematic.base_client import BaseSchematic  # the official package's

    version = importlib.metadata.version("schematichq")
    client = BaseSchematic(api_key="x")
    methods: dict[str, list[dict[str, Any]]] = {}
    for namespace in sorted(dir(client)):
        resource = getattr(client, namespace)
        if namespace.startswith("_") or not type(resource).__name__.endswith("Client"):
            continue
        for name, method in inspect.getmembers(type(resource), inspect.isfunction):
            if name.startswith("_"):
                continue
            methods[f"{namespace}.{name}"] = [
                {
                    "name": p.name,
                    "required": p.default is inspect.Parameter.empty,
                    "keyword_only": p.kind is inspect.Parameter.KEYWORD_ONLY,
                    "annotation": str(p.annotation).replace("typing.", ""),
                }
                for p in list(inspect.signature(method).parameters.values())[1:]
                if p.name != "request_options"
            ]
    record = {"source": f"schematichq {version} from PyPI", "methods": methods}
    RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {len(methods)} methods of schematichq {version}")


def differences() -> dict[str, list[str]]:
    """Where an official call does not run here: each kind, a sorted list of lines."""
    from schematic.client import Schematic, SchematicConfig

    record = json.loads(RECORD.read_text(encoding="utf-8"))
    client = Schematic(config=SchematicConfig(offline=True))
    found: dict[str, list[str]] = {"missing": [], "parameters": [], "required": []}
    for qualified, params in sorted(record["methods"].items()):
        namespace, name = qualified.split(".")
        ours = getattr(getattr(client, namespace, None), name, None)
        if ours is None:
            found["missing"].append(f"`{qualified}`")
            continue
        accepted = inspect.signature(ours).parameters
        extra = [p["name"] for p in params if p["name"] not in accepted]
        if extra:
            found["parameters"].append(f"`{qualified}`: " + ", ".join(f"`{e}`" for e in extra))
        official = {p["name"] for p in params}
        for param in accepted.values():
            optional_there = param.name in official and not next(
                p["required"] for p in params if p["name"] == param.name
            )
            if param.default is inspect.Parameter.empty and (
                optional_there or param.name not in official
            ):
                where = "optional" if optional_there else "not a parameter"
                found["required"].append(f"`{qualified}`: `{param.name}` ({where} there)")
    return found


def render(found: dict[str, list[str]]) -> str:
    lines = [
        START,
        "",
        "Every public method of schematichq 1.4.6 was compared with this SDK's (the record is",
        "`tests/data/official-1.4.6-methods.json`; a test keeps this list up to date). Calls",
        "with keyword arguments, path parameters by name or by position, nested request",
        "models imported from `schematic` and a whole body as `request=` (a dict or a model)",
        "run unchanged, except in the cases below, which come from the API contract this SDK",
        "ships: it is older than the one 1.4.6 was generated from.",
        "",
        f"**Operations 1.4.6 has and this SDK's contract does not** ({len(found['missing'])}):",
        "",
        ", ".join(found["missing"]) or "none",
        "",
        "**Parameters 1.4.6 takes that this SDK's contract does not have** "
        f"({len(found['parameters'])} methods); pass them with "
        '`request_options={"additional_body_parameters": {...}}` (or '
        "`additional_query_parameters`) meanwhile:",
        "",
        *[f"- {line}" for line in found["parameters"]],
        "",
        f"**Required here, optional or absent in 1.4.6** ({len(found['required'])}):",
        "",
        *[f"- {line}" for line in found["required"]],
        "",
        END,
    ]
    return "\n".join(lines)


def page_with(section: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    if START not in text:
        return text.rstrip("\n") + "\n\n## Method by method\n\n" + section + "\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    return head + section + tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=["dump", "diff"], default="diff")
    parser.add_argument("--write", action="store_true", help="update docs/migrating.md")
    parser.add_argument("--check", action="store_true", help="fail if the page is stale")
    args = parser.parse_args()
    if args.mode == "dump":
        dump()
        return 0
    section = render(differences())
    if args.check:
        if page_with(section) != PAGE.read_text(encoding="utf-8"):
            print("docs/migrating.md is out of date: run tools/official_methods.py --write")
            return 1
        return 0
    if args.write:
        PAGE.write_text(page_with(section), encoding="utf-8")
        print(f"wrote {PAGE.relative_to(ROOT)}")
        return 0
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
