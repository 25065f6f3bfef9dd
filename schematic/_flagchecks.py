"""Flag checks, the half of ``Schematic`` that answers "is this flag on?".

``Schematic`` inherits these methods; they live here so that each module keeps to one
concern. The order of a check: offline defaults, then DataStream (when enabled), then the
cache providers, then the API within the check's deadline (guarded by the circuit
breaker), and when all of that fails the last value received or the default.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

from . import _flags
from ._flags import CheckFlagOptions
from ._transport import Transport, quote_segment
from .cache import CacheProvider, LocalCache
from .errors import is_transient
from .models._base import Model

if TYPE_CHECKING:
    from .datastream._client import DataStreamClient
    from .models.features import CheckFlagResponseData


MAX_INVALID_KINDS = 100  # kinds of refused call remembered, to log each once


class FlagChecks:
    """``check_flag``, ``check_flag_with_entitlement``, ``check_flags`` and flag defaults."""

    # Set up by Schematic.__init__.
    _offline: bool
    _strict: bool
    _log: logging.Logger
    _transport: Transport
    _flag_timeout: float
    _flag_defaults: dict[str, bool]
    _caches: list[CacheProvider[CheckFlagResponseData]]
    _tuple_keys: bool
    _stats: dict[str, int]
    _invalid_kinds: set[str]
    _breaker: _flags.CircuitBreaker
    _last_known: LocalCache[CheckFlagResponseData] | None
    _datastream: DataStreamClient | None

    def check_flag(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> bool:
        """Whether the flag is on for this company and user; never raises.

        Answers from the cache when it can; otherwise asks the API, waiting at most
        ``flag_check_timeout`` seconds. When no answer comes, returns the default:
        ``options.default_value``, else the configured flag default, else False.

        Example::

            client.check_flag("some-flag-key", company={"id": "your-company-id"})
        """
        result = self._check_locally(flag_key, company, user, options)
        if result is None:
            result = self._check_remote(flag_key, company, user, options)
        return result.value is True  # a real bool: the API's answers are checked to be one

    def check_flag_with_entitlement(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> CheckFlagResponseData:
        """The full result of a flag check: value, reason, matched rule and entitlement."""
        result = self._check_locally(flag_key, company, user, options)
        if result is None:
            result = self._check_remote(flag_key, company, user, options)
        return result

    def _check_locally(
        self,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> CheckFlagResponseData | None:
        """The answer when no I/O is needed (offline or cached); None on a cache miss.

        This is the hot path, so arguments are not checked here: a bad one cannot be in
        the cache, and ``_check_remote`` reports it.
        """
        if self._offline:
            return self._fallback(flag_key, _flags.REASON_OFFLINE, options)
        if self._datastream is not None:
            local = self._datastream.check(flag_key, company, user)
            if local is not None or self._datastream.usable:
                return local  # None: _check_remote may still answer from the stream
        try:
            if self._tuple_keys:
                key: Any = _flags.local_key(flag_key, company, user)
            else:
                key = _flags.cache_key(flag_key, company, user)
        except (AttributeError, TypeError, RuntimeError):
            return None  # not a valid check, or changing meanwhile: _check_remote sees to it
        hit = self._cached(key)
        if hit is not None:
            self._stats["cache_hits"] += 1
        elif self._caches:
            self._stats["cache_misses"] += 1
        return hit

    def _keys(
        self,
        flag_keys: Sequence[str],
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
    ) -> dict[str, Any]:
        """The cache key of each flag's check, after checking the arguments.

        The contexts are checked even when ``flag_keys`` is empty; a TypeError names the
        bad argument. In-process caches take tuple keys, other providers text keys.
        """
        context = _flags.context_key(company, user)
        for flag_key in flag_keys:
            _flags.check_flag_key(flag_key)
        if self._tuple_keys:
            return {k: _flags.local_key(k, company, user) for k in flag_keys}
        return {k: _flags.escape(k) + context for k in flag_keys}

    def _check_remote(
        self,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> CheckFlagResponseData:
        from .models.features import CheckFlagResponseData

        try:
            _flags.check_options(options)
        except TypeError as exc:
            return self._invalid(exc, flag_key, None)
        try:
            company = _flags.snapshot("company", company)
            user = _flags.snapshot("user", user)
            key = self._keys([flag_key], company, user)[flag_key]
        except TypeError as exc:
            return self._invalid(exc, flag_key, options)
        deadline = time.monotonic() + self._check_timeout(options)  # for all of the check
        if self._datastream is not None:
            local = self._datastream.check(flag_key, company, user, block=True, deadline=deadline)
            if local is None:
                local = self._cached(key)  # the API's recent answer, as _check_locally skipped it
            if local is not None:
                return local
        if not self._breaker.allow():
            return self._unavailable(flag_key, key, options, None)
        path = f"/flags/{quote_segment(flag_key)}/check"
        try:
            result: CheckFlagResponseData | None = self._ask_api(
                path, CheckFlagResponseData, company, user, deadline
            )
        except Exception as exc:
            self._log.warning("flag check %r failed: %s", flag_key, exc)
            return self._unavailable(flag_key, key, options, exc)
        if result is None:
            return self._fallback(flag_key, _flags.REASON_FLAG_NOT_FOUND, options)
        return self._accept(flag_key, key, result, options)

    def _accept(
        self,
        flag_key: str,
        key: Any,
        result: CheckFlagResponseData,
        options: CheckFlagOptions | None,
    ) -> CheckFlagResponseData:
        """An answer of the API: cached and returned, or, if unusable, the default."""
        problem = _flags.not_a_bool(result)
        if problem is None:
            self._store(key, result)
            return result
        self._log.warning("flag check %r: %s; answering the default", flag_key, problem)
        return self._fallback(flag_key, f"{_flags.REASON_ERROR}: {problem}", options, problem)

    def _ask_api(
        self,
        path: str,
        model: type[Model],
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        deadline: float,
    ) -> Any:
        """POST a check within its deadline and parse the answer; tell the breaker how it went."""
        from .errors import ApiTimeoutError
        from .resources._base import parse_envelope

        timeout = deadline - time.monotonic()
        if timeout <= 0:  # the stream used the check's time up; the API is not to blame
            raise ApiTimeoutError("no time left for the API within the check's timeout")
        try:
            response = self._transport.request(
                "POST",
                path,
                body=json.dumps(_flags.check_body(company, user)).encode(),
                timeout=timeout,
                deadline=deadline,
                # A check answers fast or falls back: one quick retry at most, so that an
                # API that is down costs a check tens of milliseconds, not seconds.
                max_retries=min(self._transport.max_retries, _flags.CHECK_RETRIES),
                retry_delay=_flags.CHECK_RETRY_DELAY,
            )
            data = parse_envelope(response, model).data
        except Exception as exc:
            if self._breaker.record(ok=not is_transient(exc)):
                self._log.error(
                    "the Schematic API failed %d times in a row: flag checks answer without it "
                    "for %.0fs at a time until it recovers",
                    self._breaker.threshold,
                    self._breaker.cooldown,
                )
            raise
        self._breaker.record(ok=True)
        return data

    def _check_timeout(self, options: CheckFlagOptions | None) -> float:
        if options is not None and options.timeout is not None:
            return options.timeout
        return self._flag_timeout

    def _unavailable(
        self,
        flag_key: str,
        key: Any,
        options: CheckFlagOptions | None,
        error: BaseException | None,
    ) -> CheckFlagResponseData:
        """The answer when the API could not give one: the last value seen, else the default.

        ``error`` is None when the circuit breaker kept the check from being sent.
        """
        stale = self._last_known.get(key) if self._last_known is not None and key else None
        why = str(error) if error is not None else "circuit open"
        if stale is not None:
            self._stats["flag_stale_answers"] += 1
            return dataclasses.replace(stale, reason=f"{_flags.REASON_STALE}: {why}")
        if error is None:
            return self._fallback(flag_key, _flags.REASON_CIRCUIT_OPEN, options)
        return self._fallback(flag_key, f"{_flags.REASON_ERROR}: {why}", options, why)

    def check_flags(
        self,
        flag_keys: Sequence[str] | None = None,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> list[CheckFlagResponseData]:
        """Check several flags (all of them when ``flag_keys`` is None) in one request.

        Answers from the cache when every requested flag is there; otherwise makes one
        ``POST /flags/check`` and caches each flag it returns. Never raises.
        """
        try:
            wanted = None if flag_keys is None else _flags.flag_key_list(flag_keys)
        except TypeError as exc:
            self._report_invalid(exc)
            return []
        try:
            _flags.check_options(options)
        except TypeError as exc:
            self._report_invalid(exc)
            options = None
        if self._offline:
            offline = wanted if wanted is not None else list(self._flag_defaults)
            return [self._fallback(k, _flags.REASON_OFFLINE, options) for k in offline]
        try:
            company = _flags.snapshot("company", company)
            user = _flags.snapshot("user", user)
            keys = self._keys(wanted or [], company, user)
        except TypeError as exc:
            self._report_invalid(exc)
            return [self._fallback(k, _flags.REASON_INVALID, options) for k in wanted or []]
        deadline = time.monotonic() + self._check_timeout(options)
        if self._datastream is not None and wanted:
            answered = self._datastream.check_many(wanted, company, user, deadline)
            if answered is not None:
                return answered
        if wanted and self._caches:
            cached = [self._cached(keys[k]) for k in wanted]
            if all(hit is not None for hit in cached):
                self._stats["cache_hits"] += len(cached)
                return [hit for hit in cached if hit is not None]
            self._stats["cache_misses"] += len(wanted)
        return self._check_many_remote(wanted, keys, company, user, options, deadline)

    def _check_many_remote(
        self,
        wanted: list[str] | None,
        keys: dict[str, Any],
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
        deadline: float,
    ) -> list[CheckFlagResponseData]:
        from .models.features import CheckFlagsResponseData

        error: BaseException | None = None
        if self._breaker.allow():
            try:
                data = self._ask_api(
                    "/flags/check", CheckFlagsResponseData, company, user, deadline
                )
                flags: list[CheckFlagResponseData] = list(data.flags) if data is not None else []
            except Exception as exc:
                self._log.warning("flag checks failed: %s", exc)
                error = exc
            else:
                answered = [(r.flag, r) for r in flags if _usable_flag(r.flag, self._log)]
                returned = self._keys([k for k, _ in answered], company, user)
                flags = [self._accept(k, returned[k], r, options) for k, r in answered]
                if wanted is None:
                    return flags
                by_key = {result.flag: result for result in flags}
                return [
                    by_key.get(k) or self._fallback(k, _flags.REASON_FLAG_NOT_FOUND, options)
                    for k in wanted
                ]
        return [self._unavailable(k, keys[k], options, error) for k in wanted or []]

    def set_flag_default(self, flag_key: str, value: bool) -> None:
        """Set the value ``flag_key`` falls back to when it cannot be checked."""
        _flags.check_flag_key(flag_key)
        if not isinstance(value, bool):
            raise TypeError(f"value must be a bool, got {value!r}")
        self._flag_defaults[flag_key] = value

    def set_flag_defaults(self, values: Mapping[str, bool]) -> None:
        """Merge ``values`` into the flag defaults."""
        if not isinstance(values, Mapping):
            raise TypeError(f"values must be a dict of flag key to bool, got {values!r}")
        for flag_key, value in values.items():
            self.set_flag_default(flag_key, value)

    def _cached(self, key: Any) -> CheckFlagResponseData | None:
        for cache in self._caches:
            try:
                hit = cache.get(key)
            except Exception as exc:
                self._log.warning("cache %r failed to read: %s", cache, exc)
                continue
            if hit is not None:
                return hit
        return None

    def _store(self, key: Any, result: CheckFlagResponseData) -> None:
        if self._last_known is not None:
            self._last_known.set(key, result)
        for cache in self._caches:
            try:
                cache.set(key, result)
            except Exception as exc:
                self._log.warning("cache %r failed to write: %s", cache, exc)

    def _fallback(
        self,
        flag_key: str,
        reason: str,
        options: CheckFlagOptions | None,
        error: str | None = None,
    ) -> CheckFlagResponseData:
        self._stats["flag_fallbacks"] += 1
        try:
            return _flags.fallback(flag_key, reason, options, self._flag_defaults, error)
        except Exception as exc:  # a default_value callable that raised
            self._log.error("default_value for flag %r raised: %s", flag_key, exc)
            return _flags.fallback(flag_key, reason, None, self._flag_defaults, error)

    def _invalid(
        self, exc: Exception, flag_key: Any, options: CheckFlagOptions | None
    ) -> CheckFlagResponseData:
        self._report_invalid(exc)
        name = flag_key if isinstance(flag_key, str) else repr(flag_key)
        return self._fallback(name, f"{_flags.REASON_INVALID}: {exc}", options, str(exc))

    def _report_invalid(self, exc: Exception) -> None:
        """Count a refused call; log the first of each kind at ERROR, the rest at DEBUG."""
        self._stats["invalid_calls"] += 1
        if self._strict:
            raise exc
        kind = f"{type(exc).__name__}:{getattr(exc, 'kind', None) or str(exc).split(' ', 1)[0]}"
        if kind in self._invalid_kinds:
            self._log.debug("invalid argument: %s", exc)
            return
        if len(self._invalid_kinds) < MAX_INVALID_KINDS:
            self._invalid_kinds.add(kind)
        self._log.error("invalid argument: %s (more like it are logged at DEBUG)", exc)


def _usable_flag(flag: object, log: logging.Logger) -> TypeGuard[str]:
    """Whether an answer of ``check_flags`` names a flag that can be a key; logs it if not."""
    try:
        _flags.check_flag_key(flag)
    except TypeError as exc:
        log.warning("check_flags: the API answered for a flag that cannot be one: %s", exc)
        return False
    return True
