"""What every resource namespace shares: request options, path building, the call itself,
and paging through list operations.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, overload

from .. import _validation
from ..errors import ParsingError
from ..models._base import Model, Response, to_jsonable
from ._checks import with_checks

_log = logging.getLogger("schematic")

if TYPE_CHECKING:
    from .._transport import HttpResponse, Transport
    from ._raw import RawResource

Parse = type[Model] | list[type[Model]] | None
T = TypeVar("T")
E = TypeVar("E", bound="Response[Any]")

MAX_PAGE_SIZE = 250  # the largest ``limit`` the API accepts
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


class RequestOptions(TypedDict, total=False):
    """Per-call options, accepted by every resource method as ``request_options``.

    Example::

        client.companies.get_company("comp_1", request_options={"timeout_in_seconds": 5})
    """

    timeout_in_seconds: float
    max_retries: int
    additional_headers: Mapping[str, str]
    additional_query_parameters: Mapping[str, Any]
    additional_body_parameters: Mapping[str, Any]


class Resource:
    """Base of ``client.companies``, ``client.features`` and the other namespaces."""

    __slots__ = ("_transport",)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every operation checks its arguments against its type hints before sending.
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, with_checks(member))

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    @property
    def with_raw_response(self) -> RawResource:
        """These calls, answered with the HTTP status and headers too (a ``RawResponse``)."""
        from ._raw import RawResource

        return RawResource(self)

    @staticmethod
    def _path(template: str, **segments: str) -> str:
        """Fill ``{name}`` placeholders with percent-encoded values, checking each one."""
        from .._transport import quote_segment

        for name, value in segments.items():
            if not isinstance(value, str):
                raise TypeError(f"{name} must be a str, got {type(value).__name__}")
            if not value:
                raise ValueError(f"{name} must not be empty")
            if value in (".", ".."):
                # Sent as such, a dot segment would reach another endpoint: /plans/../x is /x.
                raise ValueError(f"{name} cannot be {value!r}")
        return template.format(**{k: quote_segment(v) for k, v in segments.items()})

    def _call(
        self,
        method: str,
        path: str,
        *,
        envelope: type[E],
        parse: Parse = None,
        query: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        idempotent: bool = True,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> E:
        """Send a request and parse its ``{"data", "params"}`` envelope into ``envelope``,
        the operation's named ``Response`` class."""
        fields = _body(body, request)
        response = self._send(method, path, query, fields, idempotent, request_options)
        return parse_envelope(response, parse, envelope)

    def _call_empty(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Send a request answered by ``204 No Content``."""
        self._send(method, path, None, _body(body, request), True, request_options)

    def _call_bytes(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> bytes:
        """Send a request whose answer is a file (CSV or binary), returned as bytes."""
        body = _body(None, request)
        return self._send(method, path, query, body, True, request_options).content

    def _call_any(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[Any]:
        """Send any request, its body as given; the answer's ``data`` stays plain JSON.

        An empty answer (``204``) gives ``data=None`` and a file gives its bytes. POST and
        PATCH may create something, so they are retried only when the server cannot have
        acted on them, as the SDK's create methods are.
        """
        verb = method.upper() if isinstance(method, str) else method
        if verb not in _METHODS:
            raise ValueError(f"method must be one of {', '.join(_METHODS)}, got {method!r}")
        if not isinstance(path, str) or "://" in path:
            # An absolute URL would take the API key to another host.
            raise ValueError(f"path must be a path under the API's base URL, got {path!r}")
        idempotent = verb not in ("POST", "PATCH")
        response = self._send(verb, path, query, body, idempotent, request_options)
        if not response.content:
            return Response(data=None)
        if "json" not in response.headers.get("Content-Type", "application/json"):
            return Response(data=response.content)
        return parse_envelope(response, None, Response)

    def _iterate(
        self,
        list_page: Callable[..., Response[list[T]]],
        page_size: int,
        max_page_size: int = MAX_PAGE_SIZE,
        /,
        **filters: Any,
    ) -> Iterator[T]:
        """Yield every item of a list operation, one ``limit``/``offset`` page at a time.

        ``list_page(**filters, limit=..., offset=...)`` is called only as the iterator is
        consumed; the first page shorter than ``page_size`` is the last. ``page_size`` is
        checked now, before any request.
        """
        if isinstance(page_size, bool) or not isinstance(page_size, int):
            raise TypeError(f"page_size must be an int, got {type(page_size).__name__}")
        if not 1 <= page_size <= max_page_size:
            raise ValueError(f"page_size must be between 1 and {max_page_size}, got {page_size}")
        return _pages(list_page, page_size, filters)

    def _send(
        self,
        method: str,
        path: str,
        query: Mapping[str, Any] | None,
        body: Mapping[str, Any] | None,
        idempotent: bool,
        request_options: RequestOptions | None,
    ) -> HttpResponse:
        options: RequestOptions = request_options or {}
        _check_options(options)
        if options.get("additional_query_parameters"):
            query = {**(query or {}), **options["additional_query_parameters"]}
        payload = None
        if body is not None or options.get("additional_body_parameters"):
            extra = options.get("additional_body_parameters") or {}
            payload = encode_body({**(body or {}), **extra})
        return self._transport.request(
            method,
            path,
            query=query,
            body=payload,
            timeout=options.get("timeout_in_seconds"),
            max_retries=options.get("max_retries"),
            headers=options.get("additional_headers"),
            idempotent=idempotent,
        )


def _body(
    arguments: Mapping[str, Any] | None, request: Mapping[str, Any] | Model | None
) -> dict[str, Any] | None:
    """The body: the method's keyword arguments that were given, over ``request``'s fields.

    ``request`` is the official SDK's form, the whole body as one dict or model. A field
    given both ways is ambiguous, and refused.
    """
    given = _given(arguments)
    if request is None:
        return given
    if isinstance(request, Model):
        fields = request.to_dict()
    elif isinstance(request, Mapping):
        fields = dict(request)
    else:
        raise TypeError(f"request must be a dict or a request model, got {type(request).__name__}")
    both = sorted(set(fields) & set(given or {}))
    if both:
        raise TypeError(f"{', '.join(both)} given both as an argument and in request")
    return {**fields, **(given or {})}


def _given(arguments: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The body fields a method was given: keyword arguments left as None are not sent."""
    return None if arguments is None else {k: v for k, v in arguments.items() if v is not None}


def _pages(
    list_page: Callable[..., Response[list[T]]], page_size: int, filters: dict[str, Any]
) -> Iterator[T]:
    offset = 0
    while True:
        items = list_page(**filters, limit=page_size, offset=offset).data
        yield from items
        if len(items) < page_size:
            return
        # Move past what came back: a server that ignored the limit must not repeat items.
        offset += len(items)


def _check_options(options: RequestOptions) -> None:
    if not isinstance(options, Mapping):
        raise TypeError(f"request_options must be a dict, got {type(options).__name__}")
    _validation.seconds(
        "request_options['timeout_in_seconds']", options.get("timeout_in_seconds"), optional=True
    )
    _validation.count(
        "request_options['max_retries']", options.get("max_retries"), 0, optional=True
    )


def encode_body(fields: Mapping[str, Any]) -> bytes:
    """JSON-encode a request body, naming the argument whose value cannot be encoded."""
    try:
        return json.dumps(to_jsonable(fields), separators=(",", ":"), allow_nan=False).encode()
    except (TypeError, ValueError, RecursionError):
        for name, value in fields.items():
            try:
                json.dumps(to_jsonable(value), allow_nan=False)
            except (TypeError, ValueError, RecursionError) as exc:
                raise TypeError(f"{name} cannot be sent as JSON: {exc}") from None
        raise


@overload
def parse_envelope(response: HttpResponse, parse: Parse) -> Response[Any]: ...
@overload
def parse_envelope(response: HttpResponse, parse: Parse, envelope: type[E]) -> E: ...
def parse_envelope(
    response: HttpResponse, parse: Parse, envelope: type[Response[Any]] = Response
) -> Response[Any]:
    """Parse ``{"data": ..., "params": ...}`` into a ``Response`` of models: ``envelope``, the
    operation's named subclass (``GetCompanyResponse``), or ``Response`` itself."""
    try:
        answer = response.json()
    except ValueError as exc:
        raise _parsing(response, f"response is not JSON: {exc}") from exc
    if not isinstance(answer, dict):
        raise _parsing(response, f"response is not a JSON object: {type(answer).__name__}")
    if "data" not in answer:
        _log.debug("response has no 'data' field: its data is None")
    data = answer.get("data")
    try:
        if isinstance(parse, list):
            if isinstance(data, list):
                data = [_item(parse[0], item) for item in data]
            elif data is not None:
                _log.debug("expected a list of %s, kept as received", parse[0].__name__)
        elif parse is not None and data is not None:
            data = parse.from_dict(data)
    except ParsingError as exc:
        raise _parsing(response, str(exc)) from exc
    params = answer.get("params")
    return envelope(data=data, params=params if isinstance(params, dict) else {})


def _item(model: type[Model], item: Any) -> Any:
    """One item of a list answer: the model, or the item as received if it is no object."""
    if isinstance(item, Mapping):
        return model.from_dict(item)
    _log.debug("a list item that is not a %s was kept as received: %.200r", model.__name__, item)
    return item


def _parsing(response: HttpResponse, message: str) -> ParsingError:
    try:
        body: Any = response.json()
    except ValueError:
        body = response.content.decode("utf-8", "replace")
    return ParsingError(
        message, status_code=response.status, body=body, headers=dict(response.headers)
    )
