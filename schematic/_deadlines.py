"""Attempts bounded as a whole: a deadline for each request, answer included.

``requests`` and ``urllib3`` time out each socket operation, and restart the clock on
every byte received, so a server that sends one byte every 0.1 s holds a request as long
as it likes. Here each attempt runs inside ``bounded(timeout)``: the connections of the
SDK's own session tell the attempt which socket they use (when they connect or send), and
one watchdog thread shuts that socket down if the attempt is still under way at its
deadline. The thread blocked on it wakes with an error, which the transport reports as
``ApiTimeoutError``.
"""

from __future__ import annotations

import contextvars
import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import requests
import urllib3

from . import _fork
from .errors import ApiTimeoutError


class Exchange:
    """One attempt's deadline, and the connection carrying it once it has one."""

    __slots__ = ("connection", "deadline", "done", "expired", "timeout")

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.connection: Any = None
        self.done = False
        self.expired = False

    def remaining(self) -> float:
        """Seconds left, for the per-read timeout of a redirect's request (at least 1 ms)."""
        return max(0.001, self.deadline - time.monotonic())

    def timeout_error(self) -> ApiTimeoutError:
        return ApiTimeoutError(f"no complete answer within {self.timeout:.3g}s")


_current: contextvars.ContextVar[Exchange | None] = contextvars.ContextVar(
    "schematic_exchange", default=None
)


@contextmanager
def bounded(timeout: float) -> Iterator[Exchange]:
    """Bound the request made inside to ``timeout`` seconds, answer included.

    The SDK's connections announce themselves to the exchange when they connect or send;
    the watchdog shuts the socket of an exchange still under way at its deadline.
    """
    exchange = Exchange(timeout)
    token = _current.set(exchange)
    _WATCHDOG.arm(exchange)
    try:
        yield exchange
    finally:
        _WATCHDOG.disarm(exchange)
        _current.reset(token)


def _announce(connection: Any) -> None:
    exchange = _current.get()
    if exchange is not None:
        exchange.connection = connection


class _HTTPConnection(urllib3.connection.HTTPConnection):
    def connect(self) -> None:
        _announce(self)
        super().connect()

    def putrequest(self, *args: Any, **kwargs: Any) -> None:
        _announce(self)  # a kept-alive connection sends without connecting again
        super().putrequest(*args, **kwargs)


class _HTTPSConnection(urllib3.connection.HTTPSConnection):
    def connect(self) -> None:
        _announce(self)
        super().connect()

    def putrequest(self, *args: Any, **kwargs: Any) -> None:
        _announce(self)
        super().putrequest(*args, **kwargs)


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


class Adapter(requests.adapters.HTTPAdapter):
    """``HTTPAdapter`` whose pools make connections the watchdog can end."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if manager.pool_classes_by_scheme is urllib3.poolmanager.pool_classes_by_scheme:
            manager.pool_classes_by_scheme = _POOLS  # not for SOCKS: it has pools of its own
        return manager


class _Watchdog:
    """One thread that shuts the socket of each exchange still under way at its deadline.

    Exchanges wait in a heap by deadline; one that ends first is marked done and dropped
    when it comes up (or when done ones pile up). Started on first use; fork-aware.
    """

    RECHECK = 0.02  # seconds: an exchange past its deadline but not yet on a socket

    def __init__(self) -> None:
        self._reset()
        _fork.reset_in_child(self, _Watchdog._reset)

    def _reset(self) -> None:
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int, Exchange]] = []
        self._order = itertools.count()
        self._live = 0
        self._thread: threading.Thread | None = None

    def arm(self, exchange: Exchange) -> None:
        with self._lock:
            heapq.heappush(self._heap, (exchange.deadline, next(self._order), exchange))
            self._live += 1
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="schematic-deadlines", daemon=True
                )
                self._thread.start()
            if self._heap[0][2] is exchange:
                self._lock.notify()

    def disarm(self, exchange: Exchange) -> None:
        with self._lock:
            exchange.done = True
            self._live -= 1
            if len(self._heap) > 64 and len(self._heap) > 4 * self._live:
                self._heap = [entry for entry in self._heap if not entry[2].done]
                heapq.heapify(self._heap)

    def _run(self) -> None:
        with self._lock:
            while True:
                heap = self._heap
                while heap and heap[0][2].done:
                    heapq.heappop(heap)
                if not heap:
                    self._lock.wait()
                    continue
                wait = heap[0][0] - time.monotonic()
                if wait > 0:
                    self._lock.wait(wait)
                    continue
                _, _, exchange = heapq.heappop(heap)
                exchange.expired = True
                if not _shut(exchange.connection):  # still connecting: look again soon
                    later = time.monotonic() + self.RECHECK
                    heapq.heappush(heap, (later, next(self._order), exchange))


def _shut(connection: Any) -> bool:
    """Shut a connection's socket down, which wakes a thread blocked reading it."""
    sock = getattr(connection, "sock", None)
    if sock is None:
        return False
    with suppress(OSError):  # closed meanwhile
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's, also under TLS
    return True


_WATCHDOG = _Watchdog()
