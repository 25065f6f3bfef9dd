"""The public surface: import paths of the official SDK and our declared exports."""

from __future__ import annotations

import importlib
import subprocess
import sys

import schematic
import schematic.client
import schematic.core

CORE_EXPORTS = {
    "ApiConnectionError", "ApiError", "ApiTimeoutError", "AsyncSchematic", "AsyncSchematicConfig",
    "BadRequestError", "CacheProvider", "CheckFlagOptions", "ConflictError", "DataStreamConfig",
    "ForbiddenError", "IdentifyOptions", "InternalServerError", "InvalidEventError", "LocalCache",
    "NotFoundError", "OfflineError",
    "ParsingError", "PaymentRequiredError", "RateLimitError", "RequestOptions", "Schematic",
    "SchematicConfig", "SchematicEnvironment",
    "SchematicError", "TrackOptions", "UnauthorizedError", "UnprocessableEntityError",
    "__version__", "core",
}  # fmt: skip


def test_all_is_pinned() -> None:
    models = set(schematic.models.__all__)
    assert set(schematic.__all__) == CORE_EXPORTS | models
    # 511 schemas, the titled inline one, 104 params, 263 named responses, 15 official
    # aliases, Model and Response
    assert len(models) == 896
    for name in schematic.__all__:
        assert getattr(schematic, name) is not None


def test_official_import_paths() -> None:
    from schematic import EventBodyIdentifyCompany
    from schematic.client import (
        CheckFlagOptions,
        IdentifyOptions,
        LocalCache,
        Schematic,
        SchematicConfig,
        TrackOptions,
    )
    from schematic.core import ApiError

    assert all([EventBodyIdentifyCompany, CheckFlagOptions, IdentifyOptions, LocalCache])
    assert all([Schematic, SchematicConfig, TrackOptions])
    assert issubclass(schematic.NotFoundError, ApiError)


def test_every_model_module_imports_and_every_name_resolves() -> None:
    for name, module in schematic.models.MODEL_MODULES.items():
        loaded = importlib.import_module(f"schematic.models.{module}")
        assert getattr(loaded, name) is getattr(schematic, name)


def test_every_namespace_loads() -> None:
    from schematic.resources._base import Resource

    client = schematic.client.Schematic("k")
    names = [
        n for n, v in vars(schematic.client.Schematic).items() if type(v).__name__ == "_Namespace"
    ]
    assert len(names) == 22
    for name in names:
        assert isinstance(getattr(client, name), Resource)


def test_importing_the_client_loads_no_model_module_and_no_asyncio() -> None:
    code = (
        "import sys, schematic.client; "
        "print(sorted(m for m in sys.modules if m.startswith('schematic.models.') "
        "and m != 'schematic.models._base' and m != 'schematic.models._index')); "
        "print('asyncio' in sys.modules, 'backoff' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "False False"]
