"""A WSGI app for the gunicorn --preload test: one client made before the fork."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from schematic.client import Schematic, SchematicConfig

# Built in the gunicorn master (--preload); every worker inherits it through fork.
client = Schematic(config=SchematicConfig(event_buffer_period=60))
client.track("boot", company={"id": "acme"})  # queued in the master before workers exist


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    client.track("request", company={"id": "acme"}, traits={"pid": os.getpid()})
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
