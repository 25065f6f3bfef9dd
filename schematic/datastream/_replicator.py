"""Replicator mode: whether the replicator is ready, and the cache version it writes.

A Schematic DataStream replicator keeps a shared cache (usually Redis) up to date and
answers ``GET /ready`` with ``{"ready": true, "cache_version": "..."}`` (200 when ready,
503 otherwise). The client checks once when it is built and then every
``replicator_health_check`` seconds from a daemon thread started on first use. The body
is read whatever the status, so a replicator still loading already tells its version.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

Fetch = Callable[[str, float], tuple[int, Any]]


def fetch_json(url: str, timeout: float) -> tuple[int, Any]:
    """GET ``url``; the status and the decoded JSON body (None when it is not JSON)."""
    # No proxy: the replicator runs next to the app, and an HTTP(S)_PROXY meant for the
    # internet would only get in the way.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with opener.open(request, timeout=timeout) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    try:
        return status, json.loads(body) if body else None
    except ValueError:
        return status, None


class ReplicatorHealth:
    """The replicator's readiness and cache version, polled in the background.

    Args:
        url: the readiness endpoint.
        interval: seconds between checks.
        timeout: seconds one check may take.
        on_change: called after a check that changed ``ready`` or ``version``.
        fetch: how a check is made (tests pass their own).
    """

    def __init__(
        self,
        url: str,
        interval: float,
        timeout: float,
        *,
        on_change: Callable[[], None],
        logger: logging.Logger,
        fetch: Fetch = fetch_json,
    ) -> None:
        self.url = url
        self.interval = interval
        self.timeout = timeout
        self._on_change = on_change
        self._log = logger
        self._fetch = fetch
        self.ready = False
        self.version: str | None = None  # the last non-empty version reported
        self.checks = 0
        self._fresh()

    def _fresh(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self) -> bool:
        """Ask the replicator once; returns whether it is ready. Never raises."""
        try:
            status, body = self._fetch(self.url, self.timeout)
        except Exception as exc:
            status, body = None, None
            self._log.warning("replicator health check at %s failed: %s", self.url, exc)
        body = body if isinstance(body, dict) else {}
        ready = body.get("ready") is True and status is not None and 200 <= status < 300
        version = body.get("cache_version") or body.get("cacheVersion")
        changed = ready != self.ready
        if isinstance(version, str) and version and version != self.version:
            self.version = version
            changed = True
        self.ready = ready
        self.checks += 1
        if changed:
            self._log.info("replicator ready=%s cache_version=%s", ready, self.version)
            self._on_change()
        return ready

    def start(self) -> None:
        """Start polling, once per process."""
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                return
            self._thread = threading.Thread(
                target=self._run, name="schematic-replicator-health", daemon=True
            )
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.check()

    def close(self, timeout: float = 2.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def forget_after_fork(self) -> None:
        """In a child process: no poller yet (the last answer is kept); one starts on use."""
        stopped = self._stop.is_set()
        self._fresh()
        if stopped:
            self._stop.set()
