"""pytest fixtures for apps that use Schematic, registered when the package is installed.

* ``schematic_server``: a running ``FakeSchematic`` for the test (stopped afterwards);
* ``schematic_client``: a ``Schematic`` client pointed at that server, with short waits,
  shut down after the test;
* ``schematic_offline``: an offline client that makes no requests; set the flag values a
  test needs with ``set_flag_default`` / ``set_flag_defaults``;
* ``schematic_django``: for a Django project, points ``schematic.django.client`` at
  ``schematic_server`` for the test, and returns the server.

Example::

    def test_new_editor(schematic_server, schematic_client):
        schematic_server.set_flag("new-editor", True, company={"id": "acme"})
        assert schematic_client.check_flag("new-editor", company={"id": "acme"})
        schematic_client.track("editor-opened", company={"id": "acme"})
        schematic_client.flush()
        assert len(schematic_server.tracked("editor-opened")) == 1

pytest imports this module in every run of every suite, so it imports neither the client
nor the server until a fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ..client import Schematic
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
    from ._server import FakeSchematic

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
    from ..client import Schematic, SchematicConfig

    client = Schematic(config=SchematicConfig(offline=True))
    yield client
    client.shutdown()


@pytest.fixture
def schematic_django(schematic_server: FakeSchematic) -> Iterator[FakeSchematic]:
    """``schematic.django.client`` pointed at ``schematic_server`` for the test.

    Views that did ``from schematic.django import client`` talk to the fake: set flags on
    the server this returns, and assert on what it received. Events are sent in the
    background: call ``client.flush()`` (or ``server.wait_for_events``) before asserting on
    them. Afterwards the previous client is back and the test's client is shut down.
    """
    from ..django import use_client

    client: Schematic = schematic_server.client(**FAST_SETTINGS)
    try:
        with use_client(client):
            yield schematic_server
    finally:
        client.shutdown(timeout=2)
