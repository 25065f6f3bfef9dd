"""``with_raw_response``: the same calls, answered with the HTTP status and headers too.

``client.companies.with_raw_response.get_company("comp_1")`` sends what
``client.companies.get_company("comp_1")`` sends and returns a ``RawResponse`` whose
``data`` is what that call returns, beside the response's ``status_code`` and ``headers``
(rate-limit headers, request ids). Every call records its own response, so one view can be
used from many threads at once.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from .._transport import HttpResponse, Transport
    from ._base import Resource

T = TypeVar("T")


@dataclass(frozen=True)
class RawResponse(Generic[T]):
    """What a call returned (``data``), with the status and headers of its HTTP response."""

    data: T
    status_code: int
    headers: Mapping[str, str]


class _Recorder:
    """A transport that sends through the real one and keeps the last response it got."""

    __slots__ = ("last", "transport")

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.last: HttpResponse | None = None

    def request(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response = self.transport.request(*args, **kwargs)
        self.last = response
        return response

    def __getattr__(self, name: str) -> Any:
        return getattr(self.transport, name)


class RawResource:
    """A namespace's calls answering ``RawResponse``: see the module's notes."""

    __slots__ = ("_resource",)

    def __init__(self, resource: Resource) -> None:
        self._resource = resource

    def __repr__(self) -> str:
        return f"<raw {type(self._resource).__name__}>"

    def __dir__(self) -> list[str]:
        return [
            n for n in dir(self._resource) if not n.startswith("_") and n != "with_raw_response"
        ]

    def __getattr__(self, name: str) -> Callable[..., RawResponse[Any]]:
        if name.startswith("_") or name == "with_raw_response":
            raise AttributeError(name)
        kind = type(self._resource)
        method = getattr(kind, name, None)
        if not callable(method):
            raise AttributeError(f"{kind.__name__} has no operation {name!r}")
        resource = self._resource

        @functools.wraps(method)
        def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            recorder = _Recorder(resource._transport)
            twin = kind.__new__(kind)
            twin._transport = recorder  # type: ignore[assignment]
            data = method(twin, *args, **kwargs)
            last = recorder.last
            if last is None:  # a paging iterator: nothing is sent until it is read
                raise TypeError(f"{name} returns an iterator; call it without with_raw_response")
            return RawResponse(data, last.status, last.headers)

        return call


class AsyncRawResource:
    """``with_raw_response`` of an asyncio namespace: the calls run in the client's pool."""

    __slots__ = ("_raw", "_run")

    def __init__(self, resource: Resource, run: Callable[..., Awaitable[Any]]) -> None:
        self._raw = RawResource(resource)
        self._run = run

    def __repr__(self) -> str:
        return f"<async {self._raw!r}"[:-1] + ">"

    def __getattr__(self, name: str) -> Callable[..., Awaitable[RawResponse[Any]]]:
        call = getattr(self._raw, name)
        run = self._run

        @functools.wraps(call)
        async def awaited(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            result: RawResponse[Any] = await run(call, *args, **kwargs)
            return result

        return awaited
