"""Shared fixtures: a fake Schematic server per test and a client tuned for fast tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from schematic.client import Schematic
from schematic.testing import FakeSchematic

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
