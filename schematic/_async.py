"""``AsyncSchematic``: the same client for asyncio code.

Blocking work (HTTP) runs in a small thread pool, off the event loop; the client shares
the synchronous client's cache and event worker. Answers that need no I/O (cached flags,
offline defaults) and ``track``/``identify`` (a queue append) return without a thread hop.
Constructing the client needs no running loop, and it installs no signal handlers.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import requests

from ._credits import CheckOptions, CheckResult, Reservation, TrackWithReservationOptions
from ._events import IdentifyOptions, TrackOptions, identify_event, track_event
from ._flags import CheckFlagOptions
from .client import Schematic, SchematicConfig
from .resources._async import AsyncNamespaces

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor
    from types import TracebackType

    from .models._base import Response
    from .models.events import EventBodyIdentifyCompany
    from .models.features import CheckFlagResponseData
    from .resources._base import RequestOptions

T = TypeVar("T")
DEFAULT_WORKERS = 8


class AsyncSchematic(AsyncNamespaces):
    """The asyncio client; same arguments and methods as ``Schematic``, awaited.

    Example::

        async with AsyncSchematic("YOUR_API_KEY") as client:
            if await client.check_flag("some-flag-key", company={"id": "your-company-id"}):
                ...
    """

    def __init__(
        self,
        api_key: str | None = None,
        config: SchematicConfig | None = None,
        *,
        timeout: float | None = None,
        http_client: requests.Session | None = None,
        max_workers: int = DEFAULT_WORKERS,
    ) -> None:
        self.sync = Schematic(api_key, config, timeout=timeout, http_client=http_client)
        self._max_workers = max_workers
        self._executor: ThreadPoolExecutor | None = None

    def __repr__(self) -> str:
        return f"Async{self.sync!r}"

    async def _run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(self._max_workers, "schematic-async")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(func, *args, **kwargs))

    # -- flags ------------------------------------------------------------------------------
    async def check_flag(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> bool:
        """Whether the flag is on; answered from the cache without leaving the loop."""
        result = await self.check_flag_with_entitlement(flag_key, company, user, options)
        return result.value is True

    async def check_flag_with_entitlement(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> CheckFlagResponseData:
        """The full result of a flag check; answered from the cache without leaving the loop."""
        checker = self.sync._checker
        key = checker.key(flag_key, company, user)
        if key is None:  # arguments that make no key: refused, or copied and checked
            return await self._run(checker.refuse, flag_key, company, user, options)
        result = checker.local(key, options)
        if result is not None:
            return result
        return await self._run(checker.remote, key, options)

    async def check_flags(
        self,
        flag_keys: Sequence[str] | None = None,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> list[CheckFlagResponseData]:
        """Check several flags (all of them when ``flag_keys`` is None) in one request."""
        return await self._run(self.sync.check_flags, flag_keys, company, user, options)

    async def check(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckOptions | None = None,
    ) -> CheckResult:
        """Whether an operation using ``options.usage`` may go ahead (see ``Schematic.check``)."""
        if options is None:  # a plain check: answered from the cache without leaving the loop
            from ._credits import check_result

            answer = await self.check_flag_with_entitlement(flag_key, company, user)
            return check_result(flag_key, answer, None, False)
        return await self._run(self.sync.check, flag_key, company, user, options)

    async def track_with_reservation(
        self,
        reservation: Reservation | None,
        actual_quantity: float,
        options: TrackWithReservationOptions | None = None,
    ) -> None:
        """Settle ``reservation`` with the usage made (see ``Schematic.track_with_reservation``).

        Queued without waiting: with ``event_overflow="block"`` and a full queue, the wait
        happens in the thread pool."""
        item = self.sync._settle(reservation, actual_quantity, options)
        if item is not None and self.sync._enqueue(item, wait=False) is None:
            await self._run(self.sync._enqueue, item)

    async def prewarm(self, company: Mapping[str, str], credit_type_ids: Sequence[str]) -> None:
        """Checks its arguments and does nothing else (see ``Schematic.prewarm``)."""
        self.sync.prewarm(company, credit_type_ids)

    def set_flag_default(self, flag_key: str, value: bool) -> None:
        """Set the value ``flag_key`` falls back to when it cannot be checked."""
        self.sync.set_flag_default(flag_key, value)

    def set_flag_defaults(self, values: Mapping[str, bool]) -> None:
        """Merge ``values`` into the flag defaults."""
        self.sync.set_flag_defaults(values)

    # -- events -----------------------------------------------------------------------------
    async def identify(
        self,
        keys: Mapping[str, str],
        company: EventBodyIdentifyCompany | Mapping[str, Any] | None = None,
        name: str | None = None,
        traits: Mapping[str, Any] | None = None,
        options: IdentifyOptions | None = None,
    ) -> None:
        """Queue an identify event; never waits on the network.

        When the queue is full and the SDK waits for room (``event_overflow="block"``), the
        wait happens in the thread pool: the loop goes on meanwhile.
        """
        item = self.sync._event(identify_event, keys, company, name, traits, options)
        if item is not None and self.sync._enqueue(item, wait=False) is None:
            await self._run(self.sync._enqueue, item)

    async def track(
        self,
        event: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        traits: Mapping[str, Any] | None = None,
        quantity: int | None = None,
        options: TrackOptions | None = None,
    ) -> None:
        """Queue a track event; never waits on the network.

        When the queue is full and the SDK waits for room (``event_overflow="block"``), the
        wait happens in the thread pool: the loop goes on meanwhile.
        """
        item = self.sync._event(track_event, event, company, user, traits, quantity, options)
        if item is not None and self.sync._enqueue(item, wait=False) is None:
            await self._run(self.sync._enqueue, item)

    async def flush(self, timeout: float | None = None) -> bool:
        """Send every event queued so far; True when all were delivered within ``timeout``."""
        return await self._run(self.sync.flush, timeout)

    # -- the official SDK's top-level calls (see Schematic) -----------------------------------
    async def post_api_keys(self, *, request_options: RequestOptions | None = None) -> None:
        """``POST /api-keys`` with no body (``accounts.create_api_key`` is the typed call)."""
        await self._run(self.sync.post_api_keys, request_options=request_options)

    async def put_api_keys_api_key_id(
        self, api_key_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``PUT /api-keys/{api_key_id}`` with no body (typed: ``accounts.update_api_key``)."""
        await self._run(
            self.sync.put_api_keys_api_key_id, api_key_id, request_options=request_options
        )

    async def delete_api_keys_api_key_id(
        self, api_key_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``DELETE /api-keys/{api_key_id}`` (typed: ``accounts.delete_api_key``)."""
        await self._run(
            self.sync.delete_api_keys_api_key_id, api_key_id, request_options=request_options
        )

    async def post_environments(self, *, request_options: RequestOptions | None = None) -> None:
        """``POST /environments`` with no body (typed: ``accounts.create_environment``)."""
        await self._run(self.sync.post_environments, request_options=request_options)

    async def put_environments_environment_id(
        self, environment_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``PUT /environments/{environment_id}`` with no body."""
        await self._run(
            self.sync.put_environments_environment_id,
            environment_id,
            request_options=request_options,
        )

    async def delete_environments_environment_id(
        self, environment_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``DELETE /environments/{environment_id}``."""
        await self._run(
            self.sync.delete_environments_environment_id,
            environment_id,
            request_options=request_options,
        )

    @property
    def with_raw_response(self) -> AsyncRawClient:
        """Every namespace's calls answered with the HTTP status and headers too."""
        return AsyncRawClient(self)

    # -- any API call -----------------------------------------------------------------------
    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[Any]:
        """``Schematic.request``, awaited: call any API endpoint."""
        return await self._run(
            self.sync.request,
            method,
            path,
            query=query,
            body=body,
            request_options=request_options,
        )

    # -- lifecycle --------------------------------------------------------------------------
    async def initialize(self) -> None:
        """Open the DataStream connection now (with ``use_datastream``); else nothing to do."""
        await self._run(self.sync.initialize)

    async def shutdown(self, timeout: float | None = None) -> bool:
        """Send queued events and stop; idempotent."""
        delivered = await self._run(self.sync.shutdown, timeout)
        if self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor = None
        return delivered

    async def __aenter__(self) -> AsyncSchematic:
        await self.initialize()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.shutdown()

    def stats(self) -> dict[str, Any]:
        """Counters for monitoring, as ``Schematic.stats()``."""
        return self.sync.stats()


AsyncSchematicConfig = SchematicConfig


class AsyncRawClient:
    """``AsyncSchematic.with_raw_response``: each namespace's ``with_raw_response``."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncSchematic) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or not hasattr(type(self._client.sync), name):
            raise AttributeError(f"with_raw_response has no namespace {name!r}")
        namespace = getattr(self._client, name)
        raw = getattr(namespace, "with_raw_response", None)
        if raw is None:
            raise AttributeError(f"with_raw_response has no namespace {name!r}")
        return raw
