"""The pytest plugin's fixtures, as an app's test suite would use them."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_django_fixture_points_the_shared_client_at_the_server(
    schematic_django: FakeSchematic,
) -> None:
    from schematic.django import client

    schematic_django.set_flag("new-checkout", True, company={"id": "acme"})
    assert client.check_flag("new-checkout", company={"id": "acme"}) is True
    client.track("checkout-opened", company={"id": "acme"})
    assert client.flush(5) is True
    assert len(schematic_django.tracked("checkout-opened")) == 1


def test_loading_the_plugin_loads_neither_the_server_nor_django() -> None:
    # pytest imports the plugin in every run of every suite that has the SDK installed.
    code = (
        "import sys, json; import schematic.testing.pytest_plugin; "
        "loaded = sorted(m for m in sys.modules if m.startswith(('schematic.testing.', "
        "'schematic.django', 'django'))); "
        "from schematic.testing import FakeSchematic; "
        "print(json.dumps([loaded, FakeSchematic.__module__]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    )
    loaded, module = json.loads(done.stdout)
    assert loaded == ["schematic.testing.pytest_plugin"]
    assert module == "schematic.testing._server"
