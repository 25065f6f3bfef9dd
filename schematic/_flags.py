"""Flag-check helpers: options, the key of a check, argument checks, defaults and the
reasons given for them, and the circuit breaker."""

from __future__ import annotations

import itertools
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import _validation

if TYPE_CHECKING:
    from .models.features import CheckFlagResponseData

REASON_OFFLINE = "Offline mode - using default value"
REASON_FLAG_NOT_FOUND = "Flag not found - using default value"
REASON_ERROR = "Error occurred - using default value"
REASON_INVALID = "Invalid argument - using default value"
REASON_CIRCUIT_OPEN = "API unavailable (circuit open) - using default value"
REASON_STALE = "API unavailable - using the last value received"
STALE_VALUES_KEPT = 10_000  # last-known answers kept for when the API fails


@dataclass
class EventUsage:
    """Usage of one event subtype that a preflighted check counts as already recorded.

    Attributes:
        event_subtype: the event, as ``track`` names it (e.g. ``"inference_tokens"``).
        quantity: how much of it; any finite number >= 0, rounded up to a whole number
            on the wire, so a check never passes on less usage than the action records.
    """

    event_subtype: str
    quantity: float

    def __post_init__(self) -> None:
        if type(self.event_subtype) is not str or not self.event_subtype.strip():
            raise TypeError(f"event_subtype must be a non-empty str, got {self.event_subtype!r}")
        usage_quantity("quantity", self.quantity)


@dataclass
class CheckFlagOptions:
    """Options for one flag check.

    Attributes:
        default_value: the value when the check cannot reach an answer; a bool, or a
            function of no arguments called each time a default is needed.
        timeout: seconds the whole check may take, retries included; the client's
            ``flag_check_timeout`` (3 s unless configured) when left out.
        usage: preflight: evaluate the flag as if this much more usage were recorded,
            for every numeric condition (a finite number >= 0, rounded up).
        event_usage: preflight: the same for one event subtype only (an ``EventUsage``);
            preferred over ``usage`` when the subtype is known.
        credit_cost: preflight: the cost in credits, by credit id, for callers that
            computed it; it takes precedence over ``usage`` for the same credit.

    A preflighted check (any of the last three set) asks the API every time: its answer
    depends on the usage given, so it is neither read from nor written to the caches,
    and when the API cannot answer, the default is returned, never an earlier answer.
    """

    default_value: bool | Callable[[], bool] | None = None
    timeout: float | None = None
    usage: float | None = None
    event_usage: EventUsage | None = None
    credit_cost: dict[str, float] | None = None

    def __post_init__(self) -> None:
        value = self.default_value
        if value is not None and type(value) is not bool and not callable(value):
            raise TypeError(
                "default_value must be True, False, a function returning one of them, or "
                f"None; got {value!r}"
            )
        _validation.seconds("timeout", self.timeout, optional=True)
        self.preflight()

    @property
    def preflighted(self) -> bool:
        """Whether any of ``usage``, ``event_usage`` and ``credit_cost`` is set."""
        return (
            self.usage is not None or self.event_usage is not None or self.credit_cost is not None
        )

    def preflight(self) -> dict[str, Any] | None:
        """The ``preflight`` member of the check's request body; None when not preflighted.

        Raises TypeError or ValueError naming a bad field (checked again here, as fields
        can be changed after the options are made)."""
        if not self.preflighted:
            return None
        body: dict[str, Any] = {}
        if self.usage is not None:
            body["usage"] = usage_quantity("usage", self.usage)
        if self.event_usage is not None:
            if not isinstance(self.event_usage, EventUsage):
                raise TypeError(
                    f"event_usage must be an EventUsage, got {type(self.event_usage).__name__}"
                )
            body["event_usage"] = {
                "event_subtype": self.event_usage.event_subtype,
                "quantity": usage_quantity("event_usage.quantity", self.event_usage.quantity),
            }
        if self.credit_cost is not None:
            if not isinstance(self.credit_cost, Mapping):
                raise TypeError(
                    "credit_cost must be a dict of credit id to a number of credits, got "
                    f"{type(self.credit_cost).__name__}"
                )
            costs: dict[str, float] = {}
            for credit_id, cost in self.credit_cost.items():
                if type(credit_id) is not str or not credit_id:
                    raise TypeError(f"credit_cost keys must be credit ids, got {credit_id!r}")
                if type(cost) not in (int, float) or not math.isfinite(cost) or cost < 0:
                    raise ValueError(
                        f"credit_cost[{credit_id!r}] must be a finite number >= 0, got {cost!r}"
                    )
                costs[credit_id] = float(cost)
            body["credit_cost"] = costs
        return body


