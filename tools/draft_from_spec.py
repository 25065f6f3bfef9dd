"""Draft the models and resource methods of the SDK from the API extract.

    python tools/draft_from_spec.py            # rewrite schematic/models/*.py and resources/*.py
    python tools/draft_from_spec.py --check    # exit 1 if the committed files differ

It reads ``schematic/testing/api-spec.json`` (made by ``tools/extract_spec.py``) and writes one
models module and one resource module per API tag: a method per operation, plus an ``iter_``
pager beside each list operation that pages with ``limit`` and ``offset``. The output is
committed, read and reviewed like the rest of the code; the SDK never reads the spec at run
time.

Placement: a schema lives in the module of the first tag (in ``TAG_ORDER``) whose operations
reach it, so a module imports only from modules earlier in the order and imports never form
a cycle. Schemas no operation reaches go to ``rulesengine`` (the DataStream entities),
``webhooks`` (webhook payloads) or ``common``.
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = ROOT / "schematic" / "testing" / "api-spec.json"

TAG_ORDER = [
    "features",
    "companies",
    "events",
    "entitlements",
    "plans",
    "credits",
    "billing",
    "checkout",
    "catalogs",
    "components",
    "componentspublic",
    "accounts",
    "webhooks",
    "accesstokens",
    "dataexports",
    "insights",
    "integrationsapi",
    "licenses",
    "planbundle",
    "plangroups",
    "planmigrations",
    "scheduledcheckout",
]
MODULE_ORDER = [*TAG_ORDER, "rulesengine", "common"]

# POST operations safe to repeat after an ambiguous failure: upserts converge, checks and
# previews read. Every other POST creates something, so it is not retried after it may
# have reached the server.
IDEMPOTENT_POSTS = ("upsert", "check", "preview", "delete", "get", "list", "count", "lookup")

# List operations page with ``limit`` and ``offset``; each gets an ``iter_`` method that
# walks every page (``Resource._iterate``). Page sizes as in the spec: 100 by default, 250 at most.
PAGING = ("limit", "offset")
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 250

# The schema named ApiError is the error *body*; the name belongs to the exception class.
RENAMED = {"ApiError": "ApiErrorBody"}

TAG_TITLES = {
    "accesstokens": "Temporary access tokens for front-end components",
    "accounts": "Account, environments, API keys and audit log",
    "billing": "Billing customers, products, prices, subscriptions and meters",
    "catalogs": "Plan catalogs",
    "checkout": "Checkout, plan management and billing details",
    "common": "Shared models that no single API tag owns",
    "companies": "Companies, users, keys, traits and memberships",
    "components": "Embeddable UI components",
    "componentspublic": "Public (publishable-key) component data",
    "credits": "Credits: types, bundles, grants, balances, leases and the ledger",
    "dataexports": "Data exports",
    "entitlements": "Entitlements: plan entitlements, company overrides and feature usage",
    "events": "Events and event types",
    "features": "Features, flags and flag checks",
    "insights": "Usage insights",
    "integrationsapi": "Third-party integrations",
    "licenses": "Licenses",
    "planbundle": "Plan bundles",
    "plangroups": "Plan groups",
    "planmigrations": "Plan version migrations",
    "plans": "Plans, plan versions and company plans",
    "rulesengine": "The rules-engine entities DataStream delivers",
    "scheduledcheckout": "Scheduled checkouts",
    "webhooks": "Webhooks, webhook events and webhook payloads",
}


def snake(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def pageable(op: dict[str, Any]) -> bool:
    """True for an operation that takes ``limit`` and ``offset`` and answers a list."""
    names = {p["name"] for p in op["parameters"] if p["in"] == "query"}
    response = op["response"]
    return set(PAGING) <= names and isinstance(response, dict) and response.get("type") == "array"


def iterator_name(operation: str) -> str:
    """The name of a list operation's pager: ``iter_`` in place of its ``list_`` or ``get_``.

    ``list_companies`` -> ``iter_companies``, ``get_event_summaries`` ->
    ``iter_event_summaries``; after any other verb, ``iter_`` goes before the whole name.
    """
    verb, _, rest = operation.partition("_")
    return f"iter_{rest}" if verb in ("list", "get") and rest else f"iter_{operation}"


def class_name(name: str) -> str:
    return RENAMED.get(name, name)


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def unwrap(schema: dict[str, Any]) -> dict[str, Any]:
    """Collapse ``allOf: [one]`` wrappers, keeping the wrapper's nullability."""
    if "allOf" in schema and len(schema["allOf"]) == 1:
        inner = dict(schema["allOf"][0])
        if schema.get("nullable"):
            inner["nullable"] = True
        return inner
    return schema


