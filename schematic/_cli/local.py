"""The commands that need no API key: webhook signatures and the local fake server."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from ..webhooks import (
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    WebhookSignatureError,
    compute_hex_signature,
    verify_signature,
)
from . import inputs
from .core import EXIT_OK, CommandError, Context, UsageError

if TYPE_CHECKING:
    from ..testing._server import Recorded

_Restore = Callable[[], object]


def _secret(ctx: Context) -> str:
    secret: str | None = ctx.args.secret or os.environ.get("SCHEMATIC_WEBHOOK_SECRET")
    if not secret:
        raise UsageError("no webhook secret: pass --secret or set SCHEMATIC_WEBHOOK_SECRET")
    ctx.out.add_secret(secret)
    return secret


def webhooks_verify(ctx: Context) -> int:
    args = ctx.args
    secret = _secret(ctx)
    body = inputs.read_source(args.body, "BODY_FILE")
    try:
        verify_signature(body, args.signature, args.timestamp, secret, tolerance=args.tolerance)
    except WebhookSignatureError as exc:
        if ctx.out.as_json:
            ctx.out.document({"valid": False, "error": str(exc)})
        raise CommandError(f"webhook not verified: {exc}") from None
    if ctx.out.as_json:
        ctx.out.document({"valid": True})
    else:
        ctx.out.line("valid: the signature matches the body and timestamp")
    return EXIT_OK


def webhooks_sign(ctx: Context) -> int:
    args = ctx.args
    secret = _secret(ctx)
    timestamp = args.timestamp or str(int(time.time()))
    signature = compute_hex_signature(inputs.read_source(args.body, "BODY_FILE"), timestamp, secret)
    if ctx.out.as_json:
        ctx.out.document({"timestamp": timestamp, "signature": signature})
    else:
        ctx.out.line(f"{WEBHOOK_TIMESTAMP_HEADER}: {timestamp}")
        ctx.out.line(f"{WEBHOOK_SIGNATURE_HEADER}: {signature}")
    return EXIT_OK


def fake_server(ctx: Context) -> int:
    """Serve a ``FakeSchematic`` until Ctrl-C or SIGTERM, then exit 0.

    With ``-v``, each request it answers is a line on stderr as it happens:
    ``schematic: POST /flags/beta/check 200 1.4ms``.
    """
    from ..testing import FakeSchematic

    server = FakeSchematic()
    for key, value in ctx.args.flag or ():
        server.set_flag(key, value)
    if ctx.args.verbose:
        server.on_request = _request_logger(ctx)
    try:
        server.start(port=ctx.args.port)
    except OSError as exc:
        raise CommandError(
            f"cannot listen on port {ctx.args.port}: {exc.strerror or exc}"
        ) from None
    stop = threading.Event()
    restore = _stop_on_sigterm(stop)
    try:
        _announce(ctx, server.url, server.api_key or "")
        stop.wait()
    except KeyboardInterrupt:
        pass  # Ctrl-C is how this command is meant to end
    finally:
        restore()
        server.stop()
    ctx.out.note("fake server stopped")
    return EXIT_OK


def _request_logger(ctx: Context) -> Callable[[Recorded], None]:
    lock = threading.Lock()  # requests are answered on threads of their own

    def log(record: Recorded) -> None:
        query = f"?{urlencode(record.query)}" if record.query else ""
        took = (time.time() - record.at) * 1000
        with lock:
            ctx.out.note(f"{record.method} {record.path}{query} {record.status} {took:.1f}ms")

    return log


def _announce(ctx: Context, url: str, api_key: str) -> None:
    if ctx.out.as_json:
        ctx.out.document({"url": url, "api_key": api_key})
    else:
        ctx.out.fields([("url", url), ("api key", api_key)])
        ctx.out.line()
        ctx.out.line("Point the CLI or your app at it:")
        ctx.out.line(f"  export SCHEMATIC_BASE_URL={url}")
        ctx.out.line(f"  export SCHEMATIC_EVENT_CAPTURE_URL={url}")
        ctx.out.line(f"  export SCHEMATIC_API_KEY={api_key}")
        ctx.out.line()
        ctx.out.line("Press Ctrl-C to stop.")
    ctx.out.flush()


def _stop_on_sigterm(stop: threading.Event) -> _Restore:
    """Let SIGTERM end the server as Ctrl-C does; returns what puts the old handler back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # only the main thread may set signal handlers

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, handle)
    return lambda: signal.signal(signal.SIGTERM, previous)
