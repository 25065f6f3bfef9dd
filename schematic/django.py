"""Schematic in a Django project: settings from ``settings.SCHEMATIC``, one shared client.

Settings, all optional::

    SCHEMATIC = {
        "API_KEY": os.environ["SCHEMATIC_API_KEY"],  # left out: read from the environment
        "FLAG_DEFAULTS": {"new-checkout": False},
        "FLAG_CHECK_TIMEOUT": 1.0,  # any SchematicConfig field, by its name in upper case
        "offline": False,  # or in lower case
    }

Views import the client and use it::

    from schematic.django import client

    def checkout(request):
        if client.check_flag("new-checkout", company={"id": request.user.company_id}):
            ...

``client`` is a stand-in: the real ``Schematic`` is built from the settings on first use
(once, whichever thread gets there first) and every attribute is looked up on whatever
client is current, so ``set_client`` and ``use_client`` reach modules that imported
``client`` before the swap. The pytest fixture ``schematic_django`` uses them to point the
client at a ``FakeSchematic`` for one test.

With no key in the settings or the environment, a project with ``DEBUG = True`` gets an
offline client (flags answer their defaults, events are dropped; a warning says so once),
and one with ``DEBUG = False`` gets ``ImproperlyConfigured`` on first use. Nothing is read
or checked at import time, and Django itself is imported only when the client is built.

At exit, the clients built here are shut down, which sends their queued events. A process
forked from one that has a client (a gunicorn or multiprocessing worker) keeps using it:
the client opens new connections and starts its own event delivery in the child.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import logging
import os
import sys
import threading
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from . import _fork

if TYPE_CHECKING:
    from .client import Schematic, SchematicConfig

__all__ = ["client", "config_from_settings", "get_client", "set_client", "use_client"]

log = logging.getLogger("schematic")

_lock = threading.Lock()
_current: Schematic | None = None  # the client ``client`` stands for; None until first use
_built: list[Schematic] = []  # clients this module built, shut down at exit
_exit_hook_registered = False
_warned_offline = False


def _improperly_configured(message: str) -> Exception:
    from django.core.exceptions import (  # type: ignore[import-untyped,unused-ignore]
        ImproperlyConfigured,
    )

    error: Exception = ImproperlyConfigured(message)
    return error


def config_from_settings() -> tuple[str | None, SchematicConfig]:
    """The API key and ``SchematicConfig`` that ``settings.SCHEMATIC`` describes.

    Entries are named in upper case (``"FLAG_DEFAULTS"``) or in lower case, as the
    ``SchematicConfig`` field (``"flag_defaults"``). The key is ``SCHEMATIC["API_KEY"]``,
    else ``SCHEMATIC_API_KEY`` from the environment, else None. Raises
    ``ImproperlyConfigured`` naming the entry, as ``SCHEMATIC["KEY"]``, that is not a
    setting, repeats one in the other case, or holds a value the setting refuses.
    """
    from django.conf import settings  # type: ignore[import-untyped,unused-ignore]

    from .client import SchematicConfig

    entries = getattr(settings, "SCHEMATIC", None)
    if entries is None:
        entries = {}
    if not isinstance(entries, Mapping):
        raise _improperly_configured(
            f"SCHEMATIC must be a dict of settings, got {type(entries).__name__}"
        )
    fields = {field.name for field in dataclasses.fields(SchematicConfig)}
    api_key: str | None = None
    values: dict[str, Any] = {}
    given: dict[str, str] = {}  # setting -> the entry that gave it
    for key, value in entries.items():
        name = key.lower() if isinstance(key, str) and key in (key.lower(), key.upper()) else None
        if name is not None and name in given:
            raise _improperly_configured(
                f'SCHEMATIC["{given[name]}"] and SCHEMATIC["{key}"] are the same setting: keep one'
            )
        if name == "api_key":
            if value is not None and (not isinstance(value, str) or not value):
                raise _improperly_configured(
                    f'SCHEMATIC["{key}"] must be a non-empty str, got {type(value).__name__}'
                )
            api_key, given[name] = value, key
            continue
        if name not in fields:
            known = ", ".join(["API_KEY", *sorted(field.upper() for field in fields)])
            raise _improperly_configured(
                f'SCHEMATIC["{key}"] is not a Schematic setting; the settings are: {known} '
                "(upper- or lower-case)"
            )
        given[name] = key
        try:  # checked alone, so that the message can name the entry
            SchematicConfig(**{name: value})
        except (TypeError, ValueError) as exc:
            raise _improperly_configured(f'SCHEMATIC["{key}"]: {exc}') from exc
        values[name] = value
    try:
        config = SchematicConfig(**values)
    except (TypeError, ValueError) as exc:
        raise _improperly_configured(f"SCHEMATIC: {exc}") from exc
    if api_key is None:
        api_key = os.environ.get("SCHEMATIC_API_KEY") or None
    return api_key, config


def _build() -> Schematic:
    """A client from the settings; offline with a warning when DEBUG is on and no key is set."""
    global _warned_offline
    from django.conf import settings  # type: ignore[import-untyped,unused-ignore]

    from .client import Schematic

    api_key, config = config_from_settings()
    if api_key is None and not config.offline:
        if not settings.DEBUG:
            raise _improperly_configured(
                'Schematic has no API key: set SCHEMATIC = {"API_KEY": ...} in the settings '
                "or SCHEMATIC_API_KEY in the environment (with DEBUG on, the client works "
                "offline instead)"
            )
        config = dataclasses.replace(config, offline=True)
        if not _warned_offline:
            _warned_offline = True
            log.warning(
                "Schematic has no API key and DEBUG is on, so the client is offline: flags "
                "answer their defaults (SCHEMATIC['FLAG_DEFAULTS']) and events are dropped"
            )
    try:
        return Schematic(api_key, config)
    except (TypeError, ValueError) as exc:  # a malformed key, or a bad SCHEMATIC_* variable
        raise _improperly_configured(f"Schematic settings: {exc}") from exc


def _shutdown_at_exit() -> None:
    """Send what the clients built here hold, and stop them."""
    for built in _built:
        try:
            built.shutdown()
        except Exception:
            log.exception("error while shutting the Schematic client down at exit")


def get_client() -> Schematic:
    """The current client, built from the settings on the first call.

    Exactly one client is built however many threads ask at once. Raises
    ``ImproperlyConfigured`` when the settings are wrong, or name no key with DEBUG off;
    the next call tries again.
    """
    global _current, _exit_hook_registered
    current = _current
    if current is not None:
        return current
    with _lock:
        if _current is None:
            built = _build()
            _built.append(built)
            if not _exit_hook_registered:
                _exit_hook_registered = True
                atexit.register(_shutdown_at_exit)
            _current = built
        return _current


def set_client(new: Schematic | None) -> Schematic | None:
    """Make ``new`` the client that ``client`` stands for; returns the one it replaces.

    ``None`` goes back to building a client from the settings on next use. The client
    replaced is not shut down; a client you set is yours to shut down.
    """
    global _current
    with _lock:
        previous, _current = _current, new
    return previous


@contextlib.contextmanager
def use_client(new: Schematic) -> Iterator[Schematic]:
    """Within the ``with`` block, ``client`` stands for ``new``; the previous one after."""
    previous = set_client(new)
    try:
        yield new
    finally:
        set_client(previous)


def _after_fork_in_child(module: object) -> None:
    # Another thread of the parent may have held the lock at the fork; the child has no
    # such thread. The client itself is kept: it renews its connections and its event
    # worker in the child by itself.
    global _lock
    _lock = threading.Lock()


_fork.reset_in_child(sys.modules[__name__], _after_fork_in_child)


class _ClientProxy:
    """Looks every attribute up on the current client (see ``get_client``)."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        return getattr(get_client(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(get_client(), name, value)

    def __delattr__(self, name: str) -> None:
        delattr(get_client(), name)

    def __dir__(self) -> list[str]:
        return dir(get_client())

    def __repr__(self) -> str:
        current = _current
        shown = "not built yet" if current is None else repr(current)
        return f"<schematic.django.client: {shown}>"


client: Schematic = cast("Schematic", _ClientProxy())
"""The project's client; import it in views. Typed as ``Schematic``, which it stands for."""