class Drafter:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.schemas: dict[str, dict[str, Any]] = dict(spec["schemas"])
        self.inline: dict[str, dict[str, Any]] = {}
        self._lift_inline_objects()
        self.owner = self._place_schemas()
        self.sent = self._request_schemas()

    # -- placement -----------------------------------------------------------------------
    def _lift_inline_objects(self) -> None:
        """Give inline object schemas that have a title a model of their own."""
        for name, schema in list(self.schemas.items()):
            for prop, sub in (schema.get("properties") or {}).items():
                if sub.get("type") == "object" and sub.get("properties"):
                    title = sub.get("title") or f"{name}{prop.title().replace('_', '')}"
                    self.schemas[title] = sub
                    schema["properties"][prop] = {"$ref": f"#/components/schemas/{title}"}

    def _request_schemas(self) -> set[str]:
        """The schemas a request body can hold: their required fields stay required."""
        bodies = {
            name for op in self.spec["operations"] if op["body"] for name in self.refs(op["body"])
        }
        return self.closure(bodies)

    def refs(self, node: Any, acc: set[str] | None = None) -> set[str]:
        acc = set() if acc is None else acc
        if isinstance(node, dict):
            if "$ref" in node:
                acc.add(ref_name(node["$ref"]))
            for value in node.values():
                self.refs(value, acc)
        elif isinstance(node, list):
            for value in node:
                self.refs(value, acc)
        return acc

    def closure(self, names: set[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(names)
        while stack:
            name = stack.pop()
            if name not in seen and name in self.schemas:
                seen.add(name)
                stack.extend(self.refs(self.schemas[name]))
        return seen

    def _place_schemas(self) -> dict[str, str]:
        """Each schema goes to the tag whose operations reach it in the fewest hops."""
        best: dict[str, tuple[int, int, int, str]] = {}
        for tag in TAG_ORDER:
            direct: dict[str, int] = defaultdict(int)
            for op in self.spec["operations"]:
                if op["tag"] == tag:
                    for name in self.refs(op):
                        direct[name] += 1
            depth, frontier, seen = 0, set(direct), set()
            while frontier:
                for name in frontier:
                    rank = (depth, -direct.get(name, 0), TAG_ORDER.index(tag), tag)
                    if name not in best or rank < best[name]:
                        best[name] = rank
                seen |= frontier
                frontier = {d for n in frontier for d in self.refs(self.schemas[n])} - seen
                depth += 1
        owner = {name: rank[3] for name, rank in best.items()}
        for name, schema in self.schemas.items():
            for member in schema.get("oneOf", []):  # a union is defined beside its members
                owner[ref_name(member["$ref"])] = owner.get(name, "common")
        for name in self.schemas:
            if name not in owner:
                if name.lower().startswith("rulesengine"):
                    owner[name] = "rulesengine"
                elif name.startswith(("Credits", "Web", "DataEvent")):
                    owner[name] = "webhooks"
                else:
                    owner[name] = "common"
        return owner

    # -- types ---------------------------------------------------------------------------
    def type_of(self, schema: dict[str, Any], module: str, imports: set[tuple[str, str]]) -> str:
        schema = unwrap(schema)
        if "$ref" in schema:
            name = ref_name(schema["$ref"])
            if self.owner[name] != module:
                imports.add((self.owner[name], class_name(name)))
            return class_name(name)
        if "oneOf" in schema:
            parts = [self.type_of(s, module, imports) for s in schema["oneOf"]]
            return " | ".join(parts)
        kind = schema.get("type")
        if "enum" in schema:
            return f"Literal[{', '.join(json.dumps(v) for v in schema['enum'])}]"
        if kind == "string":
            fmt = schema.get("format")
            return {"date-time": "datetime", "date": "date"}.get(fmt, "str")
        if kind == "integer":
            return "int"
        if kind == "number":
            return "float"
        if kind == "boolean":
            return "bool"
        if kind == "array":
            return f"list[{self.type_of(schema.get('items', {}), module, imports)}]"
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return f"dict[str, {self.type_of(extra, module, imports)}]"
        return "dict[str, Any]"

    # -- models --------------------------------------------------------------------------
    def models_module(self, module: str) -> str:
        names = sorted(
            (n for n, m in self.owner.items() if m == module),
            key=lambda n: ("enum" not in self.schemas[n], "oneOf" in self.schemas[n], n),
        )
        imports: set[tuple[str, str]] = set()
        text = "\n\n".join(self.model_block(name, module, imports) for name in names)
        head = [
            docstring(f"Models for {TAG_TITLES[module][0].lower()}{TAG_TITLES[module][1:]}.", 0),
            "",
        ]
        head += ["from __future__ import annotations", ""]
        std = []
        if "@dataclass" in text:
            fields = ", field" if re.search(r"\bfield\(", text) else ""
            std.append(f"from dataclasses import dataclass{fields}")
        dt = [n for n in ("date", "datetime") if re.search(rf"\b{n}\b", text)]
        if dt:
            std.append(f"from datetime import {', '.join(dt)}")
        typing_names = [
            n
            for n in ("TYPE_CHECKING", "Any", "Literal", "TypeAlias")
            if (n == "TYPE_CHECKING" and imports) or re.search(rf"\b{n}\b", text)
        ]
        if typing_names:
            std.append(f"from typing import {', '.join(typing_names)}")
        head += [*std, ""]
        head.append(
            "from ._base import Model, wire" if "wire(" in text else "from ._base import Model"
        )
        if imports:
            head += ["", "if TYPE_CHECKING:"]
            by_module: dict[str, list[str]] = defaultdict(list)
            for mod, cls in imports:
                by_module[mod].append(cls)
            for mod in sorted(by_module):
                head.append(f"    from .{mod} import {', '.join(sorted(set(by_module[mod])))}")
        return "\n".join(head) + "\n\n\n" + text + "\n"

    def model_block(self, name: str, module: str, imports: set[tuple[str, str]]) -> str:
        schema = self.schemas[name]
        cls = class_name(name)
        if "enum" in schema:
            values = ", ".join(json.dumps(v) for v in schema["enum"])
            return f"{cls} = Literal[{values}]"
        if "oneOf" in schema:
            members = " | ".join(self.type_of(m, module, imports) for m in schema["oneOf"])
            return f"{cls}: TypeAlias = {members}"
        required = set(schema.get("required") or [])
        lines = ["@dataclass(frozen=True, slots=True, kw_only=True)", f"class {cls}(Model):"]
        props = schema.get("properties") or {}
        fields = []
        for prop in sorted(props, key=lambda p: (p not in required, p)):
            sub = props[prop]
            # Python names in snake_case, as the official SDK has them (``bundle_id`` for
            # the wire's ``bundleId``); the wire name is kept in the field's metadata.
            attr = snake(prop)
            attr = attr + "_" if keyword.iskeyword(attr) else attr
            tp = self.type_of(sub, module, imports)
            nullable = unwrap(sub).get("nullable") or sub.get("nullable")
            # Response models read what is there: a field the spec requires may be missing
            # from an answer, so it is typed as possibly None (and still must be given when
            # a model is built by hand). Models a request can hold keep required as required.
            if prop in required and not nullable and name in self.sent:
                default = ""
            elif prop in required:
                tp, default = f"{tp} | None", ""
            else:
                tp, default = f"{tp} | None", " = None"
            if attr != prop:
                given = "default=None, " if default else ""
                default = f" = field({given}metadata=wire({prop!r}))"
            fields.append(f"    {attr}: {tp}{default}")
        lines += fields or ["    pass"]
        return "\n".join(lines)

    # -- resources -----------------------------------------------------------------------
    def resources_module(self, tag: str) -> str:
        ops = [op for op in self.spec["operations"] if op["tag"] == tag]
        imports: set[tuple[str, str]] = set()
        names = {snake(op["operationId"]) for op in ops}
        methods = []
        for op in ops:
            methods.append(self.method(op, imports))
            if pageable(op):
                if iterator_name(snake(op["operationId"])) in names:
                    raise SystemExit(f"the pager of {op['operationId']} clashes with a method")
                names.add(iterator_name(snake(op["operationId"])))
                methods.append(self.pager(op, imports))
        cls = f"{tag.capitalize()}Resource"
        head = [
            docstring(f"``client.{tag}``: {TAG_TITLES[tag][0].lower()}{TAG_TITLES[tag][1:]}.", 0),
            "",
            "from __future__ import annotations",
            "",
        ]
        body = "\n\n".join(methods)
        typing_names = [n for n in ("Any", "Literal") if re.search(rf"\b{n}\b", body)]
        abc = [n for n in ("Iterator", "Mapping", "Sequence") if re.search(rf"\b{n}\b", body)]
        if abc:
            head.append(f"from collections.abc import {', '.join(abc)}")
        dt = [n for n in ("date", "datetime") if re.search(rf"\b{n}\b", body)]
        if dt:
            head.append(f"from datetime import {', '.join(dt)}")
        if typing_names:
            head.append(f"from typing import {', '.join(typing_names)}")
        head.append("")
        head.append(
            "from ..models._base import Model, Response"
            if re.search(r"\bModel\b", body)
            else "from ..models._base import Response"
        )
        by_module: dict[str, list[str]] = defaultdict(list)
        for mod, name in imports:
            by_module[mod].append(name)
        for mod, names in sorted(by_module.items(), key=lambda kv: MODULE_ORDER.index(kv[0])):
            head.append(f"from ..models.{mod} import {', '.join(sorted(set(names)))}")
        head.append("from ._base import RequestOptions, Resource")
        doc = f'    """{TAG_TITLES[tag]}."""'
        return "\n".join(head) + f"\n\n\nclass {cls}(Resource):\n{doc}\n\n" + body + "\n"

    def method(self, op: dict[str, Any], imports: set[tuple[str, str]]) -> str:
        name = snake(op["operationId"])
        module = ""  # resource modules import every model they name
        path_params = [p for p in op["parameters"] if p["in"] == "path"]
        query_params = [p for p in op["parameters"] if p["in"] == "query"]
        body_schema = None
        if op.get("body"):
            body_schema = self.schemas[ref_name(op["body"]["$ref"])]
        args = ["self"]
        for p in path_params:
            args.append(f"{p['name']}: str")
        args.append("*")
        args += [arg for _, arg in self.keyword_args(op, imports)]
        takes_body = body_schema is not None or op["method"] in ("post", "put", "patch")
        if takes_body:  # the body as one dict or model, as the official SDK's request=
            args.append("request: Mapping[str, Any] | Model | None = None")
        args.append("request_options: RequestOptions | None = None")
        body_fields = list((body_schema or {}).get("properties") or {})
        returns, parse = self.returns(op, module, imports)
        sig = (
            f"    def {name}(\n" + "".join(f"        {a},\n" for a in args) + f"    ) -> {returns}:"
        )
        doc = docstring(f"{self.summary(op)}: ``{op['method'].upper()} {op['path']}``.", 8)
        call = [f'            "{op["method"].upper()}",']
        if path_params:
            segments = ", ".join(f"{p['name']}={p['name']}" for p in path_params)
            call.append(f'            self._path("{op["path"]}", {segments}),')
        else:
            call.append(f'            "{op["path"]}",')
        if query_params:
            items = ", ".join(f'"{p["name"]}": {self.attr(p["name"])}' for p in query_params)
            call.append(f"            query={{{items}}},")
        if body_schema is not None:  # a body the spec requires is sent even when empty: {}
            items = ", ".join(f'"{f}": {self.attr(f)}' for f in body_fields)
            call.append(f"            body={{{items}}},")
        if parse:
            call.append(f"            parse={parse},")
        if op["method"] == "post" and returns != "None" and not name.startswith(IDEMPOTENT_POSTS):
            call.append("            idempotent=False,")
        if takes_body:
            call.append("            request=request,")
        call.append("            request_options=request_options,")
        caller = {"None": "self._call_empty", "bytes": "self._call_bytes"}.get(
            returns, "self._call"
        )
        opener = f"        {caller}(" if returns == "None" else f"        return {caller}("
        return "\n".join([sig, doc, opener, *call, "        )"])

    def keyword_args(
        self, op: dict[str, Any], imports: set[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        """(name, declaration) of an operation's query and body arguments, required first."""
        kw: list[tuple[bool, str, str]] = []
        for p in op["parameters"]:
            if p["in"] == "query":
                required = bool(p.get("required"))
                arg = self.param_arg(p["name"], p["schema"], required, "", imports)
                kw.append((required, p["name"], arg))
        if op.get("body"):
            body_schema = self.schemas[ref_name(op["body"]["$ref"])]
            needed = set(body_schema.get("required") or [])
            for prop, sub in (body_schema.get("properties") or {}).items():
                arg = self.param_arg(prop, sub, prop in needed, "", imports, body=True)
                kw.append((prop in needed, prop, arg))
        kw.sort(key=lambda item: not item[0])
        return [(name, arg) for _, name, arg in kw]

    def pager(self, op: dict[str, Any], imports: set[tuple[str, str]]) -> str:
        """``iter_<name>``: every item of a list operation, fetched a page at a time."""
        lister = snake(op["operationId"])
        limit = next(p["schema"] for p in op["parameters"] if p["name"] == "limit")
        most = limit.get("maximum", MAX_PAGE_SIZE)
        filters = [(n, a) for n, a in self.keyword_args(op, imports) if n not in PAGING]
        item = self.type_of(op["response"]["items"], "", imports)
        args = [
            "self",
            "*",
            *(arg for _, arg in filters),
            f"page_size: int = {min(DEFAULT_PAGE_SIZE, most)}",
            "request_options: RequestOptions | None = None",
        ]
        sig = (
            f"    def {iterator_name(lister)}(\n"
            + "".join(f"        {a},\n" for a in args)
            + f"    ) -> Iterator[{item}]:"
        )
        detail = textwrap.fill(
            f"Requests ``{op['method'].upper()} {op['path']}`` with ``limit`` and ``offset`` "
            "as the iterator is consumed, and stops after a page shorter than ``page_size`` "
            f"(1 to {most}). Takes the filters of ``{lister}``.",
            width=92,
            initial_indent=" " * 8,
            subsequent_indent=" " * 8,
        )
        doc = (
            f'        """Every item ``{lister}`` finds, fetched ``page_size`` at a time.\n\n'
            f'{detail}\n        """'
        )
        call = [f"            self.{lister},", "            page_size,"]
        if most != MAX_PAGE_SIZE:
            call.append(f"            {most},")
        call += [f"            {self.attr(n)}={self.attr(n)}," for n, _ in filters]
        call.append("            request_options=request_options,")
        return "\n".join([sig, doc, "        return self._iterate(", *call, "        )"])

    def attr(self, name: str) -> str:
        return name + "_" if keyword.iskeyword(name) else name

    def param_arg(
        self,
        name: str,
        schema: dict[str, Any],
        required: bool | None,
        module: str,
        imports: set[tuple[str, str]],
        body: bool = False,
    ) -> str:
        tp = self.type_of(schema, module, imports)
        tp = self.input_type(tp, schema)
        arg = f"{self.attr(name)}: {tp}"
        return arg if required else f"{arg} | None = None"

    def input_type(self, tp: str, schema: dict[str, Any]) -> str:
        """Loosen container types for arguments: any mapping or sequence will do."""
        tp = re.sub(r"^list\[", "Sequence[", tp)
        tp = re.sub(r"^dict\[", "Mapping[", tp)
        schema = unwrap(schema)
        if "$ref" in schema:
            target = self.schemas[ref_name(schema["$ref"])]
            if target.get("type") == "object" and "enum" not in target:
                tp = f"{tp} | Mapping[str, Any]"
        items = unwrap(schema.get("items") or {})
        if "$ref" in items:
            target = self.schemas[ref_name(items["$ref"])]
            if target.get("type") == "object" and "oneOf" not in target:
                inner = class_name(ref_name(items["$ref"]))
                tp = f"Sequence[{inner} | Mapping[str, Any]]"
        return tp

    def returns(
        self, op: dict[str, Any], module: str, imports: set[tuple[str, str]]
    ) -> tuple[str, str]:
        kind = op["response"]
        if kind == "empty":
            return "None", ""
        if kind == "binary":
            return "bytes", ""
        tp = self.type_of(kind, module, imports)
        schema = unwrap(kind)
        if "$ref" in schema:
            return f"Response[{tp}]", class_name(ref_name(schema["$ref"]))
        items = unwrap(schema.get("items") or {})
        if schema.get("type") == "array" and "$ref" in items:
            return f"Response[{tp}]", f"[{class_name(ref_name(items['$ref']))}]"
        return f"Response[{tp}]", ""

    def summary(self, op: dict[str, Any]) -> str:
        words = snake(op["operationId"]).replace("_", " ")
        return words[0].upper() + words[1:]


def docstring(text: str, indent: int) -> str:
    """A one-line docstring, or a summary and a detail line when one line is too long."""
    pad = " " * indent
    if indent + len(text) + 6 <= 100:
        return f'{pad}"""{text}"""'
    summary, _, detail = text.partition(": ")
    return f'{pad}"""{summary}.\n\n{pad}{detail}\n{pad}"""'


def render(drafter: Drafter) -> dict[Path, str]:
    out: dict[Path, str] = {}
    for module in MODULE_ORDER:
        if module in drafter.owner.values():
            out[ROOT / "schematic" / "models" / f"{module}.py"] = drafter.models_module(module)
    for tag in TAG_ORDER:
        out[ROOT / "schematic" / "resources" / f"{tag}.py"] = drafter.resources_module(tag)
    out[ROOT / "schematic" / "models" / "_index.py"] = index_module(drafter)
    out[ROOT / "schematic" / "models" / "__init__.py"] = models_init(drafter)
    return out


def models_init(drafter: Drafter) -> str:
    by_module: dict[str, list[str]] = defaultdict(list)
    for name, module in drafter.owner.items():
        by_module[module].append(class_name(name))
    imports = "".join(
        f"    from .{module} import {', '.join(sorted(names))}\n"
        for module, names in sorted(by_module.items())
    )
    names = "".join(
        f'    "{n}",\n' for n in sorted([*map(class_name, drafter.owner), "Model", "Response"])
    )
    return f'''"""Every request and response model of the API, imported on first use.

``from schematic.models import CompanyDetailResponseData`` (or ``from schematic import ...``)
loads only the module that defines the model, so importing the SDK stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._base import Model, Response
from ._index import MODEL_MODULES

if TYPE_CHECKING:
{imports}

def __getattr__(name: str) -> Any:
    if name not in MODEL_MODULES:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    value = getattr(importlib.import_module(f"{{__name__}}.{{MODEL_MODULES[name]}}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
{names}]
'''


def index_module(drafter: Drafter) -> str:
    rows = "".join(
        f'    "{class_name(n)}": "{m}",\n'
        for n, m in sorted(drafter.owner.items(), key=lambda kv: class_name(kv[0]))
    )
    return (
        '"""Which module of ``schematic.models`` defines each model, for lazy imports."""\n\n'
        f"MODEL_MODULES: dict[str, str] = {{\n{rows}}}\n"
    )


def ruff_format(files: dict[Path, str]) -> dict[Path, str]:
    formatted = {}
    for path, text in files.items():
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(path), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        fixed = subprocess.run(
            [
                sys.executable,
                "-m",
                "ruff",
                "check",
                "--fix",
                "--select",
                "I,F401",
                "--stdin-filename",
                str(path),
                "-",
            ],
            input=result.stdout,
            capture_output=True,
            text=True,
            check=False,  # exits 1 when it reports something it cannot fix; ruff check says what
            cwd=ROOT,
        )
        formatted[path] = fixed.stdout or result.stdout
    return formatted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files differ")
    args = parser.parse_args()
    drafter = Drafter(json.loads(EXTRACT.read_text()))
    files = ruff_format(render(drafter))
    stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path in stale:
        path.write_text(files[path])
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
