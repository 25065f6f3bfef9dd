"""The shop's views under test: Schematic answers from the ``schematic_django`` fixture."""

from collections.abc import Callable

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from schematic.django import client as schematic_client
from schematic.testing import FakeSchematic


def test_the_new_checkout_is_on_for_a_company_with_the_flag(
    schematic_django: FakeSchematic, record_property: Callable[[str, object], None]
) -> None:
    schematic_django.set_flag("new-checkout", True, company={"id": "acme"})

    response = Client().get("/checkout/", {"company": "acme"})

    assert response.json() == {"checkout": "new"}
    assert schematic_client.flush(5) is True
    [event] = schematic_django.tracked("checkout-opened")
    assert event["body"]["company"] == {"id": "acme"}
    checks = schematic_django.requests_to("/flags/new-checkout/check", "POST")
    record_property("flag_checks", len(checks))
    record_property("tracked_company", event["body"]["company"]["id"])


def test_the_old_checkout_for_a_company_without_it(schematic_django: FakeSchematic) -> None:
    schematic_django.set_flag("new-checkout", True, company={"id": "acme"})

    response = Client().get("/checkout/", {"company": "globex"})

    assert response.json() == {"checkout": "old"}
    assert schematic_client.flush(5) is True
    assert schematic_django.tracked() == []


def test_without_the_fixture_the_client_refuses_to_start() -> None:
    # No key and DEBUG off: a view fails loudly rather than calling the real API.
    with pytest.raises(ImproperlyConfigured, match="no API key"):
        Client(raise_request_exception=True).get("/checkout/", {"company": "acme"})
