"""A bare event-capture service for benchmarks: it counts what it is sent, and little else.

    python bench/sink.py [--delay-ms MS]

Prints its URL on the first line, then serves ``POST /batch`` on 127.0.0.1 (a thread per
connection, kept alive) until its standard input closes; then prints one JSON line:
events received, distinct idempotency keys, requests, the largest batch. ``--delay-ms``
holds every answer back that long, as the round trip to a real service would.

``FakeSchematic`` validates and records every event, which makes it the bottleneck when an
SDK sends as fast as it can; this does the least a service must: read and parse each batch.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MAX_BATCH = 100


class Sink:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.events = 0
        self.keys: set[str] = set()
        self.requests = 0
        self.largest = 0
        self.too_large = 0

    def take(self, body: Any) -> int:
        events = body.get("events") if isinstance(body, dict) else None
        if not isinstance(events, list):
            return 400
        if len(events) > MAX_BATCH:
            with self.lock:
                self.too_large += 1
            return 400
        keys = [e.get("idempotency_key") for e in events if isinstance(e, dict)]
        with self.lock:
            self.requests += 1
            self.events += len(events)
            self.keys.update(k for k in keys if k)
            self.largest = max(self.largest, len(events))
        return 200

    def report(self) -> dict[str, int]:
        with self.lock:
            return {
                "events": self.events,
                "distinct_keys": len(self.keys),
                "requests": self.requests,
                "largest_batch": self.largest,
                "too_large": self.too_large,
            }


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that closes a kept-alive connection, or leaves mid-request, is no error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def serve(sink: Sink) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        wbufsize = -1
        disable_nagle_algorithm = True

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                status = sink.take(json.loads(raw))
            except ValueError:
                status = 400
            if sink.delay:
                time.sleep(sink.delay)
            answer = b'{"ok":true}' if status == 200 else b'{"error":"bad batch"}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delay-ms", type=float, default=0.0)
    args = parser.parse_args()
    sink = Sink(args.delay_ms / 1000)
    server = serve(sink)
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    sys.stdin.read()
    print(json.dumps(sink.report()), flush=True)


if __name__ == "__main__":
    main()
