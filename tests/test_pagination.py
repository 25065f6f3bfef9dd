"""``iter_*`` methods: every item of a list operation, fetched lazily a page at a time."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from schematic import CompanyDetailResponseData, InternalServerError
from schematic.client import Schematic, SchematicConfig
from schematic.testing import FakeSchematic


def add_companies(server: FakeSchematic, count: int) -> list[str]:
    return [server.add_company({"id": f"acme-{n}"}, name=f"Acme {n}") for n in range(count)]


def pages_requested(server: FakeSchematic) -> list[tuple[str, str]]:
    return [
        (dict(r.query)["limit"], dict(r.query)["offset"])
        for r in server.requests_to("/companies", "GET")
    ]


def test_yields_every_company_once_in_order(server: FakeSchematic, client: Schematic) -> None:
    ids = add_companies(server, 530)
    companies = list(client.companies.iter_companies())
    assert all(isinstance(c, CompanyDetailResponseData) for c in companies)
    assert [c.id for c in companies] == ids
    assert pages_requested(server) == [("100", str(offset)) for offset in range(0, 600, 100)]


def test_page_size_sets_the_limit(server: FakeSchematic, client: Schematic) -> None:
    ids = add_companies(server, 260)
    assert [c.id for c in client.companies.iter_companies(page_size=250)] == ids
    assert pages_requested(server) == [("250", "0"), ("250", "250")]


def test_a_full_last_page_costs_one_empty_request(server: FakeSchematic, client: Schematic) -> None:
    add_companies(server, 4)
    assert len(list(client.companies.iter_companies(page_size=2))) == 4
    assert pages_requested(server) == [("2", "0"), ("2", "2"), ("2", "4")]


def test_pages_are_fetched_only_as_consumed(server: FakeSchematic, client: Schematic) -> None:
    ids = add_companies(server, 53)
    companies = client.companies.iter_companies(page_size=10)
    assert pages_requested(server) == []
    assert next(companies).id == ids[0]
    assert pages_requested(server) == [("10", "0")]
    rest = list(itertools.islice(companies, 24))
    assert [c.id for c in rest] == ids[1:25]
    assert pages_requested(server) == [("10", "0"), ("10", "10"), ("10", "20")]


def test_filters_and_options_go_with_every_page(server: FakeSchematic, client: Schematic) -> None:
    add_companies(server, 5)
    companies = client.companies.iter_companies(
        ids=["a", "b"],
        without_plan=False,
        page_size=2,
        request_options={"additional_headers": {"X-Trace": "t1"}},
    )
    assert len(list(companies)) == 5
    requests = server.requests_to("/companies", "GET")
    assert len(requests) == 3
    for offset, request in zip(("0", "2", "4"), requests, strict=True):
        assert request.query == [
            ("ids", "a"),
            ("ids", "b"),
            ("without_plan", "false"),
            ("limit", "2"),
            ("offset", offset),
        ]
        assert request.header("X-Trace") == "t1"


def test_users_page_the_same_way(server: FakeSchematic, client: Schematic) -> None:
    ids = [server.add_user({"email": f"u{n}@acme.net"}) for n in range(7)]
    assert [u.id for u in client.companies.iter_users(page_size=3)] == ids
    assert len(server.requests_to("/users", "GET")) == 3


@pytest.mark.parametrize(
    ("page_size", "error"),
    [(0, ValueError), (251, ValueError), (True, TypeError), ("9", TypeError)],
)
def test_page_size_is_checked_before_any_request(
    server: FakeSchematic, client: Schematic, page_size: Any, error: type[Exception]
) -> None:
    with pytest.raises(error, match="page_size"):
        client.companies.iter_companies(page_size=page_size)
    assert server.requests == []


def test_an_error_stops_the_iteration_where_it_happened(
    server: FakeSchematic, make_client: Any
) -> None:
    client = make_client(max_retries=0)
    add_companies(server, 5)
    companies = client.companies.iter_companies(page_size=2)
    assert len([next(companies), next(companies)]) == 2
    server.add_fault("/companies", status=500)
    with pytest.raises(InternalServerError):
        next(companies)


def test_async_pagers_iterate_off_the_event_loop(server: FakeSchematic) -> None:
    from schematic.client import AsyncSchematic

    ids = add_companies(server, 5)

    async def main() -> list[str]:
        async with AsyncSchematic(server.api_key, SchematicConfig(base_url=server.url)) as client:
            with pytest.raises(ValueError, match="page_size"):
                client.companies.iter_companies(page_size=0)
            return [c.id async for c in client.companies.iter_companies(page_size=2)]

    assert asyncio.run(main()) == ids
    assert pages_requested(server) == [("2", "0"), ("2", "2"), ("2", "4")]
