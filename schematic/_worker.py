"""The event queue and the one thread that delivers it.

``submit`` appends an encoded event to a bounded deque and returns at once; it never does
I/O. The worker thread wakes every ``period`` seconds, or as soon as a full batch waits,
or when someone flushes, and sends what is queued in batches of at most ``batch_size``.

Delivery of a batch:

* connection failures, timeouts, 408, 429, 500, 502, 503 and 504 are retried on this thread with
  exponential backoff (``backoff.expo`` with full jitter, ``Retry-After`` as a floor);
  a batch that still fails is held back and tried again on later rounds, for up to
  ``retry_window`` seconds after its first failure (then it is spooled, if there is a
  spool, or dropped). Every event carries an idempotency key, so a batch that reached the
  server before the failure is not counted twice;
* ``400 batch too large`` splits the batch in two;
* 401 and 403 mean the key is wrong: one error is logged and events are no longer sent;
* any other 4xx rejects that batch for good.

Waits use ``Event.wait`` so that ``close`` interrupts them. The worker is fork-aware: a
child process starts with an empty queue and a thread of its own. With a ``Spool``, what
is still unsent at close is written to disk, and files left by earlier processes are sent
by this one's thread.
"""

from __future__ import annotations

import atexit
import logging
import os
import sys
import threading
import time
import weakref
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import _fork
from ._events import Event, encode_event
from .errors import ApiError, is_transient, retry_wait

if TYPE_CHECKING:
    from pathlib import Path

    from ._spool import Spool

DEFAULT_PERIOD = 5.0
DEFAULT_BATCH_SIZE = 100
DEFAULT_MAX_QUEUE = 10_000
DEFAULT_RETRY_DELAY = 1.0
DEFAULT_MAX_RETRY_DELAY = 30.0
DEFAULT_RETRIES_PER_ROUND = 3
DEFAULT_RETRY_WINDOW = 600.0
DEFAULT_SHUTDOWN_TIMEOUT = 2.0
Send = Callable[[list[str], "float | None"], None]  # (encoded events, timeout in seconds)
OnError = Callable[[BaseException, list[str]], None]

_workers: weakref.WeakSet[EventWorker] = weakref.WeakSet()
_exiting = False


@dataclass
class WorkerStats:
    """Counters of one worker; ``dropped`` is keyed by reason."""

    sent: int = 0
    retried: int = 0  # events in batches that were retried, counted once per retry
    dropped: Counter[str] = field(default_factory=Counter)
    spooled: int = 0  # written to disk at close, for a later process
    unspooled: int = 0  # read back from files left by earlier processes
    last_error: str | None = None


@dataclass
class _Batch:
    events: list[str]
    first_failure: float | None = None  # time.monotonic() of the first failed attempt
    source: Path | None = None  # the spool file these events came from, if any


