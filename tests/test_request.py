"""``Schematic.request``: any API call, with the resource methods' retries, errors and options."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import quote

import pytest

from schematic import InternalServerError, NotFoundError, OfflineError
from schematic.client import Schematic, SchematicConfig
from schematic.models import Response
from schematic.resources._base import Resource
from schematic.testing import FakeSchematic


def test_a_known_route_answers_plain_json(server: FakeSchematic, client: Schematic) -> None:
    server.add_company({"id": "acme"}, name="Acme")
    response = client.request(
        "get", "/companies", query={"ids": ["a", "b"], "without_plan": False, "limit": 10}
    )
    assert isinstance(response, Response)
    assert [company["name"] for company in response.data] == ["Acme"]
    assert response.params["limit"] == "10"
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("GET", "/companies")
    assert sent.query == [("ids", "a"), ("ids", "b"), ("without_plan", "false"), ("limit", "10")]
    assert sent.header("X-Schematic-Api-Key") == server.api_key


def test_maps_in_the_query_use_brackets(server: FakeSchematic, client: Schematic) -> None:
    server.add_company({"domain": "acme.com"}, name="Acme")
    response = client.request("GET", "/companies/lookup", query={"keys": {"domain": "acme.com"}})
    assert response.data["name"] == "Acme"
    assert server.requests[-1].query == [("keys[domain]", "acme.com")]


def test_the_body_is_sent_as_given(server: FakeSchematic, client: Schematic) -> None:
    response = client.request(
        "POST",
        "/companies",
        body={"keys": {"id": "acme"}, "name": "Acme", "last_seen_at": None},
        request_options={"additional_headers": {"X-Trace": "t1"}},
    )
    assert response.data["name"] == "Acme"
    sent = server.requests[-1]
    assert json.loads(sent.raw) == {"keys": {"id": "acme"}, "name": "Acme", "last_seen_at": None}
    assert sent.header("Content-Type") == "application/json"
    assert sent.header("X-Trace") == "t1"


def test_ids_quoted_by_the_caller_stay_quoted(server: FakeSchematic, client: Schematic) -> None:
    company = "a/b?c"
    with pytest.raises(NotFoundError):
        client.request("GET", f"/companies/{quote(company, safe='')}")
    with pytest.raises(NotFoundError):
        client.request("GET", Resource._path("/companies/{company_id}", company_id=company))
    assert [r.path for r in server.requests] == ["/companies/a%2Fb%3Fc"] * 2


def test_an_unknown_route_raises_not_found(server: FakeSchematic, client: Schematic) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.request("GET", "/no-such-thing")
    assert caught.value.status_code == 404
    assert caught.value.body == {"error": "no route for GET /no-such-thing"}


def test_retries_like_resource_methods(server: FakeSchematic, make_client: Any) -> None:
    client = make_client()
    server.add_fault("/companies", status=503, times=2)
    assert client.request("GET", "/companies").data == []
    assert len(server.requests_to("/companies")) == 3

    server.add_fault("/companies/count", status=503, times=None)
    with pytest.raises(InternalServerError):
        client.request("GET", "/companies/count", request_options={"max_retries": 0})
    assert len(server.requests_to("/companies/count")) == 1


def test_post_is_not_retried_once_the_server_may_have_acted(
    server: FakeSchematic, client: Schematic
) -> None:
    server.add_fault("/companies/create", status=500)
    with pytest.raises(InternalServerError):
        client.request("POST", "/companies/create", body={"keys": {"id": "acme"}})
    assert len(server.requests_to("/companies/create")) == 1
    server.add_fault("/companies/create", status=503)
    assert client.request("POST", "/companies/create", body={"keys": {"id": "acme"}}).data["id"]
    assert len(server.requests_to("/companies/create")) == 3


def test_empty_and_file_answers() -> None:
    with FakeSchematic(stateful=False) as fake:
        client = fake.client()
        try:
            empty = client.request("POST", "/catalogs/cat_1/plans/plan_1")
            assert empty.data is None and fake.requests[-1].status == 204
            artifact = client.request("GET", "/data-exports/exp_1/artifact")
            assert artifact.data == b"id,name\ncomp_1,Acme\n"
        finally:
            client.shutdown(timeout=1)


@pytest.mark.parametrize(
    ("method", "path"),
    [("TRACE", "/companies"), ("GET", "https://elsewhere.example/companies"), (7, "/companies")],
)
def test_bad_arguments_raise_before_any_request(
    server: FakeSchematic, client: Schematic, method: Any, path: str
) -> None:
    with pytest.raises(ValueError):
        client.request(method, path)
    assert server.requests == []


def test_offline_sends_nothing(server: FakeSchematic) -> None:
    client = Schematic("", SchematicConfig(offline=True))
    with pytest.raises(OfflineError):
        client.request("GET", "/companies")
    assert server.requests == []


def test_async_request(server: FakeSchematic) -> None:
    from schematic.client import AsyncSchematic

    server.add_company({"id": "acme"}, name="Acme")

    async def main() -> Any:
        async with AsyncSchematic(server.api_key, SchematicConfig(base_url=server.url)) as client:
            return (await client.request("GET", "/companies/count")).data

    assert asyncio.run(main()) == {"count": 1}