def usage_quantity(name: str, value: Any) -> int:
    """A usage as the API takes it: a whole number, rounded up; TypeError or ValueError
    naming ``name`` for anything but a finite number >= 0 that fits in 64 bits."""
    if type(value) not in (int, float):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or value < 0 or value >= 2**63:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    whole: int = math.ceil(value)
    return whole


Pairs = tuple[tuple[str, str], ...]
Context = tuple["Pairs | None", "Pairs | None"]
"""A check's company and user, as pairs: None for no context."""
CheckKey = tuple[str, "Pairs | None", "Pairs | None"]
"""What a check is looked up under: the flag and the company's and user's pairs, in the
order of the caller's dicts (``canonical`` makes it independent of that order)."""
Canonical = tuple[str, "frozenset[tuple[str, str]] | None", "frozenset[tuple[str, str]] | None"]
"""A check's key whatever the order of its contexts' keys: equal checks, equal keys."""


def check_key(
    flag_key: str, company: Mapping[str, str] | None, user: Mapping[str, str] | None
) -> CheckKey:
    """The key of a check, built once per check; nothing is checked, as this runs on every
    ``check_flag``: a context that is no mapping raises AttributeError or TypeError, one
    changed by another thread meanwhile RuntimeError. The pairs are a snapshot: changing
    the caller's dict later cannot change the check.

    Pairs in the caller's order are the cheapest key there is (``Schematic.check_flag``
    builds the same one inline); the caches keep one entry per check whatever the order,
    through ``canonical``.
    """
    return (
        flag_key,
        tuple(company.items()) if company else None,
        tuple(user.items()) if user else None,
    )


def canonical(key: CheckKey) -> Canonical:
    """The key with its contexts as sets of pairs, equal for ``{"a": .., "b": ..}`` and
    ``{"b": .., "a": ..}``."""
    flag_key, company, user = key
    return (flag_key, frozenset(company) if company else None, frozenset(user) if user else None)


HotKey = tuple[str, "tuple[str, ...] | None", "tuple[str, ...] | None"]
"""What ``Schematic.check_flag`` finds a cached answer by: the flag and the contexts'
values, in the order of the caller's dicts (quicker to build and to hash than the pairs).
Contexts can share their values, so an answer found this way is taken only if its
contexts equal the caller's."""


def hot_key(key: CheckKey) -> HotKey:
    """The ``HotKey`` of a check: what ``check_flag`` builds from the caller's dicts."""
    flag_key, company, user = key
    return (
        flag_key,
        tuple(v for _, v in company) if company else None,
        tuple(v for _, v in user) if user else None,
    )


def reorderable(key: CheckKey) -> bool:
    """Whether another order of the same contexts makes another key (a context of two or
    more pairs); if not, ``key`` is as good as its ``canonical`` form."""
    return (key[1] is not None and len(key[1]) > 1) or (key[2] is not None and len(key[2]) > 1)


def count_of(counter: itertools.count[int]) -> int:
    """How many times ``next`` was called on a counter started at 0. A counter is what the
    hot path counts with, as ``next`` on it is atomic where ``+= 1`` is not."""
    return int(repr(counter)[len("count(") : -1])


_SPECIAL = re.compile(r"[\\:;=]")


def text_key(key: CheckKey) -> str:
    """The key as text, for cache providers that store strings (Redis, your own):
    ``flag:company:k=v;k=v:user:k=v``, pairs sorted, separators backslash-escaped so that
    two checks never share a text."""
    flag_key, company, user = key
    text = _escape(flag_key)
    if company:
        text += ":company:" + ";".join(f"{_escape(k)}={_escape(v)}" for k, v in sorted(company))
    if user:
        text += ":user:" + ";".join(f"{_escape(k)}={_escape(v)}" for k, v in sorted(user))
    return text


def _escape(text: str) -> str:
    if _SPECIAL.search(text) is None:
        return text
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def check_flag_key(flag_key: Any) -> str:
    """``flag_key`` itself, or TypeError if it is not a non-empty str that can be a key."""
    if not isinstance(flag_key, str) or not flag_key:
        raise TypeError(f"flag_key must be a non-empty str, got {flag_key!r}")
    if flag_key in (".", ".."):  # in a URL path these would name another endpoint
        raise TypeError(f"flag_key cannot be {flag_key!r}")
    if not flag_key.isascii() and not _unicode(flag_key):
        raise TypeError(f"flag_key is not valid Unicode (a lone surrogate): {flag_key!r}")
    return flag_key


def check_context(name: str, context: Any) -> None:
    """A context is None or a dict of str to str; TypeError names what is wrong."""
    if context is None:
        return
    if not isinstance(context, Mapping):
        raise TypeError(f"{name} must be a dict of str to str, got {context!r}")
    check_pairs(name, context.items())


