"""What the asyncio twins of the resource namespaces share, and how ``AsyncSchematic`` holds them.

Each ``AsyncCompaniesResource`` (and the others, written by ``tools/draft_from_spec.py``)
wraps the synchronous resource: its coroutines run the synchronous method in the client's
thread pool, and its pagers are async iterators that fetch each page there, off the event
loop. ``AsyncNamespace`` is the class attribute of ``AsyncSchematic`` that creates a twin
on first use, importing its module only then.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

if TYPE_CHECKING:
    from ...client import Schematic
    from .._base import Resource
    from .._raw import AsyncRawResource

S = TypeVar("S", bound="Resource")
R = TypeVar("R")
T = TypeVar("T")


class Runner(Protocol):
    """``AsyncSchematic._run``: call ``func(*args, **kwargs)`` in the thread pool, awaited."""

    def __call__(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> Awaitable[T]: ...


class AsyncClient(Protocol):
    """What an ``AsyncNamespace`` needs of the client that holds it."""

    @property
    def sync(self) -> Schematic: ...

    def _run(self, func: Callable[..., T], /, *args: Any, **kwargs: Any) -> Awaitable[T]: ...


class _Done:
    """The mark of an exhausted iterator, as a type of its own for the type checker."""

    __slots__ = ()


_DONE = _Done()


class AsyncResource(Generic[S]):
    """An API namespace whose methods are coroutines, and whose pagers iterate asynchronously.

    Example: ``await client.companies.get_company("comp_1")``, or
    ``async for company in client.companies.iter_companies(): ...``.
    """

    __slots__ = ("_run", "_sync")

    def __init__(self, resource: S, run: Runner) -> None:
        self._sync = resource
        self._run = run

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    @property
    def with_raw_response(self) -> AsyncRawResource:
        """These calls, answered with the HTTP status and headers too (a ``RawResponse``)."""
        from .._raw import AsyncRawResource

        return AsyncRawResource(self._sync, self._run)

    async def _iterate(self, items: Iterator[T]) -> AsyncIterator[T]:
        """Yield from a synchronous pager; each step may fetch a page, so it runs in the pool."""

        def step() -> T | _Done:
            return next(items, _DONE)

        while not isinstance(item := await self._run(step), _Done):
            yield item


class AsyncNamespace(Generic[R]):
    """A namespace of ``AsyncSchematic`` (``client.companies``), created on first use.

    ``module`` and ``cls`` name the twin in this package; the synchronous resource it wraps is
    the client's ``sync`` attribute of the same name.
    """

    def __init__(self, module: str, cls: str) -> None:
        self.module, self.cls = module, cls
        self.name = module

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> AsyncNamespace[R]: ...
    @overload
    def __get__(self, obj: AsyncClient, owner: type) -> R: ...
    def __get__(self, obj: AsyncClient | None, owner: type) -> AsyncNamespace[R] | R:
        if obj is None:
            return self
        module = importlib.import_module(f"{__package__}.{self.module}")
        resource: R = getattr(module, self.cls)(getattr(obj.sync, self.name), obj._run)
        vars(obj)[self.name] = resource  # later reads find it without coming here
        return resource
