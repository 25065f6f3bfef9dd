"""Client construction: the API key, settings checks, logging and the HTTP session."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import requests

from schematic.client import Schematic, SchematicConfig
from schematic.testing import FakeSchematic


def test_key_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, server: FakeSchematic
) -> None:
    monkeypatch.setenv("SCHEMATIC_API_KEY", server.api_key or "")
    monkeypatch.setenv("SCHEMATIC_BASE_URL", server.url)
    server.set_flag("beta", True)
    client = Schematic()
    assert client.check_flag("beta") is True
    assert server.requests[-1].header("X-Schematic-Api-Key") == server.api_key


def test_a_missing_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCHEMATIC_API_KEY", raising=False)
    with pytest.raises(ValueError, match="api_key is required"):
        Schematic()
    assert Schematic(config=SchematicConfig(offline=True)).check_flag("x") is False


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"timeout": 0}, "timeout"),
        ({"event_buffer_period": -1}, "event_buffer_period"),
        ({"flag_check_timeout": "3"}, "flag_check_timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"event_queue_size": 0}, "event_queue_size"),
        ({"flag_defaults": ["a"]}, "flag_defaults"),
        ({"cache_providers": "none"}, "cache_providers"),
        ({"circuit_breaker_threshold": 0}, "circuit_breaker_threshold"),
        ({"shutdown_timeout": -1}, "shutdown_timeout"),
    ],
)
def test_bad_settings_name_the_field(settings: dict[str, Any], message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        SchematicConfig(**settings)


def test_only_a_requests_session_is_accepted_as_http_client() -> None:
    class NotASession:
        pass

    with pytest.raises(TypeError, match=r"requests\.Session"):
        Schematic("k", http_client=NotASession())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"requests\.Session"):
        Schematic("k", SchematicConfig(httpx_client=NotASession()))
    session = requests.Session()
    assert Schematic("k", SchematicConfig(http_client=session))._transport.session is session


def test_client_timeout_argument_wins_over_config() -> None:
    client = Schematic("k", SchematicConfig(timeout=5), timeout=20)
    assert client._transport.timeout == 20


def test_a_custom_logger_gets_the_messages_and_keeps_its_level(
    server: FakeSchematic, caplog: Any
) -> None:
    logger = logging.getLogger("my-app.schematic")
    logger.setLevel(logging.WARNING)
    client = server.client(logger=logger, log_level="DEBUG", max_retries=0)
    server.add_fault("/flags/", status=500)
    with caplog.at_level(logging.WARNING, logger="my-app.schematic"):
        client.check_flag("beta")
    assert logger.level == logging.WARNING
    assert any(r.name == "my-app.schematic" and "beta" in r.getMessage() for r in caplog.records)
    client.shutdown()


def test_repr_shows_settings_but_never_the_key() -> None:
    client = Schematic("sch_live_secret", SchematicConfig(base_url="https://example.test"))
    assert repr(client) == "Schematic(base_url='https://example.test', offline=False)"
    assert "secret" not in repr(client._transport)
