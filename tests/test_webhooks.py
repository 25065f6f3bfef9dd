"""Webhook signatures: the scheme, every error, replay tolerance and three real frameworks.

Expected signatures are built here with ``hmac`` and ``hashlib`` directly, never with the
module under test.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from types import SimpleNamespace
from typing import Any

import flask
import pytest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.test import Client, override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

import schematic.webhook_utils
import schematic.webhooks
from schematic.errors import SchematicError
from schematic.webhooks import (
    DEFAULT_WEBHOOK_TOLERANCE,
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    WebhookSignatureError,
    compute_hex_signature,
    compute_signature,
    verify_signature,
    verify_webhook_signature,
)

SECRET = "whsec_test"
TIMESTAMP = "1700000000"
NOW = 1_700_000_000.0
BODY = b'{"type":"company.updated","data":{"id":"comp_1","name":"Acme \xc3\xa9"}}'


def hmac_hex(body: bytes, timestamp: str = TIMESTAMP, secret: str = SECRET) -> str:
    message = body + b"+" + timestamp.encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed(body: bytes = BODY, timestamp: str = TIMESTAMP, secret: str = SECRET) -> dict[str, str]:
    return {
        "X-Schematic-Webhook-Signature": hmac_hex(body, timestamp, secret),
        "X-Schematic-Webhook-Timestamp": timestamp,
    }


def rejected(message: str) -> AbstractContextManager[Any]:
    """Expect a WebhookSignatureError whose message is exactly ``message``."""
    return pytest.raises(WebhookSignatureError, match=f"^{re.escape(message)}$")


# --- the scheme -----------------------------------------------------------------------------


def test_header_names() -> None:
    assert WEBHOOK_SIGNATURE_HEADER == "X-Schematic-Webhook-Signature"
    assert WEBHOOK_TIMESTAMP_HEADER == "X-Schematic-Webhook-Timestamp"


def test_known_vector() -> None:
    # Computed once by hand: HMAC-SHA256("whsec_test", '{"type":"test.send"}+1700000000').
    expected = "b2c20cb3ddcc81231f2f341a315566409390f520722baf589538e7d90ec1567f"
    assert compute_hex_signature('{"type":"test.send"}', TIMESTAMP, SECRET) == expected


def test_compute_signature_is_the_raw_hmac_of_body_plus_timestamp() -> None:
    digest = compute_signature(BODY, TIMESTAMP, SECRET)
    assert digest == hmac.new(b"whsec_test", BODY + b"+1700000000", hashlib.sha256).digest()
    assert len(digest) == 32


def test_compute_hex_signature_is_lowercase_hex() -> None:
    signature = compute_hex_signature(BODY, TIMESTAMP, SECRET)
    assert signature == hmac_hex(BODY)
    assert signature == signature.lower() and len(signature) == 64


def test_str_body_and_secret_are_utf8() -> None:
    text = BODY.decode("utf-8")
    assert compute_signature(text, TIMESTAMP, SECRET) == compute_signature(BODY, TIMESTAMP, SECRET)
    assert compute_signature(BODY, TIMESTAMP, b"whsec_test") == bytes.fromhex(hmac_hex(BODY))
    verify_signature(text, hmac_hex(BODY), TIMESTAMP, SECRET)
    verify_signature(BODY, hmac_hex(BODY), TIMESTAMP, SECRET)


def test_the_plus_separator_is_part_of_the_message() -> None:
    # Without it, body "a1" at timestamp "2" and body "a" at timestamp "12" would collide.
    assert compute_hex_signature("a1", "2", SECRET) != compute_hex_signature("a", "12", SECRET)
    no_separator = hmac.new(SECRET.encode(), BODY + TIMESTAMP.encode(), hashlib.sha256)
    assert compute_hex_signature(BODY, TIMESTAMP, SECRET) != no_separator.hexdigest()


def test_uppercase_hex_is_accepted() -> None:
    # The decoded bytes are compared, so the case of the hex digits does not matter.
    verify_signature(BODY, hmac_hex(BODY).upper(), TIMESTAMP, SECRET)


def test_the_error_belongs_to_the_package_tree() -> None:
    assert issubclass(WebhookSignatureError, SchematicError)


def test_webhook_utils_path_reexports_the_same_objects() -> None:
    assert schematic.webhook_utils.__all__ == schematic.webhooks.__all__
    for name in schematic.webhook_utils.__all__:
        assert getattr(schematic.webhook_utils, name) is getattr(schematic.webhooks, name)


# --- every error ----------------------------------------------------------------------------

GOOD = hmac_hex(BODY)


@pytest.mark.parametrize(
    ("body", "signature", "timestamp", "secret", "message"),
    [
        (BODY, "", TIMESTAMP, SECRET, "Missing webhook signature"),
        (BODY, "", "", SECRET, "Missing webhook signature"),
        (BODY, GOOD, "", SECRET, "Missing webhook timestamp"),
        (BODY, "zz" * 32, TIMESTAMP, SECRET, "Invalid signature format"),
        (BODY, GOOD[:-1], TIMESTAMP, SECRET, "Invalid signature format"),
        (BODY, GOOD[:2] + " " + GOOD[2:], TIMESTAMP, SECRET, "Invalid signature format"),
        (BODY, "é" * 64, TIMESTAMP, SECRET, "Invalid signature format"),
        (BODY, "0x" + GOOD, TIMESTAMP, SECRET, "Invalid signature format"),
        (BODY, "00" * 32, TIMESTAMP, SECRET, "Invalid signature"),
        (BODY, GOOD[:-2], TIMESTAMP, SECRET, "Invalid signature"),
        (BODY, GOOD + "00", TIMESTAMP, SECRET, "Invalid signature"),
        (BODY + b" ", GOOD, TIMESTAMP, SECRET, "Invalid signature"),
        (BODY, GOOD, "1700000001", SECRET, "Invalid signature"),
        (BODY, GOOD, TIMESTAMP, "whsec_other", "Invalid signature"),
    ],
    ids=[
        "no-signature",
        "nothing",
        "no-timestamp",
        "not-hex",
        "odd-length",
        "inner-space",
        "non-ascii",
        "0x-prefix",
        "wrong-bytes",
        "too-short",
        "too-long",
        "tampered-body",
        "other-timestamp",
        "other-secret",
    ],
)
def test_rejections(body: bytes, signature: str, timestamp: str, secret: str, message: str) -> None:
    with rejected(message):
        verify_signature(body, signature, timestamp, secret)


# --- tolerance ------------------------------------------------------------------------------


def verify_at(timestamp: str, *, tolerance: float | None, now: float = NOW) -> None:
    verify_signature(
        BODY, hmac_hex(BODY, timestamp), timestamp, SECRET, tolerance=tolerance, now=now
    )


@pytest.mark.parametrize("offset", [-300, -299, -1, 0, 1, 299, 300])
def test_timestamps_within_tolerance_pass(offset: int) -> None:
    verify_at(str(int(NOW) + offset), tolerance=300)


@pytest.mark.parametrize(
    ("offset", "message"),
    [
        (-301, "Webhook timestamp is too old"),
        (-86_400, "Webhook timestamp is too old"),
        (301, "Webhook timestamp is too far in the future"),
        (86_400, "Webhook timestamp is too far in the future"),
    ],
)
def test_timestamps_outside_tolerance_fail(offset: int, message: str) -> None:
    with rejected(message):
        verify_at(str(int(NOW) + offset), tolerance=300)


def test_no_tolerance_by_default() -> None:
    verify_at("1", tolerance=None)
    verify_at("not a number", tolerance=None)


def test_fractional_timestamps_and_tolerances() -> None:
    verify_at(str(NOW - 1.5), tolerance=2.0)
    with rejected("Webhook timestamp is too old"):
        verify_at(str(NOW - 2.5), tolerance=2.0)


@pytest.mark.parametrize("timestamp", ["yesterday", "nan", "inf", "-inf", "1e400"])
def test_unreadable_timestamp_fails_when_tolerance_is_on(timestamp: str) -> None:
    with rejected("Invalid webhook timestamp"):
        verify_at(timestamp, tolerance=300)


def test_signature_is_checked_before_age() -> None:
    # "too old" is kept for genuine deliveries; a forged old one is simply invalid.
    with rejected("Invalid signature"):
        verify_signature(BODY, "00" * 32, "1", SECRET, tolerance=300, now=NOW)


def test_now_defaults_to_the_clock() -> None:
    current = str(int(time.time()))
    verify_signature(BODY, hmac_hex(BODY, current), current, SECRET, tolerance=60)
    with rejected("Webhook timestamp is too old"):
        verify_signature(BODY, hmac_hex(BODY, TIMESTAMP), TIMESTAMP, SECRET, tolerance=60)


@pytest.mark.parametrize("tolerance", [-1, float("nan")])
def test_a_meaningless_tolerance_is_a_programming_error(tolerance: float) -> None:
    with pytest.raises(ValueError, match="tolerance"):
        verify_at(TIMESTAMP, tolerance=tolerance)


def test_default_tolerance_is_five_minutes() -> None:
    assert DEFAULT_WEBHOOK_TOLERANCE == 300
    verify_at(str(NOW - 299), tolerance=DEFAULT_WEBHOOK_TOLERANCE)


# --- the request helper on request-shaped objects -------------------------------------------


def test_plain_dict_headers_are_read_case_insensitively() -> None:
    headers = {k.lower(): v for k, v in signed().items()}
    verify_webhook_signature(SimpleNamespace(headers=headers, body=BODY), SECRET)
    headers = {k.upper(): v for k, v in signed().items()}
    verify_webhook_signature(SimpleNamespace(headers=headers, body=BODY), SECRET)


def test_django_meta_is_the_fallback() -> None:
    meta = {
        "HTTP_X_SCHEMATIC_WEBHOOK_SIGNATURE": hmac_hex(BODY),
        "HTTP_X_SCHEMATIC_WEBHOOK_TIMESTAMP": TIMESTAMP,
    }
    verify_webhook_signature(SimpleNamespace(META=meta, body=BODY), SECRET)
    verify_webhook_signature(SimpleNamespace(headers={}, META=meta, body=BODY), SECRET)


def test_a_mapping_of_headers_can_stand_for_the_request() -> None:
    verify_webhook_signature(signed(), SECRET, body=BODY)


@pytest.mark.parametrize("attribute", ["body", "_body", "data", "content", "raw_body"])
def test_body_attributes(attribute: str) -> None:
    verify_webhook_signature(SimpleNamespace(headers=signed(), **{attribute: BODY}), SECRET)


def test_str_body_attribute() -> None:
    request = SimpleNamespace(headers=signed(), body=BODY.decode())
    verify_webhook_signature(request, SECRET)


def test_get_data_comes_first() -> None:
    request = SimpleNamespace(headers=signed(), get_data=lambda: BODY, body=b"other")
    verify_webhook_signature(request, SECRET)


def test_parsed_data_is_skipped_for_the_raw_body() -> None:
    request = SimpleNamespace(headers=signed(), data={"type": "parsed"}, content=BODY)
    verify_webhook_signature(request, SECRET)


def test_explicit_body_wins() -> None:
    request = SimpleNamespace(headers=signed(), body=b"re-serialised, so different")
    verify_webhook_signature(request, SECRET, body=BODY)
    with rejected("Invalid signature"):
        verify_webhook_signature(request, SECRET)


def test_no_body_anywhere() -> None:
    with rejected("Could not extract request body"):
        verify_webhook_signature(SimpleNamespace(headers=signed()), SECRET)


def test_a_body_method_is_a_clear_type_error() -> None:
    async def body() -> bytes:
        return BODY

    with pytest.raises(TypeError, match=r"body=await request\.body\(\)"):
        verify_webhook_signature(SimpleNamespace(headers=signed(), body=body), SECRET)


def test_missing_headers_on_a_request() -> None:
    with rejected("Missing webhook signature"):
        verify_webhook_signature(SimpleNamespace(body=BODY), SECRET)
    headers = {"X-Schematic-Webhook-Signature": hmac_hex(BODY)}
    with rejected("Missing webhook timestamp"):
        verify_webhook_signature(SimpleNamespace(headers=headers, body=BODY), SECRET)


def test_tolerance_through_the_helper() -> None:
    stale = str(int(time.time()) - 3600)
    request = SimpleNamespace(headers=signed(timestamp=stale), body=BODY)
    verify_webhook_signature(request, SECRET)
    with rejected("Webhook timestamp is too old"):
        verify_webhook_signature(request, SECRET, tolerance=300)


# --- real frameworks ------------------------------------------------------------------------
# Each handler is written the way docs/webhooks.md shows: 400 with the error's message on
# WebhookSignatureError, otherwise 200 with the parsed event type (proving the body can still
# be parsed after verification).

Post = Callable[[bytes, dict[str, str]], tuple[int, str]]

flask_app = flask.Flask(__name__)


@flask_app.post("/webhooks/schematic")
def flask_webhook() -> tuple[str, int]:
    try:
        verify_webhook_signature(flask.request, SECRET)
    except WebhookSignatureError as exc:
        return str(exc), 400
    return flask.request.get_json()["type"], 200


@csrf_exempt
def django_webhook(request: HttpRequest) -> HttpResponse:
    try:
        verify_webhook_signature(request, SECRET)
    except WebhookSignatureError as exc:
        return HttpResponse(str(exc), status=400)
    return HttpResponse(json.loads(request.body)["type"])


def django_webhook_without_csrf_exempt(request: HttpRequest) -> HttpResponse:
    return JsonResponse({})


urlpatterns = [
    path("webhooks/schematic", django_webhook),
    path("webhooks/forgot-csrf-exempt", django_webhook_without_csrf_exempt),
]


async def starlette_webhook(request: Request) -> Response:
    try:
        verify_webhook_signature(request, SECRET, body=await request.body())
    except WebhookSignatureError as exc:
        return PlainTextResponse(str(exc), status_code=400)
    return PlainTextResponse((await request.json())["type"])


async def starlette_webhook_without_body(request: Request) -> Response:
    try:
        verify_webhook_signature(request, SECRET)
    except WebhookSignatureError as exc:
        return PlainTextResponse(str(exc), status_code=400)
    return JSONResponse({})


starlette_app = Starlette(
    routes=[
        Route("/webhooks/schematic", starlette_webhook, methods=["POST"]),
        Route("/webhooks/forgot-body", starlette_webhook_without_body, methods=["POST"]),
    ]
)


@pytest.fixture(scope="module")
def django_client() -> Iterator[Client]:
    from django.conf import settings

    if not settings.configured:  # docs/webhooks.md may have configured Django already
        import django

        settings.configure(SECRET_KEY="test-only", ALLOWED_HOSTS=["testserver"])
        django.setup()
    overrides = override_settings(
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["testserver"],
        MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
    )
    with overrides:
        # Real CSRF checks, as in production, where they would reject Schematic's POSTs.
        yield Client(enforce_csrf_checks=True)


def post_flask(body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    response = flask_app.test_client().post(
        "/webhooks/schematic", data=body, content_type="application/json", headers=headers
    )
    return response.status_code, response.get_data(as_text=True)


def post_starlette(body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    with TestClient(starlette_app) as client:
        response = client.post("/webhooks/schematic", content=body, headers=headers)
    return response.status_code, response.text


@pytest.fixture(params=["flask", "django", "starlette"])
def post(request: pytest.FixtureRequest) -> Post:
    if request.param == "flask":
        return post_flask
    if request.param == "starlette":
        return post_starlette
    client: Client = request.getfixturevalue("django_client")

    def post_django(body: bytes, headers: dict[str, str]) -> tuple[int, str]:
        response: Any = client.post(
            "/webhooks/schematic", data=body, content_type="application/json", headers=headers
        )
        return response.status_code, response.content.decode()

    return post_django


def test_framework_accepts_a_signed_delivery(post: Post) -> None:
    assert post(BODY, signed()) == (200, "company.updated")


def test_framework_reads_lowercase_header_names(post: Post) -> None:
    headers = {k.lower(): v for k, v in signed().items()}
    assert post(BODY, headers) == (200, "company.updated")


@pytest.mark.parametrize(
    ("body", "headers", "message"),
    [
        (BODY + b"\n", signed(), "Invalid signature"),
        (BODY, signed(secret="whsec_other"), "Invalid signature"),
        (BODY, {"X-Schematic-Webhook-Timestamp": TIMESTAMP}, "Missing webhook signature"),
        (BODY, {"X-Schematic-Webhook-Signature": GOOD}, "Missing webhook timestamp"),
        (BODY, {**signed(), "X-Schematic-Webhook-Signature": "nope"}, "Invalid signature format"),
    ],
    ids=["tampered", "other-secret", "no-signature", "no-timestamp", "malformed"],
)
def test_framework_rejects_with_400(
    post: Post, body: bytes, headers: dict[str, str], message: str
) -> None:
    assert post(body, headers) == (400, message)


def test_django_needs_csrf_exempt(django_client: Client) -> None:
    response = django_client.post(
        "/webhooks/forgot-csrf-exempt", data=BODY, content_type="application/json"
    )
    assert response.status_code == 403


def test_starlette_request_without_body_is_a_clear_error() -> None:
    with TestClient(starlette_app) as client, pytest.raises(TypeError) as caught:
        client.post("/webhooks/forgot-body", content=BODY, headers=signed())
    assert "body=await request.body()" in str(caught.value)
    assert "Starlette" in str(caught.value)
