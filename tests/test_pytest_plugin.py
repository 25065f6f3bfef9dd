"""The pytest plugin's fixtures, as an app's test suite would use them."""

from __future__ import annotations

from schematic.client import Schematic
from schematic.testing import FakeSchematic


def test_server_and_client_fixtures(
    schematic_server: FakeSchematic, schematic_client: Schematic
) -> None:
    schematic_server.set_flag("new-editor", True, company={"id": "acme"})
    assert schematic_client.check_flag("new-editor", company={"id": "acme"}) is True
    assert schematic_client.check_flag("new-editor", company={"id": "globex"}) is False
    schematic_client.track("editor-opened", company={"id": "acme"})
    assert schematic_client.flush(5) is True
    assert len(schematic_server.tracked("editor-opened")) == 1


def test_offline_fixture_answers_the_defaults_a_test_sets(
    schematic_offline: Schematic, schematic_server: FakeSchematic
) -> None:
    assert schematic_offline.check_flag("beta") is False
    schematic_offline.set_flag_defaults({"beta": True})
    assert schematic_offline.check_flag("beta") is True
    schematic_offline.track("ignored")
    assert schematic_server.requests == []


def test_the_plugin_is_registered_by_the_package(pytestconfig: object) -> None:
    plugins = [name for name, _ in pytestconfig.pluginmanager.list_name_plugin()]  # type: ignore[attr-defined]
    assert "schematic" in plugins