class EventWorker:
    """A bounded queue of encoded events and the daemon thread that sends them."""

    def __init__(
        self,
        send: Send,
        *,
        period: float = DEFAULT_PERIOD,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_queue: int = DEFAULT_MAX_QUEUE,
        retry_delay: float = DEFAULT_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        retries_per_round: int = DEFAULT_RETRIES_PER_ROUND,
        retry_window: float = DEFAULT_RETRY_WINDOW,
        shutdown_timeout: float = DEFAULT_SHUTDOWN_TIMEOUT,
        on_error: OnError | None = None,
        spool: Spool | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._send = send
        self.period = period
        self.batch_size = batch_size
        self.max_queue = max_queue
        self.retry_delay = retry_delay
        self.max_retry_delay = max_retry_delay
        self.retries_per_round = retries_per_round
        self.retry_window = retry_window
        self.shutdown_timeout = shutdown_timeout
        self._on_error = on_error
        self._spool = spool
        self._log = logger or logging.getLogger("schematic")
        self._reset()
        _workers.add(self)
        _fork.reset_in_child(self, EventWorker._reset)

    def _reset(self) -> None:
        """Fresh state: used at construction and in a child process after fork."""
        self._pid = os.getpid()
        self._queue: deque[Event] = deque()  # appended by callers, popped by the worker only
        self._held: deque[_Batch] = deque()  # failed batches waiting for another round
        self._inflight: _Batch | None = None  # the batch being sent right now
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._close_deadline: float | None = None
        self._unauthorized = False
        self._full = False
        self._taken = 0  # events the worker has popped from the queue
        self._held_count = 0  # events in held batches, for the queue bound
        self._finished = 0  # submitted events sent or given up on; compared with _accepted()
        self._sources: dict[Path, int] = {}  # claimed spool files -> events not yet resolved
        self._in_callback = threading.local()
        self.stats = WorkerStats()

    # -- the caller's side ------------------------------------------------------------------
    def submit(self, event: Event) -> bool:
        """Queue one event; False when it was dropped (closed, full or bad key). No I/O, no lock."""
        if self._pid != os.getpid():
            self._reset()
        if self._closed or self._unauthorized:
            self._drop_now("closed" if self._closed else "unauthorized")
            return False
        queue = self._queue
        if len(queue) + self._held_count >= self.max_queue:
            self._drop_now("queue_full")
            if not self._full:
                self._full = True
                self._log.warning(
                    "event queue is full (%d events): dropping new events until it drains",
                    self.max_queue,
                )
            return False
        queue.append(event)
        if self._thread is None:
            self._start()
        if len(queue) >= self.batch_size and not self._wake.is_set():
            self._wake.set()
        return True

    def _accepted(self) -> int:
        """Events accepted so far: those the worker took, plus those still queued."""
        return self._taken + len(self._queue)

    def flush(self, timeout: float | None = None) -> bool:
        """Send everything queued so far; True when all of it was delivered in time.

        Never waits on a thread that is not running: without one (at interpreter exit, or
        before any thread was started) the calling thread delivers the events itself.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            target = self._accepted()
            dropped_before = sum(self.stats.dropped.values())
        if not self._thread_alive():
            self._run_round(deadline)
        else:
            self._wake.set()
            with self._done:
                while self._finished < target:
                    remaining = None if deadline is None else deadline - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        break
                    if not self._thread_alive():
                        break
                    self._done.wait(0.05 if remaining is None else min(remaining, 0.05))
            if not self._thread_alive() and self._finished < target:
                self._run_round(deadline)
        with self._lock:
            caught_up = self._finished >= target
            return caught_up and sum(self.stats.dropped.values()) == dropped_before

    def close(self, timeout: float | None = None) -> bool:
        """Stop accepting events, deliver what is queued within ``timeout``, stop the thread.

        Returns True when nothing was left undelivered. Idempotent.
        """
        if self._pid != os.getpid():
            self._reset()
        if self._closed:
            return not self._queue and not self._held
        self._closed = True
        timeout = self.shutdown_timeout if timeout is None else timeout
        deadline = self._close_deadline = time.monotonic() + timeout
        if self._thread_alive():
            self._stop.set()
            self._wake.set()
            assert self._thread is not None
            self._thread.join(max(0.0, deadline - time.monotonic()))
        if not self._thread_alive():
            self._run_round(deadline)
        # A batch still in flight on a stuck thread counts as undelivered: the process may
        # end before it completes. Its idempotency keys make a later resend harmless.
        inflight = [self._inflight] if self._thread_alive() and self._inflight else []
        leftover = [*inflight, *self._take_all()]
        events = [e for batch in leftover for e in batch.events]
        if events and self._spool is not None and self._spool.save(events):
            with self._lock:
                self.stats.spooled += len(events)
            for batch in leftover:
                self._resolve(batch, sent=False)
        elif events:
            for batch in leftover:
                self._give_up(batch, "shutdown", ApiError("client closed before delivery"))
        return not events

    def start_if_spooled(self) -> None:
        """Start the thread now if earlier processes left events to send."""
        if self._spool is not None and self._thread is None and self._spool.pending():
            self._start()

    def depth(self) -> int:
        return len(self._queue) + self._held_count

    def snapshot(self) -> dict[str, Any]:
        """The counters, as ``Schematic.stats()`` reports them."""
        with self._lock:
            stats = self.stats
            return {
                "events_enqueued": self._accepted(),
                "events_sent": stats.sent,
                "events_retried": stats.retried,
                "events_dropped": dict(stats.dropped),
                "events_spooled": stats.spooled,
                "events_unspooled": stats.unspooled,
                "queue_depth": self.depth(),
                "last_error": stats.last_error,
            }

    # -- the worker's side ------------------------------------------------------------------
    def _start(self) -> None:
        with self._lock:
            if self._thread is not None or _exiting or sys.is_finalizing():
                return
            self._thread = threading.Thread(target=self._run, name="schematic-events", daemon=True)
            self._thread.start()

    def _thread_alive(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive() and thread is not threading.current_thread()

    def _run(self) -> None:
        self._guarded(self._load_spool)
        while not self._stop.is_set():
            self._wake.wait(self.period)
            self._wake.clear()
            if self._spool is not None:
                self._guarded(self._load_spool)  # files other processes left meanwhile
            self._guarded(self._run_round, self._close_deadline)
        self._guarded(self._run_round, self._close_deadline)

    def _guarded(self, step: Callable[..., None], *args: Any) -> None:
        """Run one step of the thread's loop; a bug in it is logged, never fatal to the thread."""
        try:
            step(*args)
        except Exception:
            self._log.exception("unexpected error in the event worker")

    def _load_spool(self) -> None:
        """Queue the events earlier processes spooled, while there is room for them."""
        while self._spool is not None and not self._closed and self.depth() < self.max_queue // 2:
            claimed = self._spool.claim()
            if claimed is None:
                return
            path, events = claimed
            if not events:
                self._spool.release(path)
                continue
            self._sources[path] = len(events)
            for start in range(0, len(events), self.batch_size):
                self._hold(_Batch(events[start : start + self.batch_size], source=path))
            with self._lock:
                self.stats.unspooled += len(events)
            self._log.info("sending %d events spooled by an earlier process", len(events))

    def _run_round(self, deadline: float | None) -> None:
        """Send held batches, then everything queued; stop early past the deadline."""
        for batch in self._batches():
            if self._unauthorized:
                self._give_up(batch, "unauthorized", ApiError("the API key was refused"))
                continue
            if deadline is not None and time.monotonic() >= deadline:
                self._hold(batch, first=True)
                break
            self._inflight = batch
            try:
                self._deliver(batch, deadline)
            except Exception as exc:  # a bug must not kill the thread or lose the batch
                self._log.exception("unexpected error while sending events")
                self._give_up(batch, "error", exc)
            finally:
                self._inflight = None

    def _batches(self) -> Iterator[_Batch]:
        # Only the batches held when the round starts: one that fails again in this round
        # waits for the next one (and its backoff) instead of being retried at once.
        for _ in range(len(self._held)):
            batch = self._held.popleft()
            self._held_count -= len(batch.events)
            yield batch
        while self._queue:
            events = self._encode_queued(self.batch_size)
            if events:
                yield _Batch(events)

    def _encode_queued(self, limit: int | None) -> list[str]:
        """Pop up to ``limit`` queued events (all when None) and encode them to JSON."""
        queue = self._queue
        events: list[str] = []
        while queue and (limit is None or len(events) < limit):
            item = queue.popleft()
            self._taken += 1
            try:
                events.append(encode_event(item))
            except (TypeError, ValueError) as exc:  # checked at the call; a bug if it happens
                self._log.error("dropped an event that could not be encoded: %s", exc)
                with self._done:
                    self.stats.dropped["invalid"] += 1
                    self._finished += 1
                    self._done.notify_all()
        return events

    def _hold(self, batch: _Batch, *, first: bool = False) -> None:
        """Keep a batch for a later round (``first``: before the others)."""
        if first:
            self._held.appendleft(batch)
        else:
            self._held.append(batch)
        self._held_count += len(batch.events)

    def _deliver(self, batch: _Batch, deadline: float | None) -> None:
        """Send one batch, retrying within this round; hold it back if it still fails."""
        waits = _backoff_waits(self.retry_delay, self.max_retry_delay)
        for round_try in range(self.retries_per_round + 1):
            timeout = None if deadline is None else deadline - time.monotonic()
            if timeout is not None and timeout <= 0:
                break
            try:
                self._send(batch.events, timeout)
            except ApiError as exc:
                verdict = self._classify(exc)
                if verdict == "split" and len(batch.events) == 1:
                    verdict = "rejected"  # one event too large for a batch of its own
                if verdict == "split":
                    half = len(batch.events) // 2
                    self._hold(_Batch(batch.events[half:], source=batch.source), first=True)
                    self._hold(_Batch(batch.events[:half], source=batch.source), first=True)
                    return
                if verdict != "retry":
                    self._give_up(batch, verdict, exc)
                    return
                self.stats.last_error = str(exc)
                now = time.monotonic()
                batch.first_failure = batch.first_failure or now
                if now - batch.first_failure >= self.retry_window:
                    self._expire(batch, exc)
                    return
                if round_try == self.retries_per_round or self._stop.is_set():
                    break  # when closing, one attempt per round: close() owns the deadline
                wait = retry_wait(next(waits), exc)
                if deadline is not None and now + wait >= deadline:
                    break
                with self._lock:
                    self.stats.retried += len(batch.events)
                self._log.info("retrying %d events in %.2fs: %s", len(batch.events), wait, exc)
                if self._stop.wait(wait):
                    break
            else:
                self._resolve(batch, sent=True)
                return
        self._hold(batch)

    def _expire(self, batch: _Batch, exc: ApiError) -> None:
        """A batch failed for the whole retry window: spool it if possible, else drop it."""
        if self._spool is not None and self._spool.save(batch.events):
            with self._lock:
                self.stats.spooled += len(batch.events)
            self._resolve(batch, sent=False)
        else:
            self._give_up(batch, "retries_exhausted", exc)

    def _classify(self, exc: ApiError) -> str:
        status = exc.status_code
        if is_transient(exc) or status is None:
            return "retry"
        if status == 400 and "too large" in str(exc.body).lower():
            return "split"
        if status in (401, 403):
            if not self._unauthorized:
                self._unauthorized = True
                self._log.error(
                    "the event service refused the API key (status %d): events will not be "
                    "sent; check SCHEMATIC_API_KEY or the api_key passed to Schematic()",
                    status,
                )
            return "unauthorized"
        return "rejected"

    def _resolve(self, batch: _Batch, *, sent: bool) -> None:
        """Account for a batch that is done with: sent, given up on, or spooled."""
        count = len(batch.events)
        release = None
        with self._done:
            if sent:
                self.stats.sent += count
                self._full = False
            if batch.source is None:
                self._finished += count
            else:
                left = self._sources.get(batch.source, 0) - count
                self._sources[batch.source] = left
                if left <= 0:
                    del self._sources[batch.source]
                    release = batch.source
            self._done.notify_all()
        if release is not None and self._spool is not None:
            self._spool.release(release)

    def _give_up(self, batch: _Batch, reason: str, exc: BaseException) -> None:
        """Drop a batch for good: log it, tell ``on_error``, count it."""
        dropped = len(batch.events)
        if reason == "shutdown":
            self._log.warning("dropped %d events not sent before shutdown: %s", dropped, exc)
        elif reason != "unauthorized":  # that one was logged once, when the key was refused
            self._log.error("dropped %d events (%s): %s", dropped, reason, exc)
        self._notify(exc, batch.events)  # before counting: flush() returns after the callback
        with self._lock:
            self.stats.dropped[reason] += dropped
            self.stats.last_error = str(exc)
        self._resolve(batch, sent=False)

    def _drop_now(self, reason: str) -> None:
        with self._lock:
            self.stats.dropped[reason] += 1

    def _notify(self, exc: BaseException, events: list[str]) -> None:
        if self._on_error is None or getattr(self._in_callback, "active", False):
            return
        self._in_callback.active = True
        try:
            self._on_error(exc, events)
        except Exception:
            self._log.exception("on_error callback failed")
        finally:
            self._in_callback.active = False

    def _take_all(self) -> list[_Batch]:
        """Remove every held and queued event, as batches (spooled ones keep their source)."""
        batches = list(self._held)
        self._held.clear()
        self._held_count = 0
        queued = self._encode_queued(None)
        return [*batches, _Batch(queued)] if queued else batches


def _backoff_waits(base: float, cap: float) -> Iterator[float]:
    """Exponential waits with full jitter, from the ``backoff`` package."""
    import backoff

    gen = backoff.expo(factor=base, max_value=cap)
    next(gen)  # the generator's priming yield
    for value in gen:
        yield backoff.full_jitter(value) if value else 0.0


def _close_all_at_exit() -> None:
    """Deliver queued events of every live worker, within one overall deadline."""
    global _exiting
    _exiting = True
    workers = [w for w in list(_workers) if w._pid == os.getpid() and not w._closed]
    if not workers:
        return
    deadline = time.monotonic() + max(w.shutdown_timeout for w in workers)
    for worker in workers:
        try:
            worker.close(max(0.0, deadline - time.monotonic()))
        except Exception:
            worker._log.exception("error while sending events at exit")


atexit.register(_close_all_at_exit)