def check_pairs(name: str, pairs: Iterable[tuple[Any, Any]] | None) -> None:
    """The pairs of a context are str to str, in valid Unicode; TypeError if not."""
    for k, v in pairs or ():
        if type(k) is not str or type(v) is not str:
            raise TypeError(f"{name} must be a dict of str to str, got {k!r}: {v!r}")
        if not (k.isascii() and v.isascii()) and not (_unicode(k) and _unicode(v)):
            raise TypeError(f"{name} holds text that is not valid Unicode (a lone surrogate)")


def context_key(company: Any, user: Any) -> Context:
    """The contexts' part of a check's key, for several checks at once: copied, checked
    (TypeError names a bad one), and made into pairs."""
    company = snapshot("company", company)
    user = snapshot("user", user)
    check_context("company", company)
    check_context("user", user)
    return (
        tuple(company.items()) if company else None,
        tuple(user.items()) if user else None,
    )


def _unicode(text: str) -> bool:
    """Whether ``text`` can be encoded to UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def flag_key_list(flag_keys: Any) -> list[str]:
    """``flag_keys`` as a list of checked flag keys; TypeError names what is wrong."""
    problem = f"flag_keys must be a list of non-empty str, got {flag_keys!r}"
    if isinstance(flag_keys, (str, bytes)) or not isinstance(flag_keys, Iterable):
        raise TypeError(problem)
    for _ in range(3):
        try:
            keys = list(flag_keys)
            break
        except RuntimeError:  # changed by another thread while read
            continue
    else:
        raise TypeError("flag_keys kept changing while it was read (by another thread?)")
    for key in keys:
        if not isinstance(key, str) or not key:
            raise TypeError(problem)
        check_flag_key(key)
    return keys


def check_options(options: Any) -> None:
    if options is not None and not isinstance(options, CheckFlagOptions):
        raise TypeError(f"options must be a CheckFlagOptions, got {type(options).__name__}")


def snapshot(name: str, context: Any) -> Any:
    """A copy of a context made in one step, so that another thread changing the caller's
    dict meanwhile cannot break the check; anything that is not a mapping is left for the
    checks to name. TypeError if it keeps changing."""
    if type(context) is dict:
        return context.copy()  # done in C, without a thread switch
    if not isinstance(context, Mapping):
        return context
    for _ in range(3):
        try:
            return dict(context)
        except RuntimeError:  # "changed size during iteration"
            continue
    raise TypeError(f"{name} kept changing while it was read (by another thread?)")


def check_body(
    company: Pairs | None, user: Pairs | None, preflight: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The request body of a check, from its key's contexts (empty ones are left out
    rather than sent as null) and its ``preflight``, if any."""
    body: dict[str, Any] = {"preflight": preflight} if preflight is not None else {}
    if company:
        body["company"] = dict(sorted(company))
    if user:
        body["user"] = dict(sorted(user))
    return body


def fallback(
    flag_key: str,
    reason: str,
    options: CheckFlagOptions | None,
    defaults: Mapping[str, bool],
    error: str | None = None,
) -> CheckFlagResponseData:
    """The answer when the API gave none: the default value and why it was used."""
    from .models.features import CheckFlagResponseData

    value: Any = options.default_value if options is not None else None
    if callable(value):
        value = value()
        if type(value) is not bool:
            raise TypeError(f"default_value() returned {value!r}, not True or False")
    if value is None:
        value = defaults.get(flag_key, False)
    return CheckFlagResponseData(flag=flag_key, reason=reason, value=value, error=error)


def not_a_bool(result: CheckFlagResponseData) -> str | None:
    """Why an API answer cannot be used as a flag's value, or None when it can."""
    value: object = result.value  # parsed as received: a server may send anything
    if type(value) is bool:
        return None
    return f"the API answered {value!r} for the value, not true or false"


class CircuitBreaker:
    """Stops calling a failing API for a cool-down, then lets one check through as a probe.

    After ``threshold`` failures in a row the breaker opens: ``allow()`` says no until
    ``cooldown`` seconds have passed, then yes to one caller at a time (once per cool-down)
    until a check succeeds and closes it again.
    """

    def __init__(
        self, threshold: int, cooldown: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self.clock = clock
        self.failures = 0
        self._retry_at = 0.0
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.failures >= self.threshold

    def allow(self) -> bool:
        if self.failures < self.threshold:
            return True
        with self._lock:
            now = self.clock()
            if now < self._retry_at:
                return False
            self._retry_at = now + self.cooldown  # this caller probes; the rest wait again
            return True

    def record(self, ok: bool) -> bool:
        """Count one outcome; True when this failure is the one that opened the breaker."""
        if ok:
            if self.failures:
                with self._lock:
                    self.failures = 0
            return False
        with self._lock:
            self.failures += 1
            if self.failures == self.threshold:
                self._retry_at = self.clock() + self.cooldown
                return True
        return False
