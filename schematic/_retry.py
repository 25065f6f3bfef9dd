"""``Retry``: when a failed call is tried again, and after how long.

One policy for the three things the SDK retries: API calls (``Transport.request``), event
batches (``EventWorker``) and DataStream reconnections. After the ``n``-th failure in a row
the wait is ``min(delay * 2**(n-1), max_delay)`` plus a random share of ``delay`` (so that
many clients failing together do not come back together), and never less than what the
error's ``Retry-After`` header asks, up to a minute. There is no next attempt once
``retries`` are used up, or when it could not start before the caller's deadline.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .errors import MAX_RETRY_AFTER, ApiError, parse_retry_after


@dataclass(frozen=True)
class Retry:
    """A retry policy.

    Attributes:
        retries: attempts after the first one; None for no limit.
        delay: seconds of the first wait, doubled after each further failure.
        max_delay: the longest wait, jitter aside.
        jitter: a random fraction in [0, 1) of ``delay`` added to each wait (tests fix it).
    """

    retries: int | None
    delay: float
    max_delay: float
    jitter: Callable[[], float] = field(default=random.random, compare=False)

    def wait(self, failures: int, error: BaseException | None = None) -> float:
        """Seconds to wait after ``failures`` failures in a row (0 for none)."""
        if failures <= 0:
            computed = 0.0
        else:
            computed = min(self.delay * 2.0 ** min(failures - 1, 32), self.max_delay)
            computed += self.delay * self.jitter()
        hint = retry_after(error)
        return computed if hint is None else max(computed, hint)

    def next(
        self,
        failures: int,
        error: BaseException | None = None,
        *,
        now: float = 0.0,
        deadline: float | None = None,
    ) -> float | None:
        """The wait before the next attempt after ``failures`` failures in a row, or None
        when there is none: the retries are used up, or the attempt would start at or after
        ``deadline`` (on the clock that gave ``now``)."""
        if self.retries is not None and failures > self.retries:
            return None
        wait = self.wait(failures, error)
        if deadline is not None and now + wait >= deadline:
            return None
        return wait

    def at_most(self, retries: int, delay: float) -> Retry:
        """This policy with no more than ``retries`` retries and waits of at most ``delay``
        before jitter: what a flag check uses, as it must answer fast or fall back."""
        fewer = retries if self.retries is None else min(self.retries, retries)
        return replace(self, retries=fewer, delay=delay, max_delay=delay)


def retry_after(error: BaseException | None) -> float | None:
    """The wait an API error's ``Retry-After`` header asks for, capped; None without one."""
    if not isinstance(error, ApiError) or not error.headers:
        return None
    hint = parse_retry_after(error.headers)
    return None if hint is None else min(hint, MAX_RETRY_AFTER)
