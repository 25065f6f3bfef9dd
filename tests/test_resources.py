"""Resource methods: companies, users, traits, memberships, flag endpoints; errors and options."""

from __future__ import annotations

import time
from typing import Any

import pytest

import schematic
from schematic import (
    ApiConnectionError,
    ApiError,
    BadRequestError,
    CompanyDetailResponseData,
    ConflictError,
    ForbiddenError,
    InternalServerError,
    NotFoundError,
    OfflineError,
    ParsingError,
    RateLimitError,
    UnauthorizedError,
)
from schematic.client import Schematic, SchematicConfig
from schematic.models import Response
from schematic.testing import FakeSchematic


def test_company_lifecycle(server: FakeSchematic, client: Schematic) -> None:
    companies = client.companies
    created = companies.upsert_company(keys={"id": "acme"}, name="Acme", traits={"seats": 5})
    assert isinstance(created, Response)
    assert isinstance(created.data, CompanyDetailResponseData)
    company_id = created.data.id
    assert (created.data.name, created.data.traits) == ("Acme", {"seats": 5})
    assert server.requests[-1].body == {
        "keys": {"id": "acme"},
        "name": "Acme",
        "traits": {"seats": 5},
    }

    assert companies.get_company(company_id).data.name == "Acme"
    assert companies.lookup_company(keys={"id": "acme"}).data.id == company_id
    assert server.requests[-1].query == [("keys[id]", "acme")]
    assert [c.id for c in companies.list_companies(limit=10).data] == [company_id]
    assert companies.count_companies().data.count == 1

    trait = companies.upsert_company_trait(keys={"id": "acme"}, trait="seats", incr=2)
    assert trait.data.traits == {"seats": 7}

    assert companies.delete_company(company_id).data.deleted is True
    with pytest.raises(NotFoundError):
        companies.get_company(company_id)


def test_company_delete_by_keys(client: Schematic) -> None:
    client.companies.upsert_company(keys={"id": "acme"}, name="Acme")
    deleted = client.companies.delete_company_by_keys(keys={"id": "acme"})
    assert deleted.data.name == "Acme"
    assert client.companies.count_companies().data.count == 0


def test_user_lifecycle_and_membership(server: FakeSchematic, client: Schematic) -> None:
    company = client.companies.upsert_company(keys={"id": "acme"}, name="Acme").data
    user = client.companies.upsert_user(
        keys={"email": "w@acme.net"}, name="Wile", traits={"n": 1}, company={"id": "acme"}
    ).data
    assert [m.company_id for m in user.company_memberships] == [company.id]
    assert client.companies.get_user(user.id).data.name == "Wile"
    assert client.companies.lookup_user(keys={"email": "w@acme.net"}).data.id == user.id
    assert client.companies.count_users().data.count == 1
    assert [u.id for u in client.companies.list_users().data] == [user.id]
    assert client.companies.upsert_user_trait(
        keys={"email": "w@acme.net"}, trait="plan", set="pro"
    ).data.traits == {
        "n": 1,
        "plan": "pro",
    }
    other = client.companies.upsert_company(keys={"id": "globex"}).data
    membership = client.companies.get_or_create_company_membership(
        company_id=other.id, user_id=user.id
    )
    assert (membership.data.company_id, membership.data.user_id) == (other.id, user.id)
    assert client.companies.delete_user_by_keys(keys={"email": "w@acme.net"}).data.id == user.id
    assert client.companies.count_users().data.count == 0


def test_features_namespace_flag_endpoints(server: FakeSchematic, client: Schematic) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    single = client.features.check_flag("beta", company={"id": "acme"})
    assert single.data.value is True
    assert client.features.check_flags(company={"id": "acme"}).data.flags[0].flag == "beta"
    bulk = client.features.check_flags_bulk(
        contexts=[{"company": {"id": "acme"}}, {"company": {"id": "x"}}]
    )
    assert [r.flags[0].value for r in bulk.data.data] == [True, False]


def test_path_parameters_are_percent_encoded(server: FakeSchematic, client: Schematic) -> None:
    with pytest.raises(NotFoundError):
        client.companies.get_company("a/b?c#d")
    assert server.requests[-1].path == "/companies/a%2Fb%3Fc%23d"


def test_bad_arguments_raise_before_any_request(server: FakeSchematic, client: Schematic) -> None:
    with pytest.raises(ValueError, match="company_id"):
        client.companies.get_company("")
    with pytest.raises(TypeError, match="company_id"):
        client.companies.get_company(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="traits"):
        client.companies.upsert_company(keys={"id": "a"}, traits={"x": object()})
    with pytest.raises(TypeError, match=r"upsert_company\(\): keys must be a dict of str to str"):
        client.companies.upsert_company(keys={"id": 1})
    with pytest.raises(TypeError, match=r"list_companies\(\): limit must be an int or None"):
        client.companies.list_companies(limit="5")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"ids must be a list of str"):
        client.companies.list_companies(ids="comp_1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"last_seen_at must be a datetime"):
        client.companies.upsert_company(keys={"id": "a"}, last_seen_at="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unexpected keyword"):
        client.companies.list_companies(limt=5)  # type: ignore[call-arg]
    assert server.requests == []


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, UnauthorizedError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (409, ConflictError),
        (418, ApiError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
    ],
)
def test_statuses_raise_typed_errors(
    server: FakeSchematic, make_client: Any, status: int, error: type[ApiError]
) -> None:
    client = make_client(max_retries=0)
    server.add_fault(
        "/companies", status=status, body={"error": "nope"}, headers={"X-Request-Id": "r1"}
    )
    with pytest.raises(error) as caught:
        client.companies.list_companies()
    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert caught.value.body == {"error": "nope"}
    assert caught.value.headers is not None and caught.value.headers["X-Request-Id"] == "r1"
    assert isinstance(caught.value, schematic.core.ApiError)
    assert isinstance(caught.value, schematic.SchematicError)


