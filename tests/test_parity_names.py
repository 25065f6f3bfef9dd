"""The official SDK's public names import from the same place here.

``tests/data/official-1.4.6-names.json`` lists, per module, the ``__all__`` of the official
1.4.6 wheel: ``schematic``, ``schematic.types`` and each API namespace package. Each name is
a ``model`` (a model, or an operation's named response or params class), a ``module`` (a
namespace package) or ``lead`` (a client class, an error or another non-model name).
``tests/data/unsupported-official-names.json`` lists the names our API spec has nothing for,
with the reason. Every official name either imports here or is listed there, never both, so
neither list can rot.

The operations' named responses are real subclasses of ``Response``: the resource methods
parse into them and say so in their annotations.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import json
import re
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import FAST

import schematic
import schematic.models
import schematic.webhooks
from schematic.client import AsyncSchematic, Schematic, SchematicConfig
from schematic.models import (
    CompanyDetailResponseData,
    GetCompanyResponse,
    ListCompaniesParams,
    ListCompaniesResponse,
    Model,
    Response,
)
from schematic.models._base import data_type
from schematic.models._index import MODEL_MODULES, NAMESPACE_MODELS
from schematic.testing import FakeSchematic
from schematic.testing._spec import spec

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
OFFICIAL: dict[str, dict[str, list[str]]] = json.loads(
    (DATA / "official-1.4.6-names.json").read_text()
)["modules"]
UNSUPPORTED: dict[str, str] = json.loads((DATA / "unsupported-official-names.json").read_text())[
    "names"
]


def imports(module: str, name: str) -> bool:
    """True when ``from <module> import <name>`` works."""
    try:
        exec(f"from {module} import {name}", {})
    except ImportError:
        return False
    return True


def names_of(category: str) -> list[tuple[str, str]]:
    """(module, name) of every official name of a category, in file order."""
    return [(m, n) for m, cats in OFFICIAL.items() for n in cats.get(category, [])]


def missing_report(missing: list[tuple[str, str]]) -> str:
    by_module: dict[str, list[str]] = {}
    for module, name in missing:
        by_module.setdefault(module, []).append(name)
    return "; ".join(f"from {m}: {', '.join(ns)}" for m, ns in by_module.items())


# -- the data files ---------------------------------------------------------------------------
def test_the_official_list_covers_the_modules_it_should() -> None:
    assert set(OFFICIAL) == {"schematic", "schematic.types"} | {
        f"schematic.{ns}" for ns in NAMESPACE_MODELS
    }
    assert len(OFFICIAL["schematic"]["model"]) == 980
    assert sorted(OFFICIAL["schematic"]["module"]) == sorted(NAMESPACE_MODELS)
    for module, categories in OFFICIAL.items():
        assert set(categories) <= {"model", "module", "lead"}, module
        assert module == "schematic" or set(categories) == {"model"}, module


def test_unsupported_names_are_official_and_give_a_reason() -> None:
    official = {n for _, n in names_of("model")}
    assert sorted(set(UNSUPPORTED) - official) == [], "listed as unsupported but not official"
    for name, reason in UNSUPPORTED.items():
        assert "not in our API spec" in reason, name


def test_unsupported_names_do_not_import() -> None:
    """A name listed as unsupported that imports now belongs off the list."""
    both = [(m, n) for m, n in names_of("model") if n in UNSUPPORTED and imports(m, n)]
    assert both == [], f"remove from unsupported-official-names.json: {missing_report(both)}"


# -- the names import ---------------------------------------------------------------------------
def test_every_supported_official_model_name_imports_from_the_same_module() -> None:
    missing = [(m, n) for m, n in names_of("model") if n not in UNSUPPORTED and not imports(m, n)]
    assert missing == [], f"official names that do not import: {missing_report(missing)}"


def test_every_official_namespace_package_imports() -> None:
    for module, name in names_of("module"):
        assert imports(module, name), f"from {module} import {name}"
        assert getattr(schematic, name) is importlib.import_module(f"schematic.{name}")


# httpx clients preset with the official SDK's defaults: this SDK sends with requests, and
# takes a requests.Session as http_client; the migration page says so.
HTTPX_ONLY = {"DefaultAioHttpClient", "DefaultAsyncHttpxClient"}


def test_every_official_non_model_name_imports_from_the_top_level() -> None:
    """The lead's names: clients, errors, caches; expected here, exported by schematic/."""
    lead = names_of("lead")
    missing = [(m, n) for m, n in lead if n not in HTTPX_ONLY and not imports(m, n)]
    assert missing == [], f"the lead's names that do not import yet: {missing_report(missing)}"
    assert {n for _, n in lead} >= HTTPX_ONLY
    assert not any(imports("schematic", n) for n in HTTPX_ONLY)


def test_names_are_the_same_objects_everywhere() -> None:
    types_module = importlib.import_module("schematic.types")
    for name in MODEL_MODULES:
        model = getattr(schematic.models, name)
        assert getattr(types_module, name) is model, name
        assert getattr(schematic, name) is model, name
    assert types_module.ApiError is schematic.models.ApiErrorBody  # the body, as officially
    assert schematic.ApiError is schematic.errors.ApiError  # the exception class


