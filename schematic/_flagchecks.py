"""``FlagChecker``: answers "is this flag on?" for one client.

A check's key is built once, from the caller's contexts, and is from then on the check's
only copy of them (tuples of pairs are a snapshot: another thread changing the dict later
cannot change the check). The order of a check::

    offline ─▶ the default
    hot ─hit─▶ answer                     (in Schematic.check_flag: a key and a lookup)
    key ─▶ DataStream (in process) ─▶ cache providers ─hit─▶ answer          (no I/O)
      └─miss─▶ arguments checked ─▶ DataStream (may wait) ─▶ circuit breaker
                 ─▶ POST /flags/{key}/check within the check's deadline ─▶ caches ─▶ answer
      any failure ─▶ the last value received for the same key, else the default

``local`` and ``remote`` are the two halves: ``AsyncSchematic`` runs the first on the loop
and the second in a thread.

Cache keys keep the order of the caller's dicts, the cheapest key to build; so that a check
has one entry whatever that order, ``_orderings`` remembers the order each check of several
pairs was stored in, and a check made in another order finds that entry (and replaces it
when it stores a new answer) rather than making one of its own.

``hot`` is the cache whose answers ``Schematic.check_flag`` serves by itself, without
calling here: the first cache provider, or DataStream's answers ready to serve. Its
entries are copied to ``hot_index`` under a ``HotKey`` (the contexts' values only, quicker
to build and to hash than the pairs) with copies of the contexts to compare the caller's
with. The copy of an entry lives no longer than the entry: it carries its expiry, and
``hot`` tells ``_dropped`` of every entry that leaves it; one that left or changed while
it was being copied is taken out again at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import logging
import threading
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeGuard

from . import _flags
from ._config import CHECK_RETRIES, CHECK_RETRY_DELAY
from ._flags import (
    Canonical,
    CheckFlagOptions,
    CheckKey,
    Context,
    HotKey,
    canonical,
    check_key,
    hot_key,
    reorderable,
    text_key,
)
from ._transport import quote_segment
from .cache import CacheProvider, LocalCache
from .errors import ApiTimeoutError, is_transient

if TYPE_CHECKING:
    from ._transport import Transport
    from .datastream._client import DataStreamClient
    from .models._base import Model
    from .models.features import CheckFlagResponseData

# A copy of a cached answer for Schematic.check_flag: its value, when it expires, the
# contexts it was given for (compared with the caller's), and the whole answer.
Hot = tuple[bool, float, "dict[str, str] | None", "dict[str, str] | None", "CheckFlagResponseData"]
MAX_REFUSAL_KINDS = 100  # kinds of refused call remembered, to log each once
KEPT_FOR_ERRORS = 24 * 3600 * 1000  # milliseconds a last-known value serves when the API fails


class Refusals:
    """Calls refused for bad arguments (flag checks and events): counted, and logged once
    per kind at ERROR (the rest at DEBUG), or raised with ``strict``."""

    def __init__(self, log: logging.Logger, strict: bool) -> None:
        self.log = log
        self.strict = strict
        self.count = 0
        self._kinds: set[str] = set()

    def report(self, exc: Exception) -> None:
        self.count += 1
        if self.strict:
            raise exc
        kind = f"{type(exc).__name__}:{getattr(exc, 'kind', None) or str(exc).split(' ', 1)[0]}"
        if kind in self._kinds:
            self.log.debug("invalid argument: %s", exc)
            return
        if len(self._kinds) < MAX_REFUSAL_KINDS:
            self._kinds.add(kind)
        self.log.error("invalid argument: %s (more like it are logged at DEBUG)", exc)


class FlagChecker:
    """The flag checks of one client: its caches, circuit breaker, last-known values,
    defaults, and the call to the API.

    Args:
        transport: sends the checks to the API.
        caches: the cache providers, tried in order. A ``LocalCache`` is keyed by the
            check's ``CheckKey``; any other provider by its text (``text_key``).
        defaults: flag key to the value it falls back to.
        timeout: seconds a whole check may take unless its options say otherwise.
        breaker: stops calling a failing API for a while.
        stale_if_error: answer with the last value received when the API fails.
        datastream: local evaluation, when enabled.
        refusals: where bad arguments are reported.
        offline: answer every check with its default.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        caches: Sequence[CacheProvider[CheckFlagResponseData]],
        defaults: Mapping[str, bool],
        timeout: float,
        breaker: _flags.CircuitBreaker,
        stale_if_error: bool,
        datastream: DataStreamClient | None,
        refusals: Refusals,
        log: logging.Logger,
        offline: bool = False,
    ) -> None:
        self.transport = transport
        # A check answers fast or falls back: one quick retry at most, so that an API that
        # is down costs a check tens of milliseconds, not seconds.
        self._retry = transport.retry.at_most(CHECK_RETRIES, CHECK_RETRY_DELAY)
        self.caches = [(cache, not isinstance(cache, LocalCache)) for cache in caches]
        self.defaults = dict(defaults)
        self.timeout = timeout
        self.breaker = breaker
        self.last_known: LocalCache[CheckFlagResponseData] | None = (
            LocalCache(_flags.STALE_VALUES_KEPT, KEPT_FOR_ERRORS) if stale_if_error else None
        )
        self.datastream = datastream
        self.refusals = refusals
        self.log = log
        self.offline = offline
        self.stats = dict.fromkeys(
            ("cache_hits", "cache_misses", "flag_fallbacks", "flag_stale_answers"), 0
        )
        self.hot = self._hot_cache()
        self.hot_index: dict[HotKey, Hot] = {}
        self.hot_hits = itertools.count()  # counted by check_flag, atomically
        if self.hot is not None:
            self.hot._watch(self._dropped)
        self._orderings: dict[Canonical, CheckKey] = {}  # a check -> its key in the LocalCaches
        self._orderings_kept = 4 * max(
            [c.max_size for c, _ in self.caches if isinstance(c, LocalCache)] or [0]
        )
        self._lock = threading.Lock()

    def _hot_cache(self) -> LocalCache[CheckFlagResponseData] | None:
        """What ``Schematic.check_flag`` may answer from without calling ``check``: DataStream's
        ready answers when it evaluates in this process, else the first cache provider if it
        is a ``LocalCache`` whose ``get`` is not overridden; None for neither."""
        if self.offline:
            return None
        if self.datastream is not None:
            return self.datastream.ready if self.datastream.remembers else None
        first = self.caches[0][0] if self.caches else None
        if isinstance(first, LocalCache) and type(first).get is LocalCache.get:
            return first
        return None

    def counts(self) -> dict[str, int]:
        """``stats``, with the answers ``check_flag`` found in ``hot`` by itself."""
        counts = dict(self.stats)
        if self.hot is not None and self.datastream is None:
            counts["cache_hits"] += _flags.count_of(self.hot_hits)
        return counts

    # -- one flag ---------------------------------------------------------------------------
    def check(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> CheckFlagResponseData:
        """The result of one check; never raises (but see ``strict``)."""
        if self.offline:
            return self._fallback(flag_key, _flags.REASON_OFFLINE, options)
        try:
            key = check_key(flag_key, company, user)
        except Exception:  # no mapping, changed meanwhile, or an object that raises
            return self.refuse(flag_key, company, user, options)
        result = self.local(key, options)
        if result is None:
            result = self.remote(key, options)
        if self.hot is not None:
            self._promote(key)
        return result

    def _promote(self, key: CheckKey) -> None:
        """Copy ``hot``'s entry for this check, if it has one, into ``hot_index``."""
        assert self.hot is not None
        index = self.hot._index
        try:
            entry = index.get(key)
        except TypeError:  # unhashable: a context the checker refused
            return
        if entry is None:
            return
        hot_index = self.hot_index
        if len(hot_index) >= 2 * self.hot.max_size:
            hot_index.clear()
        found = hot_key(key)
        company, user = key[1], key[2]
        hot_index[found] = (
            entry[0].value is True,
            entry[1],
            dict(company) if company else None,
            dict(user) if user else None,
            entry[0],
        )
        if index.get(key) is not entry:  # dropped or replaced meanwhile: not to be served
            hot_index.pop(found, None)

    def _dropped(self, key: object) -> None:
        """``hot`` let go of ``key`` (None: of everything): so does ``hot_index``."""
        if key is None:
            self.hot_index.clear()
            return
        with contextlib.suppress(Exception):  # not a check's key: nothing of ours
            self.hot_index.pop(hot_key(key), None)  # type: ignore[arg-type]

    def key(
        self, flag_key: str, company: Mapping[str, str] | None, user: Mapping[str, str] | None
    ) -> CheckKey | None:
        """The check's key; None when the arguments cannot make one (see ``refuse``)."""
        try:
            return check_key(flag_key, company, user)
        except Exception:
            return None

    def local(
        self, key: CheckKey, options: CheckFlagOptions | None
    ) -> CheckFlagResponseData | None:
        """The answer when no I/O is needed (offline, DataStream in process, a cache hit);
        None when ``remote`` must answer.

        The hot path: arguments are not checked here, as a bad one cannot be in a cache.
        """
        if self.offline:
            return self._fallback(key[0], _flags.REASON_OFFLINE, options)
        if isinstance(options, CheckFlagOptions) and options.preflighted:
            return None  # only the API answers for the usage given (see remote)
        datastream = self.datastream
        if datastream is not None:
            result = datastream.check(key)
            if result is not None or datastream.usable:
                return result  # None: remote may still answer from the stream
        if not self.caches:
            return None
        hit = self._cached(key)
        self.stats["cache_hits" if hit is not None else "cache_misses"] += 1
        return hit

    def remote(self, key: CheckKey, options: CheckFlagOptions | None) -> CheckFlagResponseData:
        """The answer of DataStream (waiting for it) or the API, once ``local`` had none."""
        from .models.features import CheckFlagResponseData

        flag_key = key[0]
        try:
            _flags.check_options(options)
        except TypeError as exc:
            return self._invalid(exc, flag_key, None)
        try:
            _flags.check_flag_key(flag_key)
            _flags.check_pairs("company", key[1])
            _flags.check_pairs("user", key[2])
            preflight = options.preflight() if options is not None else None
        except (TypeError, ValueError) as exc:
            return self._invalid(TypeError(str(exc)), flag_key, options)
        deadline = time.monotonic() + self._timeout(options)  # for all of the check
        # A preflighted check is for the usage its options give: only the API answers it,
        # and its answer is neither cached nor kept for when the API fails.
        usual = preflight is None
        if usual and self.datastream is not None:
            result = self.datastream.check(key, block=True, deadline=deadline)
            if result is None:
                result = self._cached(key)  # the API's recent answer, as local skipped it
            if result is not None:
                return result
        if not self.breaker.allow():
            return self._unavailable(key, options, None, stale=usual)
        path = f"/flags/{quote_segment(flag_key)}/check"
        try:
            answer: CheckFlagResponseData | None = self._ask(
                path, CheckFlagResponseData, key[1:], deadline, preflight
            )
        except Exception as exc:
            self.log.warning("flag check %r failed: %s", flag_key, exc)
            return self._unavailable(key, options, exc, stale=usual)
        if answer is None:
            return self._fallback(flag_key, _flags.REASON_FLAG_NOT_FOUND, options)
        return self._accept(key, answer, options, store=usual)

    def refuse(
        self,
        flag_key: Any,
        company: Any,
        user: Any,
        options: CheckFlagOptions | None,
    ) -> CheckFlagResponseData:
        """A check whose key could not be built: the default, with the reason named.

        A context changed by another thread while the key was built gets one more try
        from a copy, and is then checked as usual.
        """
        try:
            _flags.check_flag_key(flag_key)
            company = _flags.snapshot("company", company)
            user = _flags.snapshot("user", user)
            _flags.check_context("company", company)
            _flags.check_context("user", user)
            key = check_key(flag_key, company, user)
        except (AttributeError, TypeError, ValueError) as exc:
            return self._invalid(TypeError(str(exc)), flag_key, _options_or_none(options))
        result = self.local(key, options)
        return result if result is not None else self.remote(key, options)

    # -- several flags ----------------------------------------------------------------------
    def check_many(
        self,
        flag_keys: Sequence[str] | None,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> list[CheckFlagResponseData]:
        """Several flags (every flag when ``flag_keys`` is None) in one request at most."""
        try:
            wanted = None if flag_keys is None else _flags.flag_key_list(flag_keys)
        except TypeError as exc:
            self.refusals.report(exc)
            return []
        try:
            _flags.check_options(options)
        except TypeError as exc:
            self.refusals.report(exc)
            options = None
        if options is not None and options.preflighted:
            problem = TypeError(
                "options: usage, event_usage and credit_cost preflight one flag; "
                "check_flags takes none of them (use check_flag for each flag)"
            )
            self.refusals.report(problem)
            why = f"{_flags.REASON_INVALID}: {problem}"
            return [self._fallback(k, why, options, str(problem)) for k in wanted or []]
        if self.offline:
            offline = wanted if wanted is not None else list(self.defaults)
            return [self._fallback(k, _flags.REASON_OFFLINE, options) for k in offline]
        try:
            context = _flags.context_key(company, user)
        except TypeError as exc:
            self.refusals.report(exc)
            return [self._fallback(k, _flags.REASON_INVALID, options) for k in wanted or []]
        keys = [(k, *context) for k in wanted or []]
        deadline = time.monotonic() + self._timeout(options)
        if self.datastream is not None and keys:
            answered = self.datastream.check_many(keys, deadline)
            if answered is not None:
                return answered
        if keys and self.caches:
            cached = [self._cached(key) for key in keys]
            if all(hit is not None for hit in cached):
                self.stats["cache_hits"] += len(cached)
                return [hit for hit in cached if hit is not None]
            self.stats["cache_misses"] += len(keys)
        return self._many_remote(wanted, context, options, deadline)

    def _many_remote(
        self,
        wanted: list[str] | None,
        context: Context,
        options: CheckFlagOptions | None,
        deadline: float,
    ) -> list[CheckFlagResponseData]:
        from .models.features import CheckFlagsResponseData

        error: BaseException | None = None
        if self.breaker.allow():
            try:
                data = self._ask("/flags/check", CheckFlagsResponseData, context, deadline)
                flags: list[CheckFlagResponseData] = list(data.flags) if data is not None else []
            except Exception as exc:
                self.log.warning("flag checks failed: %s", exc)
                error = exc
            else:
                results = [
                    self._accept((r.flag, *context), r, options)
                    for r in flags
                    if _usable_flag(r.flag, self.log)
                ]
                if wanted is None:
                    return results
                by_key = {result.flag: result for result in results}
                return [
                    by_key.get(k) or self._fallback(k, _flags.REASON_FLAG_NOT_FOUND, options)
                    for k in wanted
                ]
        return [self._unavailable((k, *context), options, error) for k in wanted or []]

    # -- defaults ---------------------------------------------------------------------------
    def set_default(self, flag_key: str, value: bool) -> None:
        _flags.check_flag_key(flag_key)
        if not isinstance(value, bool):
            raise TypeError(f"value must be a bool, got {value!r}")
        self.defaults[flag_key] = value

    def set_defaults(self, values: Mapping[str, bool]) -> None:
        if not isinstance(values, Mapping):
            raise TypeError(f"values must be a dict of flag key to bool, got {values!r}")
        for flag_key, value in values.items():
            self.set_default(flag_key, value)

    # -- the parts --------------------------------------------------------------------------
    def _ask(
        self,
        path: str,
        model: type[Model],
        context: Context,
        deadline: float,
        preflight: dict[str, Any] | None = None,
    ) -> Any:
        """POST a check within its deadline and parse the answer; tell the breaker how it went."""
        from .models._base import Response
        from .resources._base import parse_envelope

        timeout = deadline - time.monotonic()
        if timeout <= 0:  # the stream used the check's time up; the API is not to blame
            raise ApiTimeoutError("no time left for the API within the check's timeout")
        try:
            response = self.transport.request(
                "POST",
                path,
                body=json.dumps(_flags.check_body(*context, preflight)).encode(),
                timeout=timeout,
                deadline=deadline,
                retry=self._retry,
            )
            data = parse_envelope(response, model, Response).data
        except Exception as exc:
            if self.breaker.record(ok=not is_transient(exc)):
                self.log.error(
                    "the Schematic API failed %d times in a row: flag checks answer without it "
                    "for %.0fs at a time until it recovers",
                    self.breaker.threshold,
                    self.breaker.cooldown,
                )
            raise
        self.breaker.record(ok=True)
        return data

    def _accept(
        self,
        key: CheckKey,
        result: CheckFlagResponseData,
        options: CheckFlagOptions | None,
        *,
        store: bool = True,
    ) -> CheckFlagResponseData:
        """An answer of the API: cached (unless ``store`` is False) and returned, or, if
        unusable, the default."""
        problem = _flags.not_a_bool(result)
        if problem is None:
            if store:
                self._store(key, result)
            return result
        self.log.warning("flag check %r: %s; answering the default", key[0], problem)
        return self._fallback(key[0], f"{_flags.REASON_ERROR}: {problem}", options, problem)

    def _unavailable(
        self,
        key: CheckKey,
        options: CheckFlagOptions | None,
        error: BaseException | None,
        *,
        stale: bool = True,
    ) -> CheckFlagResponseData:
        """The answer when the API could not give one: the last value seen (unless ``stale``
        is False), else the default.

        ``error`` is None when the circuit breaker kept the check from being sent.
        """
        known = self.last_known if stale else None
        stale_answer = known.get(canonical(key)) if known is not None else None
        why = str(error) if error is not None else "circuit open"
        if stale_answer is not None:
            self.stats["flag_stale_answers"] += 1
            return dataclasses.replace(stale_answer, reason=f"{_flags.REASON_STALE}: {why}")
        if error is None:
            return self._fallback(key[0], _flags.REASON_CIRCUIT_OPEN, options)
        return self._fallback(key[0], f"{_flags.REASON_ERROR}: {why}", options, why)

    def _cached(self, key: CheckKey) -> CheckFlagResponseData | None:
        text: str | None = None
        stored: CheckKey | None = None  # the key a LocalCache holds this check under
        for cache, wants_text in self.caches:
            if wants_text and text is None:
                text = text_key(key)
            elif not wants_text and stored is None:
                stored = self._orderings.get(canonical(key), key) if reorderable(key) else key
            try:
                hit = cache.get(text if wants_text else stored)  # type: ignore[arg-type]
            except Exception as exc:
                self.log.warning("cache %r failed to read: %s", cache, exc)
                continue
            if hit is not None:
                return hit
        return None

    def _store(self, key: CheckKey, result: CheckFlagResponseData) -> None:
        same = canonical(key)
        if self.last_known is not None:
            self.last_known.set(same, result)
        replaced: CheckKey | None = None  # the same check stored in another order before
        if self._orderings_kept and reorderable(key):
            with self._lock:
                replaced = self._orderings.get(same)
                if replaced is None and len(self._orderings) >= self._orderings_kept:
                    self._orderings.clear()  # more checks than the caches hold: start over
                self._orderings[same] = key
        text: str | None = None
        for cache, wants_text in self.caches:
            if wants_text and text is None:
                text = text_key(key)
            try:
                cache.set(text if wants_text else key, result)  # type: ignore[arg-type]
                if not wants_text and replaced is not None and replaced != key:
                    cache.delete(replaced)  # type: ignore[attr-defined]
            except Exception as exc:
                self.log.warning("cache %r failed to write: %s", cache, exc)

    def _timeout(self, options: CheckFlagOptions | None) -> float:
        if options is not None and options.timeout is not None:
            return options.timeout
        return self.timeout

    def _fallback(
        self,
        flag_key: str,
        reason: str,
        options: CheckFlagOptions | None,
        error: str | None = None,
    ) -> CheckFlagResponseData:
        self.stats["flag_fallbacks"] += 1
        try:
            return _flags.fallback(flag_key, reason, options, self.defaults, error)
        except Exception as exc:  # a default_value callable that raised, or no options
            self.log.error("default_value for flag %r failed: %s", flag_key, exc)
            return _flags.fallback(flag_key, reason, None, self.defaults, error)

    def _invalid(
        self, exc: Exception, flag_key: Any, options: CheckFlagOptions | None
    ) -> CheckFlagResponseData:
        self.refusals.report(exc)
        name = flag_key if isinstance(flag_key, str) else repr(flag_key)
        return self._fallback(name, f"{_flags.REASON_INVALID}: {exc}", options, str(exc))


def _options_or_none(options: Any) -> CheckFlagOptions | None:
    return options if isinstance(options, CheckFlagOptions) else None


def _usable_flag(flag: object, log: logging.Logger) -> TypeGuard[str]:
    """Whether an answer of ``check_flags`` names a flag that can be a key; logs it if not."""
    try:
        _flags.check_flag_key(flag)
    except TypeError as exc:
        log.warning("check_flags: the API answered for a flag that cannot be one: %s", exc)
        return False
    return True
