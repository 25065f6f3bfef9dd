"""Failures a developer sees without configuring logging, and messages that read whole.

Each scenario runs in a fresh interpreter, as logging's configuration is process-wide.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

HINT = "(shown once; configure logging, e.g. logging.basicConfig(), to see every message)"


@pytest.fixture
def refused() -> Iterator[str]:
    """An address that refuses connections: bound, never listening."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


def run(setup: str, base_url: str) -> list[str]:
    script = textwrap.dedent(
        f"""
        import logging
        {setup}
        from schematic.client import Schematic, SchematicConfig
        config = SchematicConfig(
            base_url={base_url!r}, flag_check_timeout=0.5, circuit_breaker_threshold=100
        )
        client = Schematic("sch_test_key", config)
        for _ in range(3):
            assert client.check_flag("beta", company={{"id": "acme"}}) is False
        client.track(5)
        client.track(6)
        client.shutdown(0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stderr.splitlines()


def test_the_first_failure_of_each_kind_shows_when_logging_is_not_configured(
    refused: str,
) -> None:
    lines = run("", refused)
    port = refused.rsplit(":", 1)[1]
    assert lines == [
        "schematic WARNING: flag check 'beta' failed: connection failed: connection refused "
        f"(127.0.0.1:{port}) {HINT}",
        "schematic ERROR: invalid argument: event must be a non-empty str, got 5 "
        f"(more like it are logged at DEBUG) {HINT}",
    ]


def test_a_configured_root_logger_decides_alone(refused: str) -> None:
    lines = run("logging.basicConfig(format='%(levelname)s %(name)s %(message)s')", refused)
    assert not any(HINT in line for line in lines)
    failed = [line for line in lines if line.startswith("WARNING schematic flag check")]
    assert len(failed) == 3  # every one, as the configuration asks
    assert any(line.startswith("ERROR schematic invalid argument") for line in lines)


def test_logging_set_up_for_other_loggers_only_still_shows_the_first(refused: str) -> None:
    # As Django's default LOGGING does: a handler on "django", none on the root logger.
    setup = "logging.getLogger('django').addHandler(logging.StreamHandler())"
    lines = run(setup, refused)
    assert len([line for line in lines if HINT in line]) == 2


def test_a_handler_on_the_schematic_logger_takes_over(refused: str) -> None:
    setup = (
        "import sys; h = logging.StreamHandler(sys.stderr); "
        "h.setFormatter(logging.Formatter('mine: %(message)s')); "
        "logging.getLogger('schematic').addHandler(h)"
    )
    lines = run(setup, refused)
    assert not any(HINT in line for line in lines)
    assert len([line for line in lines if line.startswith("mine: flag check")]) == 3


def test_connection_errors_read_whole(refused: str) -> None:
    from schematic.client import Schematic, SchematicConfig
    from schematic.errors import ApiConnectionError

    client = Schematic("sch_test_key", SchematicConfig(base_url=refused, max_retries=0))
    try:
        with pytest.raises(ApiConnectionError) as caught:
            client.companies.list_companies()
        port = refused.rsplit(":", 1)[1]
        assert str(caught.value) == f"connection failed: connection refused (127.0.0.1:{port})"
        unresolved = Schematic("sch_test_key", SchematicConfig(base_url="http://host.invalid"))
        with pytest.raises(ApiConnectionError, match=r"host name could not be resolved"):
            unresolved.request("GET", "/companies", request_options={"max_retries": 0})
        unresolved.shutdown(0)
    finally:
        client.shutdown(0)