# -- the namespace packages -----------------------------------------------------------------------
@pytest.mark.parametrize("namespace", sorted(NAMESPACE_MODELS))
def test_namespace_exports_its_named_responses_and_params_only(namespace: str) -> None:
    names = NAMESPACE_MODELS[namespace]
    module = importlib.import_module(f"schematic.{namespace}")
    for name in names:
        assert name.endswith(("Response", "Params")), name
        assert MODEL_MODULES[name] == namespace, name
        assert getattr(module, name) is getattr(schematic.models, name), name
    official = set(OFFICIAL[f"schematic.{namespace}"]["model"])
    assert official - set(UNSUPPORTED) <= set(names)  # and operations the official SDK lacks
    if namespace == "webhooks":  # the webhook helpers' module: their __all__ is unchanged
        assert "verify_webhook_signature" in module.__all__
        assert set(names) <= set(dir(module))
    else:
        assert module.__all__ == list(names)
        assert sorted(dir(module)) == sorted(names)
    with pytest.raises(AttributeError):
        module.Schematic  # noqa: B018  the namespaces hold models, none of the client
    with pytest.raises(ImportError):
        exec(f"from schematic.{namespace} import Model", {})


def test_webhooks_module_declares_its_models_for_type_checkers() -> None:
    """``schematic/webhooks.py`` is written by hand: its TYPE_CHECKING import keeps up."""
    tree = ast.parse((ROOT / "schematic" / "webhooks.py").read_text())
    declared = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "models.webhooks"
        for alias in node.names
    ]
    assert declared == list(NAMESPACE_MODELS["webhooks"])
    assert schematic.webhooks.verify_signature.__module__ == "schematic.webhooks"


def test_importing_schematic_loads_no_model_module() -> None:
    code = (
        "import sys, schematic, schematic.types, schematic.companies, schematic.webhooks\n"
        "print(sorted(m for m in sys.modules if m.startswith('schematic.models')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert json.loads(out.replace("'", '"')) == [
        "schematic.models",
        "schematic.models._base",
        "schematic.models._index",
    ]


# -- the named responses ---------------------------------------------------------------------------
def operations() -> list[dict[str, Any]]:
    return [op for op in spec()["operations"] if (op.get("envelope") or {}).get("title")]


def snake(name: str) -> str:
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def test_every_titled_operation_returns_its_named_response() -> None:
    ops = operations()
    assert len(ops) == 263
    for op in ops:
        title = op["envelope"]["title"]
        named = getattr(schematic.models, title)
        assert issubclass(named, Response) and named is not Response, title
        resources = importlib.import_module(f"schematic.resources.{op['tag']}")
        resource = getattr(resources, f"{op['tag'].capitalize()}Resource")
        method = getattr(resource, snake(op["operationId"]))
        assert typing.get_type_hints(method, None, {})["return"] is named, title
        assert named.__doc__ and snake(op["operationId"]) in named.__doc__
        data_type(named)  # its data type resolves


def test_titled_params_are_models_of_the_namespace() -> None:
    for op in operations():
        params = op["envelope"].get("params") or {}
        title = params.get("title")
        if not params.get("properties") or title not in MODEL_MODULES:
            continue
        model = getattr(schematic.models, title)
        assert issubclass(model, Model) and MODEL_MODULES[title] == op["tag"], title
        assert {f.metadata.get("wire", f.name) for f in _fields(model)} == set(params["properties"])


def _fields(model: type[Model]) -> tuple[Any, ...]:
    import dataclasses

    return dataclasses.fields(model)  # type: ignore[arg-type]


def test_a_call_returns_the_named_response(server: FakeSchematic, client: Schematic) -> None:
    created = client.companies.upsert_company(keys={"id": "acme"}, name="Acme")
    got = client.companies.get_company(created.data.id)
    assert type(got) is GetCompanyResponse
    assert isinstance(got, Response) and isinstance(got.data, CompanyDetailResponseData)
    assert got.to_dict()["data"]["name"] == "Acme"
    listed = client.companies.list_companies(limit=10)
    assert type(listed) is ListCompaniesResponse
    assert [c.id for c in listed.data] == [created.data.id]
    assert isinstance(listed.params, dict)  # params stay a dict, as before
    echoed = ListCompaniesParams.from_dict(listed.params)  # and read as the params model
    assert echoed.limit == listed.params.get("limit")
    assert type(client.companies.count_companies()).__name__ == "CountCompaniesResponse"
    raw = client.companies.with_raw_response.get_company(created.data.id)
    assert type(raw.data) is GetCompanyResponse


def test_an_async_call_returns_the_named_response(server: FakeSchematic) -> None:
    settings = {"base_url": server.url, "event_capture_url": server.url, **FAST}
    client = AsyncSchematic(server.api_key, SchematicConfig(**settings))

    async def main() -> Response[Any]:
        async with client:
            created = await client.companies.upsert_company(keys={"id": "acme"}, name="Acme")
            return await client.companies.get_company(created.data.id)

    got = asyncio.run(main())
    assert type(got) is GetCompanyResponse
    twin = importlib.import_module("schematic.resources._async.companies")
    method = twin.AsyncCompaniesResource.get_company
    assert inspect.signature(method).return_annotation == "GetCompanyResponse"


def test_the_migration_page_lists_every_unsupported_name() -> None:
    page = (DATA.parent.parent / "docs" / "migrating.md").read_text()
    section = page[page.index("## The official 1.4.6 release") : page.index("## Method by method")]
    listed = set(re.findall(r"`(\w+)`", section.split("has nothing for", 1)[1]))
    assert listed == set(UNSUPPORTED)
    assert f"({len(UNSUPPORTED)})" in section
