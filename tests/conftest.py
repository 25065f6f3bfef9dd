"""Shared fixtures: a fake Schematic server per test and a client tuned for fast tests.

The DataStream tests also get a fake stream server, clients that use it, and an address
that refuses connections.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from schematic.client import Schematic
from schematic.testing import FakeSchematic

if TYPE_CHECKING:
    from datastream_server import FakeDataStream

# Short waits so that retries and periodic flushes take milliseconds, not seconds.
FAST = {
    "event_buffer_period": 0.05,
    "retry_delay": 0.001,
    "event_retry_delay": 0.001,
    "shutdown_timeout": 2.0,
}


@pytest.fixture
def server(schematic_server: FakeSchematic) -> FakeSchematic:
    """The fake server, from the package's own pytest plugin."""
    return schematic_server


@pytest.fixture
def make_client(server: FakeSchematic) -> Iterator[Any]:
    """Build clients against ``server``; every one is shut down after the test."""
    clients: list[Schematic] = []

    def make(**config: Any) -> Schematic:
        client: Schematic = server.client(**{**FAST, **config})
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.shutdown(timeout=1)


@pytest.fixture
def client(make_client: Any) -> Schematic:
    built: Schematic = make_client()
    return built


@pytest.fixture
def stream() -> Iterator[FakeDataStream]:
    """A DataStream server on 127.0.0.1 (see tests/datastream_server.py)."""
    from datastream_server import FakeDataStream

    with FakeDataStream() as fake:
        yield fake


@pytest.fixture
def local(make_client: Any, stream: FakeDataStream) -> Any:
    """Build clients that use ``stream``; keyword arguments go to their DataStreamConfig."""
    from datastream_server import FAST

    from schematic import DataStreamConfig

    def make(**options: Any) -> Schematic:
        config = DataStreamConfig(**{"url": stream.url, **FAST, **options})
        client: Schematic = make_client(use_datastream=True, datastream=config)
        return client

    return make


@pytest.fixture
def dead_url() -> Iterator[str]:
    """A WebSocket address that refuses connections: bound, never listening.

    Holding the port keeps the kernel from handing it out as the client's own source port,
    which would let a connection to a closed port reach itself.
    """
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"ws://127.0.0.1:{held.getsockname()[1]}/datastream"
