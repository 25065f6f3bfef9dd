"""The event queue and the threads that deliver it.

``submit`` appends an event to a bounded queue: bounded by a count and by an estimate of
its encoded size. It never does network I/O. When the queue is full, it waits for room
(at most ``block_timeout``) while the event service is accepting events, since the
senders are making room as fast as the service takes them; when the service is failing,
it never waits: the event is spooled (with a ``Spool``) or dropped, and counted.

Senders are threads that take batches of at most ``batch_size`` events and send them,
several batches in flight at once (at most ``concurrency``) over kept-alive connections.
One sender runs while there are events; more start while full batches wait, and leave
after a second with nothing to do. Queued events are sent when a full batch waits, when
someone flushes or closes, and every ``period`` seconds. Batches leave in the order their
events were tracked, each event with its own idempotency key and ``sent_at``.

Delivery of a batch:

* connection failures, timeouts, 408, 429, 500, 502, 503 and 504 are retried: the batch
  waits (as its ``Retry`` policy says: doubling, jitter, ``Retry-After``) while other
  batches go on, for up to ``retry_window`` seconds after its first failure (then it is
  spooled, if there is a spool, or dropped). While the service keeps failing, one
  attempt at a time probes it, at growing intervals, instead of every batch hammering
  it. The idempotency keys make a batch that reached the server before a failure count
  once;
* ``400 batch too large`` splits the batch in two;
* 401 and 403 mean the key is wrong: one error is logged and events are no longer sent;
* any other 4xx rejects that batch for good.

Waits use conditions that ``close`` interrupts. The worker is fork-aware: a child process
starts with an empty queue and threads of its own. A worker whose client was garbage
collected without ``close`` (``abandon``) sends what it holds, then stops. With a
``Spool``, what is still unsent at close is written to disk, and files left by earlier
processes are sent by this one.
"""

from __future__ import annotations

import atexit
import bisect
import itertools
import logging
import os
import sys
import threading
import time
import weakref
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from . import _fork
from ._config import (
    DEFAULT_EVENT_BATCH_SIZE,
    DEFAULT_EVENT_BLOCK_TIMEOUT,
    DEFAULT_EVENT_BUFFER_PERIOD,
    DEFAULT_EVENT_CONCURRENCY,
    DEFAULT_EVENT_MAX_RETRY_DELAY,
    DEFAULT_EVENT_OVERFLOW,
    DEFAULT_EVENT_QUEUE_BYTES,
    DEFAULT_EVENT_QUEUE_SIZE,
    DEFAULT_EVENT_RETRY_DELAY,
    DEFAULT_EVENT_RETRY_WINDOW,
    DEFAULT_SHUTDOWN_TIMEOUT,
)
from ._events import Event, encode_batch
from ._retry import Retry, retry_after
from .errors import ApiError, is_transient

if TYPE_CHECKING:
    from pathlib import Path

    from ._spool import Spool

DEFAULT_RETRY = Retry(None, DEFAULT_EVENT_RETRY_DELAY, DEFAULT_EVENT_MAX_RETRY_DELAY)
HELPER_IDLE = 1.0  # seconds an extra sender waits for work before it leaves
Overflow = Literal["block", "drop"]
Send = Callable[[list[str], "float | None"], None]  # (encoded events, timeout in seconds)
OnError = Callable[[BaseException, list[str]], None]

_workers: weakref.WeakSet[EventWorker] = weakref.WeakSet()
_exiting = False
_INFINITE = float("inf")


@dataclass
class WorkerStats:
    """Counters of one worker; ``dropped`` is keyed by reason."""

    sent: int = 0
    retried: int = 0  # events in batches that were retried, counted once per retry
    dropped: Counter[str] = field(default_factory=Counter)
    spooled: int = 0  # written to disk: at close, after the retry window, or on overflow
    unspooled: int = 0  # read back from spool files
    blocked: int = 0  # submit calls that waited for room in the queue
    blocked_seconds: float = 0.0  # their waits, in all
    last_error: str | None = None


