"""Per-process state made fresh in a child process after ``os.fork()``.

Objects that own threads, locks or sockets register how to reset themselves; the child
process (a gunicorn or multiprocessing worker) runs every reset right after the fork. The
registry holds its objects weakly, so registering keeps nothing alive.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from typing import Any

_resets: weakref.WeakKeyDictionary[Any, Callable[[Any], None]] = weakref.WeakKeyDictionary()


def reset_in_child(owner: Any, reset: Callable[[Any], None]) -> None:
    """Call ``reset(owner)`` in the child after each fork, for as long as ``owner`` lives."""
    _resets[owner] = reset


def _reset_all() -> None:
    for owner, reset in list(_resets.items()):
        reset(owner)


os.register_at_fork(after_in_child=_reset_all)
