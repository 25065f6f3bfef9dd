"""Schematic: feature flags, entitlements and usage metering for Python apps.

Example::

    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")
    if client.check_flag("some-flag-key", company={"id": "your-company-id"}):
        ...

Every API model (``from schematic import EventBodyIdentifyCompany``) is importable from
here too; models load on first use, so importing the package stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _logging
from . import models as _models
from .environment import SchematicEnvironment
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    InternalServerError,
    InvalidEventError,
    NotFoundError,
    OfflineError,
    ParsingError,
    PaymentRequiredError,
    RateLimitError,
    SchematicError,
    UnauthorizedError,
    UnprocessableEntityError,
)
from .models._index import MODEL_MODULES
from .version import __version__

if TYPE_CHECKING:
    from . import core
    from ._async import AsyncSchematic, AsyncSchematicConfig
    from .cache import CacheProvider, LocalCache
    from .client import (
        CheckFlagOptions,
        DataStreamConfig,
        IdentifyOptions,
        Schematic,
        SchematicConfig,
        TrackOptions,
    )
    from .models import *  # noqa: F403
    from .resources._base import RequestOptions

# Loaded on first use, so that importing the package (as pytest does in every run, for
# the plugin in schematic.testing) loads neither the client nor requests.
_LAZY = {
    "CacheProvider": "cache",
    "CheckFlagOptions": "client",
    "DataStreamConfig": "client",
    "IdentifyOptions": "client",
    "LocalCache": "cache",
    "RequestOptions": "resources._base",
    "Schematic": "client",
    "SchematicConfig": "client",
    "TrackOptions": "client",
    "core": "core",
}

_logging.install()  # silent once logging is configured; see _logging


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        value = module if name == "core" else getattr(module, name)
        globals()[name] = value
        return value
    if name in ("AsyncSchematic", "AsyncSchematicConfig"):
        from . import _async

        return getattr(_async, name)
    if name in MODEL_MODULES or name in ("Model", "Response"):
        value = getattr(_models, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AsyncSchematic",
    "AsyncSchematicConfig",
    "BadRequestError",
    "CacheProvider",
    "CheckFlagOptions",
    "ConflictError",
    "DataStreamConfig",
    "ForbiddenError",
    "IdentifyOptions",
    "InternalServerError",
    "InvalidEventError",
    "LocalCache",
    "NotFoundError",
    "OfflineError",
    "ParsingError",
    "PaymentRequiredError",
    "RateLimitError",
    "RequestOptions",
    "Schematic",
    "SchematicConfig",
    "SchematicEnvironment",
    "SchematicError",
    "TrackOptions",
    "UnauthorizedError",
    "UnprocessableEntityError",
    "__version__",
    "core",
]
__all__ += _models.__all__
