"""A WSGI app for the DataStream gunicorn --preload test: the stream is open before the fork.

The master builds the client and opens its stream (a live socket and thread when gunicorn
forks); each worker must then open a stream of its own and answer checks locally.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from typing import Any

from schematic import DataStreamConfig, Schematic, SchematicConfig

config = DataStreamConfig(url=os.environ["SCHEMATIC_DATASTREAM_URL"])
client = Schematic(config=SchematicConfig(use_datastream=True, datastream=config))
client.initialize()
assert client._datastream is not None and client._datastream.session.wait_for_flags(10)


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    datastream = client._datastream
    assert datastream is not None
    client.initialize()  # a worker's own stream; opening it here keeps the check deterministic
    datastream.session.wait_for_flags(10)
    result = client.check_flag_with_entitlement("api", company={"id": "acme"})
    body = {"pid": os.getpid(), "rule_id": result.rule_id, "reason": result.reason}
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]
