"""Flag-check helpers: options, cache keys, defaults and the reasons given for them."""

from __future__ import annotations

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
CHECK_RETRIES = 1  # retries of one flag check, whatever max_retries says
CHECK_RETRY_DELAY = 0.05  # seconds, the longest wait before that retry


@dataclass
class CheckFlagOptions:
    """Options for one flag check.

    Attributes:
        default_value: the value when the check cannot reach an answer; a bool, or a
            function of no arguments called each time a default is needed.
        timeout: seconds the whole check may take, retries included; the client's
            ``flag_check_timeout`` (3 s unless configured) when left out.
    """

    default_value: bool | Callable[[], bool] | None = None
    timeout: float | None = None

    def __post_init__(self) -> None:
        value = self.default_value
        if value is not None and type(value) is not bool and not callable(value):
            raise TypeError(
                "default_value must be True, False, a function returning one of them, or "
                f"None; got {value!r}"
            )
        _validation.seconds("timeout", self.timeout, optional=True)


_SPECIAL = re.compile(r"[\\:;=]")


def escape(text: str) -> str:
    if _SPECIAL.search(text) is None:
        return text
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def cache_key(
    flag_key: str, company: Mapping[str, str] | None, user: Mapping[str, str] | None
) -> str:
    """The cache key of a check: ``flag:company:k=v;k=v:user:k=v`` with keys sorted.

    Separators inside names and values are backslash-escaped, so two different checks
    never share a key. Raises TypeError naming the argument that is not a str map.
    """
    return escape(check_flag_key(flag_key)) + context_key(company, user)


def check_flag_key(flag_key: Any) -> str:
    """``flag_key`` itself, or TypeError if it is not a non-empty str that can be a key."""
    if not isinstance(flag_key, str) or not flag_key:
        raise TypeError(f"flag_key must be a non-empty str, got {flag_key!r}")
    if flag_key in (".", ".."):  # in a URL path these would name another endpoint
        raise TypeError(f"flag_key cannot be {flag_key!r}")
    if not flag_key.isascii() and not _unicode(flag_key):
        raise TypeError(f"flag_key is not valid Unicode (a lone surrogate): {flag_key!r}")
    return flag_key


def _unicode(text: str) -> bool:
    """Whether ``text`` can be encoded to UTF-8 (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def context_key(company: Mapping[str, str] | None, user: Mapping[str, str] | None) -> str:
    """The part of a cache key after the flag key; TypeError names a context that is no str map."""
    key = ""
    if company:
        key += ":company:" + _pairs("company", company)
    if user:
        key += ":user:" + _pairs("user", user)
    return key


def local_key(
    flag_key: str, company: Mapping[str, str] | None, user: Mapping[str, str] | None
) -> tuple[object, ...]:
    """The key of a check in an in-process cache: as unambiguous as the text key, cheaper.

    Nothing is checked (this is built on every ``check_flag``); unhashable or non-mapping
    contexts raise TypeError or AttributeError.
    """
    return (
        flag_key,
        frozenset(company.items()) if company else None,
        frozenset(user.items()) if user else None,
    )


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


def _pairs(name: str, context: Mapping[str, str]) -> str:
    try:
        text = ";".join([f"{escape(k)}={escape(v)}" for k, v in sorted(context.items())])
    except (AttributeError, TypeError):
        raise TypeError(f"{name} must be a dict of str to str, got {context!r}") from None
    if not text.isascii() and not _unicode(text):
        raise TypeError(f"{name} holds text that is not valid Unicode (a lone surrogate)")
    return text


def check_body(company: Mapping[str, str] | None, user: Mapping[str, str] | None) -> dict[str, Any]:
    """The request body of a check; empty contexts are left out rather than sent as null."""
    body: dict[str, Any] = {}
    if company:
        body["company"] = dict(company)
    if user:
        body["user"] = dict(user)
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
