"""The official SDK's README (schematichq 1.0.4), example by example, against our SDK.

Each example is copied as published, with only its obvious typos fixed (``false`` and
``true``, the ``{timeout_in_seconds=20.0}`` pseudo-syntax, ``...`` placeholders, missing
imports) and ``httpx.Client`` replaced by ``requests.Session``, as our SDK uses requests.
They run against the fake server through ``SCHEMATIC_BASE_URL``, like the docs snippets.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
import requests

import schematic
from schematic.errors import ApiTimeoutError
from schematic.testing import FakeSchematic


@pytest.fixture(autouse=True)
def fake_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSchematic]:
    with FakeSchematic(api_key=None) as server:
        server.add_company({"id": "company_id"}, id="company_id", name="Acme")
        server.set_flag("some-flag-key", True, company={"id": "your-company-id"})
        monkeypatch.setenv("SCHEMATIC_API_KEY", "YOUR_API_KEY")
        monkeypatch.setenv("SCHEMATIC_BASE_URL", server.url)
        monkeypatch.setenv("SCHEMATIC_EVENT_CAPTURE_URL", server.url)
        yield server


def test_initialize_a_client(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")
    # The client is usable as built: it reaches the API with the key it was given.
    assert client.check_flag("some-flag-key", company={"id": "your-company-id"}) is True
    assert fake_api.requests[-1].header("X-Schematic-Api-Key") == "YOUR_API_KEY"
    client.shutdown()


def test_async_client(fake_api: FakeSchematic) -> None:
    from schematic.client import AsyncSchematic

    client = AsyncSchematic("YOUR_API_KEY")

    async def main() -> None:
        await client.companies.get_company(
            company_id="company_id",
        )

    asyncio.run(main())
    assert fake_api.requests[-1].path == "/companies/company_id"


def test_exception_handling(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")
    fake_api.companies.clear()
    with pytest.raises(schematic.core.ApiError):
        client.companies.get_company(company_id="company_id")
    try:
        client.companies.get_company(
            company_id="company_id",
        )
    except schematic.core.ApiError as e:  # Handle all errors
        assert e.status_code == 404
        assert e.body == {"error": "company not found"}


def test_sending_identify_events(fake_api: FakeSchematic) -> None:
    from schematic import EventBodyIdentifyCompany
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")

    client.identify(
        keys={
            "email": "wcoyote@acme.net",
            "user_id": "your-user-id",
        },
        company=EventBodyIdentifyCompany(
            keys={"id": "your-company-id"},
            name="Acme Widgets, Inc.",
            traits={
                "city": "Atlanta",
            },
        ),
        name="Wile E. Coyote",
        traits={
            "login_count": 24,
            "is_staff": False,
        },
    )
    client.shutdown()
    [event] = fake_api.identified()
    assert event["body"]["company"]["name"] == "Acme Widgets, Inc."


def test_sending_track_events(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")

    client.track(
        event="some-action",
        user={"user_id": "your-user-id"},
        company={"id": "your-company-id"},
    )
    client.shutdown()
    assert [e["body"]["event"] for e in fake_api.tracked()] == ["some-action"]


def test_creating_and_updating_companies(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")

    client.companies.upsert_company(
        keys={"id": "your-company-id"},
        name="Acme Widgets, Inc.",
        traits={
            "city": "Atlanta",
            "high_score": 25,
            "is_active": True,
        },
    )
    assert fake_api.requests[-1].body["traits"]["high_score"] == 25


def test_creating_and_updating_users(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")

    client.companies.upsert_user(
        keys={
            "email": "wcoyote@acme.net",
            "user_id": "your-user-id",
        },
        name="Wile E. Coyote",
        traits={
            "city": "Atlanta",
            "high_score": 25,
            "is_active": True,
        },
        company={"id": "your-company-id"},
    )
    assert fake_api.requests[-1].path == "/users"


def test_checking_flags() -> None:
    from schematic.client import Schematic

    client = Schematic("YOUR_API_KEY")

    assert client.check_flag(
        "some-flag-key",
        company={"id": "your-company-id"},
        user={"user_id": "your-user-id"},
    )


def test_flag_check_options() -> None:
    from schematic.client import LocalCache, Schematic, SchematicConfig

    cache_size = 100
    cache_ttl = 1000  # in milliseconds
    config = SchematicConfig(
        cache_providers=[LocalCache[bool](cache_size, cache_ttl)],
    )
    client = Schematic("YOUR_API_KEY", config)
    assert client.check_flag("some-flag-key", company={"id": "your-company-id"})


def test_disable_caching(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic, SchematicConfig

    config = SchematicConfig(cache_providers=[])
    client = Schematic("YOUR_API_KEY", config)
    client.check_flag("some-flag-key")
    client.check_flag("some-flag-key")
    assert len(fake_api.requests_to("/flags/")) == 2


def test_flag_defaults(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic, SchematicConfig

    config = SchematicConfig(flag_defaults={"some-flag-key": True})
    client = Schematic("YOUR_API_KEY", config)
    fake_api.add_fault("/flags/", status=500, times=None)
    assert client.check_flag("some-flag-key") is True


def test_offline_mode(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic, SchematicConfig

    config = SchematicConfig(offline=True)
    client = Schematic("", config)
    assert client.check_flag("some-flag-key") is False
    assert fake_api.requests == []


def test_offline_mode_with_flag_defaults() -> None:
    from schematic.client import Schematic, SchematicConfig

    config = SchematicConfig(
        flag_defaults={"some-flag-key": True},
        offline=True,
    )
    client = Schematic("", config)
    assert client.check_flag("some-flag-key") is True  # Returns True


def test_timeouts(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic(
        # All timeouts are 20 seconds
        timeout=20.0,
    )

    # Override timeout for a specific method
    response = client.companies.get_company(
        company_id="company_id", request_options={"timeout_in_seconds": 20.0}
    )
    assert response.data.name == "Acme"
    assert client._transport.timeout == 20.0
    # Both settings are applied, not only accepted: each cuts a slow answer short.
    fake_api.add_fault("/companies/company_id", delay=2.0, times=None)
    started = time.monotonic()
    with pytest.raises(ApiTimeoutError):
        client.companies.get_company(
            company_id="company_id",
            request_options={"timeout_in_seconds": 0.2, "max_retries": 0},
        )
    short = Schematic(timeout=0.2)
    with pytest.raises(ApiTimeoutError):
        short.companies.get_company(company_id="company_id", request_options={"max_retries": 0})
    assert time.monotonic() - started < 1.5
    short.shutdown()


def test_retries(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    client = Schematic()
    fake_api.add_fault("/companies/company_id", status=503, times=None)
    with pytest.raises(schematic.core.ApiError):
        client.companies.get_company(
            company_id="company_id",
            request_options={"max_retries": 1},  # Only retry once on failure
        )
    assert len(fake_api.requests_to("/companies/company_id")) == 2


def test_custom_http_client(fake_api: FakeSchematic) -> None:
    from schematic.client import Schematic

    seen: list[requests.Response] = []
    session = requests.Session()
    session.proxies = {"https": "http://my.test.proxy.example.com"}
    session.hooks["response"].append(lambda response, **_: seen.append(response))
    client = Schematic(http_client=session)
    client.companies.get_company(company_id="company_id")
    assert [r.status_code for r in seen] == [200]
