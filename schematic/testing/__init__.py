"""Test your app against a local, scriptable Schematic: no account, no network.

``FakeSchematic`` serves the whole API on 127.0.0.1 (see its docstring), records every
request and event, and fails on cue. Point a client at it with ``server.client()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._server import FakeSchematic, Fault, Recorded

__all__ = ["FakeSchematic", "Fault", "Recorded"]


def __getattr__(name: str) -> Any:
    # The server loads on first use, so that the pytest plugin, which pytest imports in
    # every run, does not load it for suites that never use it.
    if name in __all__:
        from . import _server

        value = getattr(_server, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
