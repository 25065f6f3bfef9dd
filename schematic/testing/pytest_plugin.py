"""pytest fixtures for apps that use Schematic, registered when the package is installed.

* ``schematic_server``: a running ``FakeSchematic`` for the test (stopped afterwards);
* ``schematic_client``: a ``Schematic`` client pointed at that server, with short waits,
  shut down after the test;
* ``schematic_offline``: an offline client that makes no requests; set the flag values a
  test needs with ``set_flag_default`` / ``set_flag_defaults``.

Example::

    def test_new_editor(schematic_server, schematic_client):
        schematic_server.set_flag("new-editor", True, company={"id": "acme"})
        assert schematic_client.check_flag("new-editor", company={"id": "acme"})
        schematic_client.track("editor-opened", company={"id": "acme"})
        schematic_client.flush()
        assert len(schematic_server.tracked("editor-opened")) == 1
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..client import Schematic, SchematicConfig
from ._server import FakeSchematic

# Waits short enough that retries and periodic delivery take milliseconds in tests.
FAST_SETTINGS = {
    "event_buffer_period": 0.05,
    "retry_delay": 0.001,
    "event_retry_delay": 0.001,
}


@pytest.fixture
def schematic_server() -> Iterator[FakeSchematic]:
    """A fake Schematic API and event service on 127.0.0.1, for one test."""
    with FakeSchematic() as server:
        yield server


@pytest.fixture
def schematic_client(schematic_server: FakeSchematic) -> Iterator[Schematic]:
    """A client pointed at ``schematic_server``; shut down (events flushed) after the test."""
    client: Schematic = schematic_server.client(**FAST_SETTINGS)
    yield client
    client.shutdown(timeout=2)


@pytest.fixture
def schematic_offline() -> Iterator[Schematic]:
    """An offline client: no network; flags answer the defaults the test sets."""
    client = Schematic(config=SchematicConfig(offline=True))
    yield client
    client.shutdown()