def test_retries_on_5xx_and_429_with_default_of_two(
    server: FakeSchematic, client: Schematic
) -> None:
    server.add_fault("/companies", status=503, times=2)
    assert client.companies.list_companies().data == []
    assert len(server.requests_to("/companies")) == 3
    server.add_fault("/companies", status=429, times=3)
    with pytest.raises(RateLimitError):
        client.companies.list_companies()
    assert len(server.requests_to("/companies")) == 6


def test_retry_after_sets_the_wait(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/companies", status=429, headers={"Retry-After": "0.3"})
    started = time.monotonic()
    client.companies.list_companies()
    assert time.monotonic() - started >= 0.3


def test_create_is_not_retried_after_a_500(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/companies/create", status=500)
    with pytest.raises(InternalServerError):
        client.companies.create_company(keys={"id": "acme"})
    assert len(server.requests_to("/companies/create")) == 1
    # ...but is retried on statuses that mean the request was not processed.
    server.add_fault("/companies/create", status=503)
    assert client.companies.create_company(keys={"id": "acme"}).data.keys[0].value == "acme"


def test_request_options(server: FakeSchematic, client: Schematic) -> None:
    client.companies.list_companies(
        limit=5,
        request_options={
            "additional_headers": {"X-Trace": "t1"},
            "additional_query_parameters": {"q": "acme"},
        },
    )
    request = server.requests[-1]
    assert request.header("X-Trace") == "t1"
    assert ("q", "acme") in request.query and ("limit", "5") in request.query

    server.add_fault("/companies", status=500, times=None)
    with pytest.raises(InternalServerError):
        client.companies.list_companies(request_options={"max_retries": 0})
    assert len(server.requests_to("/companies")) == 2


def test_request_timeout_option(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/companies", hang=True, times=None)
    started = time.monotonic()
    with pytest.raises(schematic.ApiTimeoutError):
        client.companies.list_companies(
            request_options={"timeout_in_seconds": 0.2, "max_retries": 0}
        )
    assert time.monotonic() - started < 1.5


def test_query_encoding_of_lists_and_bools(server: FakeSchematic, client: Schematic) -> None:
    client.companies.list_companies(ids=["a", "b"], without_plan=True)
    assert server.requests[-1].query == [("ids", "a"), ("ids", "b"), ("without_plan", "true")]


def test_an_answer_missing_fields_is_read_as_far_as_it_goes(
    server: FakeSchematic, client: Schematic
) -> None:
    server.add_fault("/companies/comp_1", status=200, body={"data": {"id": "comp_1"}, "params": {}})
    company = client.companies.get_company("comp_1").data
    assert company.id == "comp_1" and company.name is None


def test_unparseable_success_raises_parsing_error(server: FakeSchematic, client: Schematic) -> None:
    server.add_fault("/companies/comp_1", status=200, body={"data": "comp_1", "params": {}})
    with pytest.raises(ParsingError) as caught:
        client.companies.get_company("comp_1")
    assert caught.value.status_code == 200


def test_connection_refused_raises_connection_error(make_client: Any) -> None:
    dead = FakeSchematic().start()
    url = dead.url
    dead.stop()
    client = make_client(base_url=url)
    with pytest.raises(ApiConnectionError):
        client.companies.list_companies()


def test_offline_resource_calls_raise_without_network(server: FakeSchematic) -> None:
    client = Schematic("", SchematicConfig(offline=True))
    with pytest.raises(OfflineError, match="offline"):
        client.companies.list_companies()
    assert server.requests == []


def test_redirects_stay_on_the_same_origin(server: FakeSchematic, make_client: Any) -> None:
    with FakeSchematic(api_key=None) as elsewhere:
        client = make_client(max_retries=0)
        server.add_fault(
            "/companies", status=307, headers={"Location": f"{elsewhere.url}/companies"}
        )
        with pytest.raises(ApiError, match="refused a redirect"):
            client.companies.list_companies()
        assert elsewhere.requests == []  # the key never reached the other server

        server.add_fault(
            "/companies/count", status=308, headers={"Location": "/companies/count?r=1"}
        )
        assert client.companies.count_companies().data.count == 0
        assert [r.query for r in server.requests[-2:]] == [[], [("r", "1")]]


def test_api_key_never_in_repr_or_errors(server: FakeSchematic, make_client: Any) -> None:
    client = make_client(max_retries=0)
    server.add_fault("/companies", status=500, body={"error": "x"})
    with pytest.raises(ApiError) as caught:
        client.companies.list_companies()
    key = server.api_key
    assert key is not None
    for text in (repr(client), str(caught.value), repr(caught.value), repr(client.companies)):
        assert key not in text
