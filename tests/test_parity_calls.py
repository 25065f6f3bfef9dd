"""The official SDK's top-level calls and ``with_raw_response``, against the fake server."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest

from schematic.client import AsyncSchematic, Schematic, SchematicConfig
from schematic.errors import BadRequestError, NotFoundError
from schematic.resources._raw import RawResponse
from schematic.testing import FakeSchematic


def test_a_raw_response_carries_what_the_call_returns_with_status_and_headers(
    server: FakeSchematic, client: Schematic
) -> None:
    company_id = server.add_company({"id": "acme"}, name="Acme")
    raw = client.with_raw_response.companies.get_company(company_id)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["Content-Type"].startswith("application/json")
    plain = client.companies.get_company(company_id)
    assert raw.data == plain and raw.data.data.name == "Acme"
    assert client.companies.with_raw_response.get_company(company_id).data == plain


def test_raw_calls_raise_the_same_typed_errors(server: FakeSchematic, client: Schematic) -> None:
    with pytest.raises(NotFoundError):
        client.with_raw_response.companies.get_company("comp_missing")
    with pytest.raises(AttributeError, match="no namespace 'check_flag'"):
        client.with_raw_response.check_flag  # noqa: B018
    with pytest.raises(AttributeError, match="no operation 'nothing'"):
        client.companies.with_raw_response.nothing  # noqa: B018


def test_raw_views_are_safe_across_threads(server: FakeSchematic, client: Schematic) -> None:
    from concurrent.futures import ThreadPoolExecutor

    ids = [server.add_company({"id": f"c{n}"}, name=f"Company {n}") for n in range(8)]
    raw = client.companies.with_raw_response
    with ThreadPoolExecutor(8) as pool:
        names = list(pool.map(lambda i: raw.get_company(i).data.data.name, ids * 4))
    assert names == [f"Company {n}" for n in range(8)] * 4


def test_the_top_level_calls_send_their_method_and_path(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client()
    calls = [
        (lambda: client.delete_api_keys_api_key_id("key_1"), "DELETE", "/api-keys/key_1"),
        (
            lambda: client.delete_environments_environment_id("env 1"),
            "DELETE",
            "/environments/env%201",
        ),
        (client.post_api_keys, "POST", "/api-keys"),
        (client.post_environments, "POST", "/environments"),
        (lambda: client.put_api_keys_api_key_id("key_1"), "PUT", "/api-keys/key_1"),
        (lambda: client.put_environments_environment_id("env_1"), "PUT", "/environments/env_1"),
    ]
    for call, method, path in calls:
        # The contract may want a body, or the fake may know no such key: it was sent.
        with contextlib.suppress(BadRequestError, NotFoundError):
            assert call() is None
        sent = server.requests[-1]
        assert (sent.method, sent.path) == (method, path)
    with pytest.raises(ValueError, match="api_key_id"):
        client.put_api_keys_api_key_id("..")


def test_the_async_client_has_them_too(server: FakeSchematic) -> None:
    company_id = server.add_company({"id": "acme"}, name="Acme")

    async def main() -> None:
        config = SchematicConfig(base_url=server.url, event_capture_url=server.url)
        async with AsyncSchematic(server.api_key, config) as client:
            raw = await client.with_raw_response.companies.get_company(company_id)
            assert raw.status_code == 200 and raw.data.data.name == "Acme"
            with contextlib.suppress(NotFoundError):
                assert await client.delete_environments_environment_id("env_missing") is None

    asyncio.run(main())
    assert server.requests[-1].path == "/environments/env_missing"