@dataclass(eq=False)
class _Batch:
    """Events taken from the queue (``raw`` until encoded) or from a spool file."""

    seq: int  # the position of its first event in the order of submission
    raw: list[Event] | None = None
    events: list[str] = field(default_factory=list)
    size: int = 0  # bytes it counts for in the queue's bound: estimated, then as encoded
    source: Path | None = None  # the spool file these events came from, if any
    first_failure: float | None = None  # time.monotonic() of the first failed attempt
    attempts: int = 0  # failed attempts so far
    due: float = 0.0  # not to be tried again before this time.monotonic()
    started: float | None = None  # when the attempt in flight began
    orphaned: bool = False  # close() accounted for it while it was still in flight

    def count(self) -> int:
        return len(self.raw) if self.raw is not None else len(self.events)


_LOAD_SPOOL = _Batch(seq=-1)  # the work item "read a spool file"


class EventWorker:
    """A bounded queue of events and the daemon threads that send them."""

    def __init__(
        self,
        send: Send,
        *,
        period: float = DEFAULT_EVENT_BUFFER_PERIOD,
        batch_size: int = DEFAULT_EVENT_BATCH_SIZE,
        max_queue: int = DEFAULT_EVENT_QUEUE_SIZE,
        max_queue_bytes: int = DEFAULT_EVENT_QUEUE_BYTES,
        overflow: Overflow = DEFAULT_EVENT_OVERFLOW,
        block_timeout: float = DEFAULT_EVENT_BLOCK_TIMEOUT,
        concurrency: int = DEFAULT_EVENT_CONCURRENCY,
        retry: Retry = DEFAULT_RETRY,
        retry_window: float = DEFAULT_EVENT_RETRY_WINDOW,
        shutdown_timeout: float = DEFAULT_SHUTDOWN_TIMEOUT,
        on_error: OnError | None = None,
        spool: Spool | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._send = send
        self.period = period
        self.batch_size = batch_size
        self.max_queue = max_queue
        self.max_queue_bytes = max_queue_bytes
        self.overflow = overflow
        self.block_timeout = block_timeout
        self.concurrency = concurrency
        self.retry = retry
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
        self._lock = threading.Lock()
        self._finishing = threading.Lock()
        self._work = threading.Condition(self._lock)  # senders wait here for work
        self._room = threading.Condition(self._lock)  # submitters wait here for room
        self._done = threading.Condition(self._lock)  # flushers wait here for delivery
        self._queue: deque[Event] = deque()  # submitted, not yet taken by a sender
        self._held: list[_Batch] = []  # batches waiting for another attempt, by seq
        self._inflight: set[_Batch] = set()  # taken by a sender, not yet resolved
        # What the bounds count: every event in memory, queued, held or in flight.
        self._count = 0
        self._bytes = 0
        self._overflow: list[Event] = []  # events on their way to the spool
        self._senders: set[threading.Thread] = set()
        self._taken = 0  # events taken from the queue so far: the next batch's seq
        self._spool_seqs = itertools.count(-(2**62))  # spooled events go before the rest
        self._due_upto: float = 0  # events with a seq below this are sent without waiting
        self._next_sweep = time.monotonic() + self.period
        self._load_due = self._spool is not None
        self._finished = 0  # submitted events sent or given up on; compared with _accepted()
        self._sources: dict[Path, int] = {}  # claimed spool files -> events not yet resolved
        self._last_success = -_INFINITE
        self._streak = 0  # failed attempts since the last success
        self._gate = 0.0  # no attempt starts before this time.monotonic()
        self._closed = False
        self._abandoned: Callable[[], None] | None = None
        self._close_deadline = _INFINITE
        self._close_result: bool | None = None
        self._unauthorized = False
        self._full = False
        self._in_callback = threading.local()
        self.stats = WorkerStats()

    # -- the caller's side ------------------------------------------------------------------
    def submit(self, event: Event, *, wait: bool = True) -> bool | None:
        """Queue one event; False when it was not queued (spooled, dropped: counted).

        Waits for room only with the ``block`` policy, while the service accepts events;
        with ``wait=False``, returns None instead of waiting (nothing is queued).
        """
        sender = spill = None
        with self._lock:
            if self._closed or self._unauthorized:
                self.stats.dropped["closed" if self._closed else "unauthorized"] += 1
                return False
            size = event[4]
            queued = self._count < self.max_queue and (
                self._bytes + size <= self.max_queue_bytes or not self._count
            )  # _fits(), written out: this is every track() call
            if not queued and not wait and self._would_wait():
                return None
            queued = queued or self._wait_for_room(size)
            if queued:
                self._queue.append(event)
                self._count += 1
                self._bytes += size
                if not self._senders:
                    sender = self._new_sender()
                elif len(self._queue) == self.batch_size:
                    self._work.notify()
            elif self._spool is None:
                self._drop_full()
            else:
                self._overflow.append(event)
                if len(self._overflow) >= self.batch_size:
                    spill, self._overflow = self._overflow, []
        if sender is not None:
            sender.start()  # not under the lock: a thread may take a while to start
        if spill is not None:
            self._spill(spill)
        return queued

    def _fits(self, size: int) -> bool:
        if self._count >= self.max_queue:
            return False
        return self._bytes + size <= self.max_queue_bytes or self._count == 0

    def offer(self, event: Event) -> bool:
        """Queue an event only if there is room now, never waiting: for the events the SDK
        makes itself (``flag_check``), which must not hold up a flag check."""
        queued = self.submit(event, wait=False)
        if queued is None:
            with self._lock:
                self.stats.dropped["queue_full"] += 1
        return bool(queued)

    def _would_wait(self) -> bool:
        return self.overflow == "block" and self._progressing(time.monotonic())

    def _wait_for_room(self, size: int) -> bool:
        """With the lock held: wait while the senders make progress; True once it fits."""
        self._due_upto = max(self._due_upto, self._accepted())  # a full queue is sent now
        self._work.notify()
        if self.overflow != "block" or not self._progressing(time.monotonic()):
            return False
        started = time.monotonic()
        deadline = started + self.block_timeout
        self.stats.blocked += 1
        try:
            while not self._fits(size):
                now = time.monotonic()
                if now >= deadline or self._closed or not self._progressing(now):
                    return False
                self._room.wait(min(deadline - now, 0.1))
            return True
        finally:
            self.stats.blocked_seconds += time.monotonic() - started

    def _progressing(self, now: float) -> bool:
        """Whether the service is taking events: a batch was delivered recently, or
        nothing has failed since and no attempt has been hanging for long."""
        if self._unauthorized:
            return False
        if now - self._last_success < self.block_timeout:
            return True
        if self._streak:
            return False
        started = [b.started for b in self._inflight if b.started is not None]
        return not started or now - min(started) < self.block_timeout

    def _drop_full(self) -> None:
        self.stats.dropped["queue_full"] += 1
        if not self._full:
            self._full = True
            self._log.warning(
                "event queue is full (%d events, %d bytes): dropping new events until it drains",
                self.max_queue,
                self.max_queue_bytes,
            )

    def _spill(self, events: list[Event]) -> None:
        """Write events that found no room to the spool, outside the lock."""
        encoded, failed = encode_batch(events)
        self._count_unencodable(failed, in_memory=False)
        saved = self._spool is not None and self._spool.save(encoded, reload=True)
        with self._lock:
            if saved:
                self.stats.spooled += len(encoded)
                self._load_due = True
            else:
                self.stats.dropped["queue_full"] += len(encoded)

    def _accepted(self) -> int:
        """Events accepted into the queue so far: those taken, plus those still queued."""
        return self._taken + len(self._queue)

    def flush(self, timeout: float | None = None) -> bool:
        """Send everything queued so far, and the spool files waiting (as many as fit in
        half the queue); True when all of it was delivered in time.

        Never waits on a thread that is not running: without one (at interpreter exit, or
        before any thread was started) the calling thread delivers the events itself.
        """
        deadline = _INFINITE if timeout is None else time.monotonic() + timeout
        while self._spool is not None and self._load_spool():
            pass
        with self._lock:
            target = self._accepted()
            files = set(self._sources)
            dropped_before = sum(self.stats.dropped.values())
            self._due_upto = max(self._due_upto, target)
            self._retry_held_now()
            self._work.notify_all()

            def pending() -> bool:
                return self._finished < target or not files.isdisjoint(self._sources)

            while pending() and self._senders_alive():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._done.wait(min(remaining, 0.05))
        if pending() and not self._senders_alive():
            self._serve_inline(deadline)
        with self._lock:
            return not pending() and sum(self.stats.dropped.values()) == dropped_before

    def close(self, timeout: float | None = None) -> bool:
        """Stop accepting events, deliver what is queued within ``timeout``, stop the threads.

        Returns True when nothing was left undelivered. Idempotent.
        """
        if self._pid != os.getpid():
            self._reset()
        timeout = self.shutdown_timeout if timeout is None else timeout
        with self._lock:
            self._begin_close(time.monotonic() + timeout)
            deadline = self._close_deadline
        self._join_senders(deadline)
        if not self._senders_alive():
            self._serve_inline(deadline)
        return self._finish()

    def _join_senders(self, deadline: float) -> None:
        """Wait until every sender has left, or the deadline; one may be about to start."""
        me = threading.current_thread()
        while time.monotonic() < deadline:
            waiting = [t for t in tuple(self._senders) if t is not me]
            started = [t for t in waiting if t.ident is not None]
            if not waiting or (
                len(started) == len(waiting) and not any(t.is_alive() for t in started)
            ):
                return
            if len(started) < len(waiting):  # made under the lock, started just after it
                with self._lock:
                    self._done.wait(0.001)
                continue
            for thread in started:
                thread.join(max(0.0, deadline - time.monotonic()))

    def abandon(self, then: Callable[[], None]) -> None:
        """Close without waiting: the senders deliver what is held, then call ``then``.

        For a client that was garbage-collected without ``close``: never blocks, and safe
        to call from a finalizer on any thread. Delivery goes on as it would have (there
        is no deadline but the retry window); the exit hook sets one at exit.
        """
        if threading.current_thread() in self._senders:
            # The garbage collector can run a finalizer on a sender that holds the lock.
            threading.Thread(target=self.abandon, args=(then,), daemon=True).start()
            return
        if self._pid != os.getpid():
            self._reset()
        sender = None
        with self._lock:
            finished = self._close_result is not None
            if not finished:
                self._abandoned = then
                self._begin_close(_INFINITE)
                if not self._senders and (self._queue or self._held or self._overflow):
                    sender = self._new_sender()
            idle = not self._senders
        if sender is not None:
            sender.start()
        if finished:
            then()
        elif idle:
            self._finish()

    def _begin_close(self, deadline: float) -> None:
        """With the lock held: no more events; everything queued is due now."""
        self._close_deadline = min(self._close_deadline, deadline)
        self._work.notify_all()
        if self._closed:
            return
        self._closed = True
        self._due_upto = _INFINITE
        self._retry_held_now()
        self._room.notify_all()

    def _retry_held_now(self) -> None:
        now = time.monotonic()
        for batch in self._held:
            batch.due = min(batch.due, now)

    def _finish(self) -> bool:
        """After close: spool or drop what is left; True when nothing was. Runs once."""
        with self._finishing:
            if self._close_result is None:
                self._close_result = self._take_leftover()
            with self._lock:
                then, self._abandoned = self._abandoned, None
        if then is not None:
            then()
        return self._close_result

    def _take_leftover(self) -> bool:
        with self._lock:
            leftover = [*self._inflight, *self._held]
            for batch in self._inflight:
                # Still in flight on a stuck thread: it counts as undelivered, since the
                # process may end before it completes. Its idempotency keys make a later
                # resend harmless.
                batch.orphaned = True
            self._inflight.clear()
            self._held.clear()
            if self._queue:
                raw = list(self._queue)
                leftover.append(_Batch(self._taken, raw=raw, size=sum(e[4] for e in raw)))
                self._taken += len(raw)
                self._queue.clear()
            overflow, self._overflow = self._overflow, []
        if overflow:
            self._spill(overflow)
        for batch in leftover:
            self._encode(batch)
        events = [e for batch in leftover for e in batch.events]
        if events and self._spool is not None and self._spool.save(events):
            with self._lock:
                self.stats.spooled += len(events)
            for batch in leftover:
                self._resolve(batch, sent=False)
        else:
            for batch in leftover:
                if batch.events:
                    self._give_up(batch, "shutdown", ApiError("client closed before delivery"))
        return not events and not overflow

    def depth(self) -> int:
        """Events in memory: queued, in flight, or waiting to be tried again."""
        return self._count

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
                "events_blocked": stats.blocked,
                "events_blocked_seconds": round(stats.blocked_seconds, 6),
                "events_in_flight": sum(b.count() for b in self._inflight),
                "queue_depth": self.depth(),
                "queue_bytes": self._bytes,
                "last_error": stats.last_error,
            }

    def start_if_spooled(self) -> None:
        """Start a sender now if earlier processes left events to send."""
        if self._spool is not None and self._spool.pending():
            with self._lock:
                sender = None if self._senders else self._new_sender()
            if sender is not None:
                sender.start()

    # -- the senders' side ------------------------------------------------------------------
    def _new_sender(self) -> threading.Thread | None:
        """With the lock held: one more sender thread, for the caller to start once it has
        released the lock; None when there are enough, or the interpreter is ending."""
        if _exiting or sys.is_finalizing() or len(self._senders) >= self.concurrency:
            return None
        thread = threading.Thread(target=self._serve, name="schematic-events", daemon=True)
        self._senders.add(thread)
        return thread

    def _senders_alive(self) -> bool:
        me = threading.current_thread()
        # A copy (made in one step) rather than the set, which senders change as they leave.
        return any(t.is_alive() and t is not me for t in tuple(self._senders))

    def _serve(self) -> None:
        """A sender thread's life: take work and do it until there is none."""
        me = threading.current_thread()
        try:
            while True:
                with self._lock:
                    batch = self._next()
                    if batch is None:
                        self._senders.discard(me)
                        last = not self._senders
                        break
                    now = time.monotonic()
                    helper = self._new_sender() if self._wants_more_senders(now) else None
                if helper is not None:
                    helper.start()
                self._do(batch)
        except BaseException:
            with self._lock:
                self._senders.discard(me)
            raise
        if last and self._abandoned is not None:
            self._finish()

    def _serve_inline(self, deadline: float) -> None:
        """Deliver on the calling thread, when no sender can run; stop at ``deadline``."""
        while time.monotonic() < deadline:
            with self._lock:
                if not (self._queue or self._held):
                    return
                self._due_upto = max(self._due_upto, self._accepted())
                now = time.monotonic()
                batch = self._pick(now, ignore_gate=True)
                if batch is None:
                    due = min(b.due for b in self._held) if self._held else now
                    if due >= deadline:
                        return
                    self._work.wait(max(due - now, 0.001))
                    continue
            self._do(batch)

    def _next(self) -> _Batch | None:
        """With the lock held: the next work for a sender; None when it should leave.

        The last sender stays; others leave after ``HELPER_IDLE`` seconds without work.
        """
        idle_since = time.monotonic()
        while True:
            now = time.monotonic()
            extra = len(self._senders) > 1
            if now >= self._close_deadline:
                return None
            if now >= self._next_sweep:
                self._due_upto = max(self._due_upto, self._accepted())
                self._next_sweep = now + self.period
                self._load_due = self._load_due or self._spool is not None
            batch = self._pick(now)
            if batch is not None:
                return batch
            if self._closed and not (self._queue or self._held or self._inflight):
                return None
            if self._load_due and self._may_load(now):
                self._load_due = False
                return _LOAD_SPOOL
            if extra and now - idle_since >= HELPER_IDLE:
                return None
            self._work.wait(max(self._wake_at(now, extra, idle_since) - now, 0.001))

    def _pick(self, now: float, *, ignore_gate: bool = False) -> _Batch | None:
        """With the lock held: a held batch that is due, else queued events that are."""
        if not ignore_gate and (now < self._gate or (self._streak and self._inflight)):
            return None  # failing: one attempt at a time, at the backoff's pace
        for index, batch in enumerate(self._held):
            if batch.due <= now:
                del self._held[index]
                return self._take(batch, now)
        queue = self._queue
        if queue and (len(queue) >= self.batch_size or self._taken < self._due_upto):
            raw = [queue.popleft() for _ in range(min(self.batch_size, len(queue)))]
            batch = _Batch(self._taken, raw=raw, size=sum(item[4] for item in raw))
            self._taken += len(raw)
            return self._take(batch, now)
        return None

    def _take(self, batch: _Batch, now: float) -> _Batch:
        batch.started = now
        self._inflight.add(batch)
        return batch

    def _wants_more_senders(self, now: float) -> bool:
        if len(self._senders) >= self.concurrency or self._streak:
            return False
        return len(self._queue) >= self.batch_size or any(b.due <= now for b in self._held)

    def _may_load(self, now: float) -> bool:
        """Read spool files only while there is room and the service takes events."""
        return (
            self._spool is not None
            and not self._closed
            and self.depth() < self.max_queue // 2
            and (self._streak == 0 or now - self._last_success < self.block_timeout)
        )

    def _wake_at(self, now: float, extra: bool, idle_since: float) -> float:
        """When a waiting sender should look again, unless something wakes it first."""
        times = [self._next_sweep, self._close_deadline]
        if self._gate > now:
            times.append(self._gate)
        if self._held:
            times.append(max(self._gate, min(b.due for b in self._held)))
        if extra:
            times.append(idle_since + HELPER_IDLE)
        return min(times)

    def _do(self, batch: _Batch) -> None:
        """Do one piece of work outside the lock; a bug is logged, never fatal."""
        try:
            if batch is _LOAD_SPOOL:
                self._load_spool()
            else:
                self._attempt(batch)
        except Exception as exc:
            self._log.exception("unexpected error in the event worker")
            if batch is not _LOAD_SPOOL:
                with self._lock:
                    self._inflight.discard(batch)
                self._encode(batch)
                self._give_up(batch, "error", exc)

    def _encode(self, batch: _Batch) -> None:
        """Turn a batch's queued events into JSON, once; the bad ones are counted apart."""
        raw = batch.raw
        if raw is None:
            return
        events, failed = encode_batch(raw)
        with self._lock:
            self._encoded(batch, events)
        self._count_unencodable(failed, in_memory=True)

    def _encoded(self, batch: _Batch, events: list[str]) -> None:
        """With the lock held: the batch holds JSON now, and counts for its real size."""
        size = sum(map(len, events))
        self._bytes += size - batch.size
        batch.raw, batch.events, batch.size = None, events, size

    def _count_unencodable(self, failed: list[tuple[Event, Exception]], *, in_memory: bool) -> None:
        if not failed:
            return
        self._log.error(
            "dropped %d events that could not be encoded: %s", len(failed), failed[0][1]
        )
        with self._done:
            self.stats.dropped["invalid"] += len(failed)
            if in_memory:  # taken from the queue (not events on their way to the spool)
                self._finished += len(failed)
                self._count -= len(failed)
            self._room.notify_all()
            self._done.notify_all()

    def _attempt(self, batch: _Batch) -> None:
        """One attempt to send a batch, and what follows from its outcome."""
        if batch.raw is not None:
            raw = batch.raw
            events, failed = encode_batch(raw)
            with self._lock:
                if batch.orphaned:
                    return  # close() took these events while they were being encoded
                self._encoded(batch, events)
            self._count_unencodable(failed, in_memory=True)
        if not batch.events:
            with self._lock:
                self._inflight.discard(batch)
            return
        timeout = None
        if self._close_deadline < _INFINITE:
            timeout = self._close_deadline - time.monotonic()
            if timeout <= 0:
                return  # close() will account for it
        try:
            self._send(batch.events, timeout)
        except ApiError as exc:
            self._failed(batch, exc)
            _forget_tracebacks(exc)
        else:
            self._succeeded(batch)

    def _succeeded(self, batch: _Batch) -> None:
        with self._lock:
            self._inflight.discard(batch)
            if batch.orphaned:
                return
            self._last_success = time.monotonic()
            self._streak = 0
            self._gate = 0.0
            self._full = False
            self._work.notify_all()
        self._resolve(batch, sent=True)

    def _failed(self, batch: _Batch, exc: ApiError) -> None:
        verdict = self._classify(exc)
        if verdict == "split" and len(batch.events) == 1:
            verdict = "rejected"  # one event too large for a batch of its own
        with self._lock:
            self._inflight.discard(batch)
            if batch.orphaned:
                return
            if verdict == "split":
                half = len(batch.events) // 2
                for seq, part in ((0, batch.events[:half]), (half, batch.events[half:])):
                    size = sum(map(len, part))
                    self._hold(_Batch(batch.seq + seq, events=part, size=size), batch.source)
                self._work.notify_all()
                return
            if verdict == "retry":
                expired = self._schedule_retry(batch, exc)
                self._room.notify_all()
                self._work.notify_all()
                if not expired:
                    return
        if verdict == "retry":
            self._expire(batch, exc)
        else:
            self._give_up(batch, verdict, exc)

    def _schedule_retry(self, batch: _Batch, exc: ApiError) -> bool:
        """With the lock held: hold a failed batch for a later attempt; True if it expired.

        The batch waits as the retry policy says; when the service rather than this batch
        is failing (failures in a row, or a ``Retry-After``), every attempt is held back
        as long, so that one attempt at a time probes it.
        """
        now = time.monotonic()
        self.stats.last_error = str(exc)
        self._streak += 1
        batch.first_failure = batch.first_failure or now
        batch.attempts += 1
        wait = self.retry.next(
            batch.attempts, exc, now=now, deadline=batch.first_failure + self.retry_window
        )
        if wait is None:
            return True
        batch.due = now + wait
        if self._streak >= 2 or retry_after(exc) is not None:
            self._gate = max(self._gate, now + self.retry.wait(self._streak - 1, exc))
        self.stats.retried += len(batch.events)
        self._log.info("retrying %d events in %.2fs: %s", len(batch.events), wait, exc)
        self._hold(batch, batch.source)
        return False

    def _hold(self, batch: _Batch, source: Path | None) -> None:
        """With the lock held: keep a batch for a later attempt, in the order of its events."""
        batch.source = source
        batch.started = None
        bisect.insort(self._held, batch, key=lambda b: b.seq)

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
            self._count -= count
            self._bytes -= batch.size
            if sent:
                self.stats.sent += count
            if batch.source is None:
                self._finished += count
            else:
                left = self._sources.get(batch.source, 0) - count
                self._sources[batch.source] = left
                if left <= 0:
                    del self._sources[batch.source]
                    release = batch.source
            self._room.notify_all()
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

    def _load_spool(self) -> bool:
        """Hold the events of one spool file for sending; False if there was none to take
        (or no room for one)."""
        assert self._spool is not None
        with self._lock:
            if not self._may_load(time.monotonic()):
                return False
        claimed = self._spool.claim()
        if claimed is None:
            return False
        path, events = claimed
        if not events:
            self._spool.release(path)
            return True
        with self._lock:
            self._sources[path] = len(events)
            for start in range(0, len(events), self.batch_size):
                part = events[start : start + self.batch_size]
                batch = _Batch(next(self._spool_seqs), events=part, size=sum(map(len, part)))
                self._count += len(part)
                self._bytes += batch.size
                self._hold(batch, path)
            self.stats.unspooled += len(events)
            self._load_due = True  # there may be more files
            self._work.notify_all()
        self._log.info("sending %d spooled events from %s", len(events), path.name)
        return True


def _forget_tracebacks(exc: BaseException | None) -> None:
    """Drop the frames a handled failure holds on to, and the connection among them.

    A failed request's traceback reaches the ``requests``/``urllib3`` frames that held
    the connection; through reference cycles among them it would stay open until the
    garbage collector next runs.
    """
    for _ in range(16):
        if exc is None:
            return
        exc.__traceback__ = None
        exc = exc.__cause__ or exc.__context__


def _close_all_at_exit() -> None:
    """Deliver queued events of every live worker, within one overall deadline."""
    global _exiting
    _exiting = True
    workers = [w for w in list(_workers) if w._pid == os.getpid() and w._close_result is None]
    if not workers:
        return
    deadline = time.monotonic() + max(w.shutdown_timeout for w in workers)
    for worker in workers:
        try:
            worker.close(max(0.0, deadline - time.monotonic()))
        except Exception:
            worker._log.exception("error while sending events at exit")


atexit.register(_close_all_at_exit)
