"""Test your app against a local, scriptable Schematic: no account, no network.

``FakeSchematic`` serves the whole API on 127.0.0.1 (see its docstring), records every
request and event, and fails on cue. Point a client at it with ``server.client()``.
"""

from __future__ import annotations

from ._server import FakeSchematic, Fault, Recorded

__all__ = ["FakeSchematic", "Fault", "Recorded"]
