"""The ``schematic`` command line, run in-process against a fake Schematic.

``run(...)`` calls ``schematic.cli.main`` with the fake's URL and key and checks, every
time, that the key shows up in no output and that nothing printed a traceback. A few tests
start real processes: ``python -m schematic --help`` and the ``fake-server`` console script.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import queue
import re
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

import schematic.cli
from schematic.cli import main
from schematic.client import Schematic, SchematicConfig
from schematic.testing import FakeSchematic
from schematic.webhooks import compute_hex_signature

ROOT = Path(__file__).resolve().parent.parent
ENV = ("SCHEMATIC_API_KEY", "SCHEMATIC_BASE_URL", "SCHEMATIC_EVENT_CAPTURE_URL")
WRONG_KEY = "sch_wrong_key_5f2c"
SECRET = "whsec_cli_test_secret"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        lines = self.out.splitlines()
        assert len(lines) == 1, f"expected one JSON document on one line, got {self.out!r}"
        return json.loads(lines[0])


@pytest.fixture
def run(server: FakeSchematic, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the CLI against ``server``; ``key=None`` leaves --api-key out."""
    for name in (*ENV, "SCHEMATIC_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)

    def run_cli(*argv: str, key: str | None = server.api_key) -> Result:
        prefix = ["--base-url", server.url] + (["--api-key", key] if key else [])
        code = main([*prefix, *argv])
        out, err = capsys.readouterr()
        for secret in (server.api_key, WRONG_KEY, SECRET):
            assert secret and secret not in out + err, f"{secret!r} was printed"
        assert "Traceback" not in err
        return Result(code, out, err)

    return run_cli


@pytest.fixture
def refused_url() -> Iterator[str]:
    """An API address that refuses connections: a port bound on 127.0.0.1, never listening.

    Holding the port keeps the kernel from handing it out to anything else meanwhile.
    """
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


def usage_error(result: Result, command: str, argument: str) -> str:
    """The one error line of an argparse-style usage error, checked to name ``argument``."""
    assert result.code == 2, result.err
    assert result.out == ""
    errors = [line for line in result.err.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.err
    assert result.err.endswith(errors[0] + "\n")  # the usage above it, nothing after
    prog = f"schematic {command}" if command else "schematic"
    prefix = f"{prog}: error: argument {argument}: "
    assert errors[0].startswith(prefix), errors[0]
    return errors[0][len(prefix) :]


# -- processes ------------------------------------------------------------------------------


def test_python_m_schematic_help_lists_commands_and_exit_codes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "schematic", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: schematic ")
    for command in ("flags", "track", "identify", "companies", "users", "api", "webhooks"):
        assert f"    {command} " in done.stdout
    assert "fake-server" in done.stdout
    for line in ("3    the API refused the key (401 or 403)", "4    not found (404)", "130"):
        assert line in done.stdout
    assert done.stderr == ""


def test_fake_server_console_script_serves_until_terminated() -> None:
    script = shutil.which("schematic", path=str(Path(sys.executable).parent))
    assert script is not None, "the schematic console script is not installed (make install)"
    with subprocess.Popen(
        [script, "fake-server", "--port", "0", "--flag", "new-editor=true", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            announced = json.loads(process.stdout.readline())  # type: ignore[union-attr]
            assert re.fullmatch(r"http://127\.0\.0\.1:\d+", announced["url"])
            config = SchematicConfig(
                base_url=announced["url"], event_capture_url=announced["url"], max_retries=0
            )
            with Schematic(announced["api_key"], config) as client:
                assert client.check_flag("new-editor") is True
                assert client.check_flag("other-flag") is False
                assert client.companies.upsert_company(keys={"id": "acme"}).data.id
        finally:
            process.terminate()
            code = process.wait(timeout=30)
        errors = process.stderr.read()  # type: ignore[union-attr]
    assert code == 0
    assert errors == "schematic: fake server stopped\n"  # without -v, no line per request


def test_fake_server_verbose_prints_each_request() -> None:
    lines: queue.Queue[str] = queue.Queue()

    def read(stream: Any) -> None:
        for line in stream:
            lines.put(line)

    def next_line(deadline: float) -> str:
        return lines.get(timeout=max(0.0, deadline - time.monotonic()))

    with subprocess.Popen(
        [sys.executable, "-m", "schematic", "fake-server", "-v", "--port", "0", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        reader = threading.Thread(target=read, args=(process.stderr,), daemon=True)
        reader.start()
        try:
            announced = json.loads(process.stdout.readline())
            url = announced["url"]
            headers = {"X-Schematic-Api-Key": announced["api_key"]}
            checked = requests.post(f"{url}/flags/beta/check", json={}, headers=headers, timeout=30)
            assert checked.status_code == 200
            deadline = time.monotonic() + 30
            line = next_line(deadline)
            assert re.fullmatch(r"schematic: POST /flags/beta/check 200 \d+\.\dms\n", line), line
            listed = requests.get(f"{url}/companies", params={"limit": 2}, timeout=30)
            assert listed.status_code == 401  # no key: shown as answered
            line = next_line(deadline)
            assert re.fullmatch(r"schematic: GET /companies\?limit=2 401 \d+\.\dms\n", line), line
        finally:
            process.terminate()
            code = process.wait(timeout=30)
            reader.join(timeout=30)
    assert code == 0
    assert list(lines.queue) == ["schematic: fake server stopped\n"]


def test_fake_server_port_in_use_is_an_error(run: Any) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run("fake-server", "--port", str(taken.getsockname()[1]))
    assert result.code == 1
    assert "cannot listen on port" in result.err
    assert result.out == ""


# -- flags ----------------------------------------------------------------------------------


def test_flags_check_prints_value_and_reason(run: Any, server: FakeSchematic) -> None:
    server.set_flag("new-editor", True, company={"id": "acme"})
    on = run("flags", "check", "new-editor", "--company", "id=acme")
    off = run("flags", "check", "new-editor", "--company", "id=globex")
    assert (on.code, on.out) == (0, "new-editor: true (Matched company override)\n")
    assert (off.code, off.out) == (0, "new-editor: false (Default value)\n")
    sent = server.requests_to("/flags/new-editor/check")[0].body
    assert sent == {"company": {"id": "acme"}}


def test_flags_check_json_and_entitlement(run: Any, server: FakeSchematic) -> None:
    server.add_company({"id": "acme"}, id="comp_acme")
    server.set_flag("beta", True, user={"email": "a@acme.test"})
    args = ("flags", "check", "beta", "--company", "id=acme", "--user", "email=a@acme.test")
    short = run("--json", *args)
    assert short.json() == {"flag": "beta", "value": True, "reason": "Matched user rule"}
    full = run(*args, "--entitlement", "--json").json()
    assert full["company_id"] == "comp_acme" and full["rule_type"] == "standard"
    assert list(full)[:3] == ["flag", "value", "reason"]
    human = run(*args, "--entitlement")
    rows = dict(line.split(None, 1) for line in human.out.splitlines())
    assert rows["value"] == "true" and rows["company_id"] == "comp_acme"
    assert rows["rule_type"] == "standard"


def test_flags_check_all_table_and_json(run: Any, server: FakeSchematic) -> None:
    server.set_flag("alpha", True)
    server.set_flag("beta-long-name", False)
    table = run("flags", "check-all", "--company", "id=acme")
    assert table.code == 0
    assert table.out.splitlines() == [
        "FLAG            VALUE  REASON",
        "alpha           true   Default value",
        "beta-long-name  false  Default value",
    ]
    doc = run("flags", "check-all", "--json").json()
    assert [(f["flag"], f["value"]) for f in doc] == [("alpha", True), ("beta-long-name", False)]
    assert server.requests_to("/flags/check")[0].body == {"company": {"id": "acme"}}


def test_flag_check_refused_key_exits_3_not_a_default(run: Any, server: FakeSchematic) -> None:
    server.set_flag("beta", True)
    result = run("flags", "check", "beta", key=WRONG_KEY)
    assert result.code == 3
    assert result.out == ""
    assert "401" in result.err and "SCHEMATIC_API_KEY" in result.err


# -- events ---------------------------------------------------------------------------------


def test_track_is_delivered_with_parsed_traits(run: Any, server: FakeSchematic) -> None:
    result = run(
        "track", "api-call",
        "--company", "id=acme", "--user", "email=a@acme.test", "--quantity", "3",
        "--trait", "seats=10", "--trait", "ratio=2.5", "--trait", "beta=true",
        "--trait", "gone=null", "--trait", "plan=pro", "--trait", 'zip="02134"',
        "--trait", "tags=[1,2]", "--trait", "odd=NaN", "--trait", "empty=",
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["delivered"] is True and doc["event"] == "api-call"
    (event,) = server.tracked("api-call")
    assert event["idempotency_key"] == doc["idempotency_key"]
    body = event["body"]
    assert body["company"] == {"id": "acme"} and body["user"] == {"email": "a@acme.test"}
    assert body["quantity"] == 3
    assert body["traits"] == {
        "seats": 10, "ratio": 2.5, "beta": True, "gone": None, "plan": "pro",
        "zip": "02134", "tags": [1, 2], "odd": "NaN", "empty": "",
    }  # fmt: skip


def test_track_human_output_and_own_idempotency_key(run: Any, server: FakeSchematic) -> None:
    result = run("track", "signed-in", "--company", "id=acme", "--idempotency-key", "run-42")
    assert result.code == 0
    assert result.out == "delivered track event signed-in (idempotency key run-42)\n"
    assert [e["idempotency_key"] for e in server.tracked("signed-in")] == ["run-42"]


def test_track_refused_key_exits_3(run: Any, server: FakeSchematic) -> None:
    result = run("track", "api-call", "--company", "id=acme", key=WRONG_KEY)
    assert result.code == 3
    assert "track event not delivered" in result.err and "401" in result.err
    assert server.tracked() == []


def test_track_not_delivered_within_timeout_exits_1(run: Any, server: FakeSchematic) -> None:
    server.add_fault("/batch", hang=True, times=None)
    result = run("--timeout", "0.3", "track", "api-call", "--company", "id=acme")
    assert result.code == 1
    assert "track event not delivered within 0.3s" in result.err
    assert result.out == "" and server.tracked() == []


def test_track_bad_event_is_a_usage_error(run: Any, server: FakeSchematic) -> None:
    result = run("track", "   ")
    assert result.code == 2
    assert "argument EVENT: expected an event name, got '   '" in result.err
    assert server.requests == []


def test_identify_is_delivered_with_company(run: Any, server: FakeSchematic) -> None:
    result = run(
        "identify", "--user", "email=a@acme.test", "--user", "user_id=u1", "--name", "Ann",
        "--trait", "logins=24", "--company", "id=acme", "--company-name", "Acme",
        "--company-trait", "seats=5",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.startswith("delivered identify event email=a@acme.test, user_id=u1 (")
    (event,) = server.identified()
    assert event["body"] == {
        "keys": {"email": "a@acme.test", "user_id": "u1"},
        "name": "Ann",
        "traits": {"logins": 24},
        "company": {"keys": {"id": "acme"}, "name": "Acme", "traits": {"seats": 5}},
    }
    user = run("--json", "users", "lookup", "--keys", "user_id=u1").json()
    assert user["name"] == "Ann" and user["traits"] == {"logins": 24}


def test_identify_old_option_names_still_work(run: Any, server: FakeSchematic) -> None:
    result = run(
        "identify", "--keys", "email=a@acme.test", "--company-keys", "id=acme",
        "--company-name", "Acme",
    )  # fmt: skip
    assert result.code == 0, result.err
    (event,) = server.identified()
    assert event["body"]["keys"] == {"email": "a@acme.test"}
    assert event["body"]["company"] == {"keys": {"id": "acme"}, "name": "Acme"}
    shown = run("identify", "--help").out
    assert "--user K=V" in shown and "--company K=V" in shown
    assert "--keys K=V" not in shown and "--company-keys" not in shown  # accepted, not listed


def test_identify_json_output(run: Any, server: FakeSchematic) -> None:
    doc = run("--json", "identify", "--user", "email=b@acme.test").json()
    assert doc["type"] == "identify" and doc["delivered"] is True
    assert doc["keys"] == {"email": "b@acme.test"}
    assert [e["idempotency_key"] for e in server.identified()] == [doc["idempotency_key"]]


def test_identify_company_options_need_company(run: Any, server: FakeSchematic) -> None:
    result = run("identify", "--user", "email=a@acme.test", "--company-name", "Acme")
    assert result.code == 2
    assert "need --company" in result.err and "usage: schematic identify" in result.err
    assert server.requests == []


# -- companies and users --------------------------------------------------------------------


def test_companies_upsert_get_and_lookup(run: Any, server: FakeSchematic) -> None:
    upserted = run(
        "companies", "upsert", "--keys", "id=acme", "--name", "Acme",
        "--trait", "seats=10", "--trait", "plan=pro",
    )  # fmt: skip
    assert upserted.code == 0
    rows = dict(line.split(None, 1) for line in upserted.out.splitlines())
    assert rows["name"] == "Acme" and rows["keys"] == "id=acme"
    assert rows["traits"] == "seats=10, plan=pro"
    company_id = rows["id"]
    assert server.companies[company_id]["traits"] == {"seats": 10, "plan": "pro"}
    got = run("--json", "companies", "get", company_id).json()
    assert got["id"] == company_id and got["traits"] == {"seats": 10, "plan": "pro"}
    found = run("companies", "lookup", "--keys", "id=acme", "--json").json()
    assert found["id"] == company_id


def test_get_and_lookup_of_unknown_exit_4(run: Any) -> None:
    for argv in (
        ("companies", "get", "comp_missing"),
        ("companies", "lookup", "--keys", "id=missing"),
        ("users", "get", "user_missing"),
        ("users", "lookup", "--keys", "email=missing@acme.test"),
    ):
        result = run(*argv)
        assert result.code == 4, argv
        assert result.out == ""
        assert "404" in result.err and "not found" in result.err


def test_companies_list_pages_through_300(run: Any, server: FakeSchematic) -> None:
    for n in range(300):
        server.add_company({"id": f"co-{n:03d}"}, name=f"Company {n}")
    doc = run("companies", "list", "--json").json()
    assert [c["keys"][0]["value"] for c in doc] == [f"co-{n:03d}" for n in range(300)]
    pages = [dict(r.query) for r in server.requests_to("/companies", "GET")]
    assert [(p["limit"], p["offset"]) for p in pages] == [
        ("100", "0"), ("100", "100"), ("100", "200"), ("100", "300"),
    ]  # fmt: skip
    table = run("companies", "list", "--page-size", "250")
    lines = table.out.splitlines()
    assert len(lines) == 301 and lines[0].split() == ["ID", "NAME", "KEYS"]
    assert lines[1].split() == [doc[0]["id"], "Company", "0", "id=co-000"]
    assert table.err == ""  # no progress counter when stderr is not a terminal


def test_companies_list_limit_stops_paging(run: Any, server: FakeSchematic) -> None:
    for n in range(300):
        server.add_company({"id": f"co-{n:03d}"})
    assert len(run("--json", "companies", "list", "--limit", "120").json()) == 120
    assert len(server.requests_to("/companies", "GET")) == 2
    assert len(run("--json", "companies", "list", "--limit", "5").json()) == 5
    assert dict(server.requests_to("/companies", "GET")[-1].query)["limit"] == "5"


def test_list_progress_counter_only_on_a_terminal(
    run: Any, server: FakeSchematic, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for n in range(300):
        server.add_company({"id": f"co-{n:03d}"})
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    result = run("companies", "list", "--json")
    assert result.code == 0 and len(result.json()) == 300
    shown = terminal.getvalue()
    assert "\r1 companies..." in shown and "\r300 companies..." in shown
    assert shown.endswith("\r") and "\n" not in shown  # erased, leaving the line clean


def test_users_upsert_list_and_filters(run: Any, server: FakeSchematic) -> None:
    company_id = server.add_company({"id": "acme"}, name="Acme")
    upserted = run(
        "--json", "users", "upsert", "--keys", "email=a@acme.test", "--name", "Ann",
        "--trait", "admin=true", "--company", "id=acme",
    ).json()  # fmt: skip
    assert upserted["name"] == "Ann" and upserted["traits"] == {"admin": True}
    assert [m["company_id"] for m in upserted["company_memberships"]] == [company_id]
    shown = run("users", "get", upserted["id"])
    rows = dict(line.split(None, 1) for line in shown.out.splitlines())
    assert rows["companies"] == company_id and rows["traits"] == "admin=true"
    listed = run("users", "list", "--company-id", company_id, "--search", "ann", "--plan-id", "p1")
    assert listed.out.splitlines()[1].split() == [upserted["id"], "Ann", "email=a@acme.test"]
    query = dict(server.requests_to("/users", "GET")[-1].query)
    assert query["company_id"] == company_id and query["q"] == "ann"
    assert query["plan_id"] == "p1"


# -- any endpoint ---------------------------------------------------------------------------


def test_api_get_with_query(run: Any, server: FakeSchematic) -> None:
    for n in range(3):
        server.add_company({"id": f"co-{n}"})
    assert run("api", "get", "/companies/count").out == '{\n  "count": 3\n}\n'
    doc = run("--json", "api", "GET", "companies", "--query", "limit=2").json()
    assert len(doc) == 2
    run("api", "GET", "/companies", "--query", "ids=a", "--query", "ids=b", "--json")
    assert [v for k, v in server.requests_to("/companies")[-1].query if k == "ids"] == ["a", "b"]


def test_api_post_body_inline_file_and_stdin(
    run: Any, server: FakeSchematic, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = run("--json", "api", "POST", "/companies", "--body", '{"keys": {"id": "one"}}')
    assert inline.json()["keys"][0]["value"] == "one"
    body_file = tmp_path / "body.json"
    body_file.write_text('{"keys": {"id": "two"}, "name": "Two"}')
    assert run("--json", "api", "POST", "/companies", "--body", f"@{body_file}").json()["name"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"keys": {"id": "three"}}')))
    assert run("api", "POST", "/companies", "--body", "@-").code == 0
    assert sorted(c["keys"]["id"] for c in server.companies.values()) == ["one", "three", "two"]


def test_api_bad_bodies_are_usage_errors(run: Any, server: FakeSchematic, tmp_path: Path) -> None:
    for body in ("{not json", "[1, 2]", f"@{tmp_path / 'missing.json'}"):
        result = run("api", "POST", "/companies", "--body", body)
        assert result.code == 2, body
        assert "usage: schematic api" in result.err
    assert server.requests == []


def test_api_unknown_route_exits_4(run: Any) -> None:
    result = run("api", "GET", "/no-such-thing")
    assert result.code == 4
    assert "no route for GET /no-such-thing" in result.err


def test_api_error_exits_1_with_message(run: Any, server: FakeSchematic) -> None:
    server.add_fault("/companies", status=409, body={"error": "company is being merged"})
    result = run("companies", "list")
    assert result.code == 1
    assert result.out == ""
    assert result.err == "schematic: error: status 409: company is being merged\n"


def test_refused_key_exits_3_everywhere(run: Any) -> None:
    for argv in (("companies", "list"), ("users", "get", "user_1"), ("api", "GET", "/users")):
        result = run(*argv, key=WRONG_KEY)
        assert result.code == 3, argv
        assert "status 401" in result.err


def test_a_key_echoed_by_the_api_is_redacted(run: Any, server: FakeSchematic) -> None:
    server.add_fault("/companies", status=403, body={"error": f"key {server.api_key} revoked"})
    result = run("companies", "list")
    assert result.code == 3
    assert result.err.startswith("schematic: error: status 403: key [redacted] revoked")


def test_forbidden_exits_3(run: Any, server: FakeSchematic) -> None:
    server.add_fault("/companies", status=403, body={"error": "key may not read companies"})
    assert run("companies", "list").code == 3


def test_interrupted_exits_130(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Schematic, "request", interrupted)
    result = run("api", "GET", "/companies")
    assert result.code == 130
    assert result.err == "schematic: error: interrupted\n"


def test_a_closed_stdout_ends_quietly(
    run: Any, server: FakeSchematic, monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    server.add_company({"id": "acme"})
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    result = run("companies", "list")
    assert result.code == 1
    assert result.err == ""  # neither a traceback nor an error line for a reader that left


# -- webhooks -------------------------------------------------------------------------------


@pytest.fixture
def delivery(tmp_path: Path) -> tuple[Path, str]:
    body = tmp_path / "delivery.json"
    body.write_bytes(b'{"type":"company.updated","data":{"id":"comp_1"}}')
    return body, compute_hex_signature(body.read_bytes(), "1700000000", SECRET)


def test_webhooks_verify_ok_and_bad(run: Any, delivery: tuple[Path, str]) -> None:
    body, signature = delivery
    args = ("webhooks", "verify", "--secret", SECRET, "--timestamp", "1700000000")
    ok = run(*args, "--signature", signature, str(body))
    assert (ok.code, ok.err) == (0, "")
    assert ok.out.startswith("valid")
    bad = run(*args, "--signature", "ab" * 32, str(body))
    assert bad.code == 1
    assert bad.err == "schematic: error: webhook not verified: Invalid signature\n"
    body.write_bytes(body.read_bytes().replace(b"comp_1", b"comp_2"))
    assert run(*args, "--signature", signature, str(body), "--json").json() == {
        "valid": False,
        "error": "Invalid signature",
    }


def test_webhooks_verify_stdin_env_secret_and_tolerance(
    run: Any, delivery: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    body, signature = delivery
    monkeypatch.setenv("SCHEMATIC_WEBHOOK_SECRET", SECRET)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.read_bytes())))
    args = ("webhooks", "verify", "--signature", signature, "--timestamp", "1700000000")
    assert run("--json", *args, "-").json() == {"valid": True}
    old = run(*args, "--tolerance", "300", str(body), "--json")
    assert old.code == 1
    assert old.json() == {"valid": False, "error": "Webhook timestamp is too old"}


def test_webhooks_verify_needs_a_secret(run: Any, delivery: tuple[Path, str]) -> None:
    body, signature = delivery
    result = run("webhooks", "verify", "--signature", signature, "--timestamp", "1", str(body))
    assert result.code == 2
    assert "SCHEMATIC_WEBHOOK_SECRET" in result.err


def test_webhooks_sign_matches_the_sdk(run: Any, delivery: tuple[Path, str]) -> None:
    body, signature = delivery
    args = ("webhooks", "sign", "--secret", SECRET, "--timestamp", "1700000000", str(body))
    assert run(*args).out.splitlines() == [
        "X-Schematic-Webhook-Timestamp: 1700000000",
        f"X-Schematic-Webhook-Signature: {signature}",
    ]
    now = run("--json", "webhooks", "sign", "--secret", SECRET, str(body)).json()
    check = ("webhooks", "verify", "--secret", SECRET, "--tolerance", "60", str(body))
    verified = run(*check, "--signature", now["signature"], "--timestamp", now["timestamp"])
    assert verified.code == 0


# -- the command line itself ----------------------------------------------------------------


def test_usage_errors_exit_2(run: Any, server: FakeSchematic) -> None:
    for argv in (
        (),
        ("flags",),
        ("no-such-command",),
        ("flags", "check", "beta", "--company", "acme"),
        ("--timeout", "-1", "companies", "list"),
        ("companies", "list", "--page-size", "251"),
        ("companies", "upsert", "--name", "no keys"),
        ("api", "FETCH", "/companies"),
        ("fake-server", "--flag", "beta=maybe"),
    ):
        result = run(*argv)
        assert result.code == 2, argv
        assert "usage: schematic" in result.err and result.out == ""
    assert server.requests == []


@pytest.mark.parametrize(
    ("argv", "command", "argument", "message"),
    [
        (("flags", "check", ""), "flags check", "FLAG", "expected a flag key, got ''"),
        (("flags", "check", "  "), "flags check", "FLAG", "expected a flag key, got '  '"),
        (("flags", "check", ".."), "flags check", "FLAG", "a flag key cannot be '..'"),
        (("companies", "get", ""), "companies get", "ID", "expected an ID, got ''"),
        (("users", "get", "."), "users get", "ID", "an ID cannot be '.'"),
        (("flags", "check", "b", "--company", "id="), "flags check", "--company",
         "expected KEY=VALUE with a value, got 'id='"),
        (("flags", "check-all", "--user", "email"), "flags check-all", "--user",
         "expected KEY=VALUE, got 'email'"),
        (("track", "e", "--user", "=a@acme.test"), "track", "--user",
         "expected KEY=VALUE, got '=a@acme.test'"),
        (("track", "e", "--quantity", "3.5"), "track", "--quantity",
         "expected a whole number, got '3.5'"),
        (("track", "e", "--idempotency-key", " "), "track", "--idempotency-key",
         "expected a key that is not blank, got ' '"),
        (("identify", "--user", ""), "identify", "--user", "expected KEY=VALUE, got ''"),
        (("identify", "--keys", "id="), "identify", "--keys",
         "expected KEY=VALUE with a value, got 'id='"),
        (("companies", "upsert", "--keys", "id= "), "companies upsert", "--keys",
         "expected KEY=VALUE with a value, got 'id= '"),
        (("users", "lookup", "--keys", "x"), "users lookup", "--keys",
         "expected KEY=VALUE, got 'x'"),
        (("users", "upsert", "--keys", "id=u1", "--company", "id"), "users upsert",
         "--company", "expected KEY=VALUE, got 'id'"),
        (("companies", "list", "--limit", "ten"), "companies list", "--limit",
         "expected a whole number, got 'ten'"),
        (("api", "GET", ""), "api", "PATH", "expected a path such as /companies, got ''"),
        (("--timeout", "1e300", "companies", "list"), "", "--timeout",
         "expected at most 2592000 seconds (30 days), got 1e300"),
        (("companies", "list", "--base-url", ""), "companies list", "--base-url",
         "expected an http:// or https:// URL with a host and no query, got ''"),
        (("--event-url", "c.schematichq.com", "track", "e"), "", "--event-url",
         "expected an http:// or https:// URL with a host and no query, "
         "got 'c.schematichq.com'"),
        (("webhooks", "sign", "--secret", SECRET, "--timestamp", "", "-"), "webhooks sign",
         "--timestamp", "expected a Unix time in whole seconds, such as 1700000000, got ''"),
        (("webhooks", "verify", "--signature", "s", "--timestamp", "1", "--tolerance", "soon",
          "--secret", SECRET, "-"), "webhooks verify", "--tolerance",
         "expected a number of seconds, got 'soon'"),
        (("webhooks", "verify", "--signature", "", "--timestamp", "1", "--secret", SECRET,
          "-"), "webhooks verify", "--signature", "expected a signature, got ''"),
        (("webhooks", "sign", "--secret", "", "-"), "webhooks sign", "--secret",
         "expected a secret, got ''"),
        (("webhooks", "sign", "--secret", SECRET, ""), "webhooks sign", "BODY_FILE",
         "expected a file name, or - for stdin"),
        (("track", ""), "track", "EVENT", "expected an event name, got ''"),
        (("track", "e", "--quantity", "-1"), "track", "--quantity",
         "expected a number from 0 to 2**63 - 1, got -1"),
        (("track", "e", "--quantity", str(2**63)), "track", "--quantity",
         f"expected a number from 0 to 2**63 - 1, got {2**63}"),
        (("--api-key", "", "companies", "list"), "", "--api-key", "expected an API key, got ''"),
        (("api", "POST", "/companies", "--body", "@"), "api", "--body @FILE",
         "expected a file name, or - for stdin"),
        (("api", "POST", "/companies", "--body", "[1]"), "api", "--body",
         "expected a JSON object, got list"),
    ],
)  # fmt: skip
def test_bad_values_exit_2_with_one_line_naming_the_argument(
    run: Any,
    server: FakeSchematic,
    argv: tuple[str, ...],
    command: str,
    argument: str,
    message: str,
) -> None:
    assert usage_error(run(*argv), command, argument) == message
    assert server.requests == []


def test_options_are_never_abbreviated(run: Any, server: FakeSchematic) -> None:
    for argv, refused in (
        (("companies", "list", "--lim", "5"), "unrecognized arguments: --lim 5"),
        (("identify", "--user", "a=b", "--comp", "id=acme"), "unrecognized arguments: --comp"),
        (("companies", "list", "--js"), "unrecognized arguments: --js"),
        (("--base", server.url, "companies", "list"), "invalid choice: 'http://"),
    ):
        result = run(*argv)
        assert result.code == 2, argv
        assert refused in result.err.splitlines()[-1], result.err
    assert server.requests == []


def test_company_and_user_options_are_spelled_alike_everywhere() -> None:
    from schematic._cli.inputs import key_pair

    def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in set(action.choices.values()):
                    yield from parsers(sub)

    seen: dict[str, set[str]] = {}
    for parser in parsers(schematic.cli.build_parser()):
        assert parser.allow_abbrev is False, parser.prog
        for action in parser._actions:
            if action.dest in ("company", "user"):
                visible = action.help != argparse.SUPPRESS
                spelled = action.option_strings
                assert spelled == [f"--{action.dest}"] or not visible, (parser.prog, spelled)
                assert action.type is key_pair and isinstance(action, argparse._AppendAction)
                if visible:
                    seen.setdefault(action.dest, set()).add(parser.prog)
            else:
                assert not {"--company", "--user"} & set(action.option_strings), parser.prog
    both = {"schematic flags check", "schematic flags check-all", "schematic track"}
    assert seen["company"] == {*both, "schematic identify", "schematic users upsert"}
    assert seen["user"] == {*both, "schematic identify"}


def test_a_bad_url_or_key_from_the_environment_is_a_usage_error(
    run: Any, server: FakeSchematic, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("SCHEMATIC_BASE_URL", "api.schematichq.com")
    assert main(["--api-key", "sch_env_test", "companies", "list"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "schematic companies list: error: SCHEMATIC_BASE_URL (from the environment) must be "
        "an http:// or https:// URL with a host, such as https://api.example.com; "
        "got 'api.schematichq.com'"
    )
    assert "Traceback" not in err
    monkeypatch.setenv("SCHEMATIC_API_KEY", (server.api_key or "") + "\n")
    result = run("companies", "list", key=None)
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "schematic companies list: error: SCHEMATIC_API_KEY starts or ends with whitespace "
        "(a newline, perhaps)"
    )
    assert server.requests == []


def test_an_unreachable_api_is_one_line_and_exit_1(run: Any, refused_url: str) -> None:
    where = refused_url.removeprefix("http://")
    for argv in (
        ("flags", "check", "beta"),
        ("flags", "check", "beta", "--json"),  # not a default value: no value at all
        ("flags", "check-all", "--company", "id=acme"),
        ("companies", "list"),
        ("users", "get", "user_1"),
        ("api", "GET", "/companies"),
    ):
        result = run("--base-url", refused_url, *argv)
        assert result.code == 1, argv
        assert result.out == "", argv
        assert result.err == (
            f"schematic: error: cannot reach {refused_url}: connection refused ({where})\n"
        ), argv


def test_events_to_an_unreachable_service_are_one_line_and_exit_1(
    run: Any, refused_url: str
) -> None:
    where = refused_url.removeprefix("http://")
    result = run("--event-url", refused_url, "--timeout", "0.5", "track", "e", "--user", "a=b")
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("schematic: error: track event not delivered")
    assert result.err.endswith(f"connection refused ({where})\n")
    assert result.err.count("\n") == 1


def test_a_flag_the_api_could_not_evaluate_exits_1(run: Any, server: FakeSchematic) -> None:
    answer = {"flag": "beta", "value": False, "reason": "Default value", "error": "rules failed"}
    server.add_fault("/flags/beta/check", status=200, body={"data": answer}, times=None)
    human = run("flags", "check", "beta")
    assert (human.code, human.out) == (1, "beta: false (Default value)\n")
    assert human.err == (
        "schematic: error: flag beta was not evaluated, its value is a default: rules failed\n"
    )
    doc = run("--json", "flags", "check", "beta")
    assert doc.code == 1
    assert doc.json() == answer


def test_an_api_that_does_not_answer_in_time_is_one_line(run: Any, server: FakeSchematic) -> None:
    server.add_fault("/companies", hang=True, times=None)
    result = run("--timeout", "0.2", "companies", "list")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"schematic: error: timed out waiting for {server.url}: no complete answer within 0.2s\n"
    )


def test_missing_api_key_is_a_usage_error(run: Any, server: FakeSchematic) -> None:
    result = run("companies", "list", key=None)
    assert result.code == 2
    assert "no API key" in result.err
    assert server.requests == []


def test_api_key_and_urls_from_the_environment(
    run: Any, server: FakeSchematic, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("SCHEMATIC_API_KEY", server.api_key or "")
    monkeypatch.setenv("SCHEMATIC_BASE_URL", server.url)
    assert main(["track", "from-env", "--company", "id=acme"]) == 0
    assert server.tracked("from-env")
    assert server.api_key not in "".join(capsys.readouterr())


def test_global_options_after_the_command(
    run: Any, server: FakeSchematic, capsys: pytest.CaptureFixture[str]
) -> None:
    server.add_company({"id": "acme"})
    code = main(["companies", "list", "--json", "--base-url", server.url, "--api-key", WRONG_KEY])
    assert code == 3
    assert "status 401" in capsys.readouterr().err
    result = run("companies", "list", "--json", "--timeout", "5")
    assert len(result.json()) == 1


def test_verbose_logs_never_show_the_key(run: Any, server: FakeSchematic) -> None:
    result = run("-vv", "track", "api-call", "--company", "id=acme", key=WRONG_KEY)
    assert result.code == 3
    assert "refused the API key" in result.err  # the SDK's own log line, shown by -vv


def test_version(run: Any) -> None:
    result = run("--version")
    assert result.code == 0 and result.out.strip() == f"schematic {schematic.__version__}"


def test_event_url_follows_a_local_api_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from schematic._cli.core import Context
    from schematic._cli.output import Output

    for name in ENV:
        monkeypatch.delenv(name, raising=False)

    def event_url(base_url: str | None, event_url: str | None = None) -> str | None:
        args = argparse.Namespace(base_url=base_url, event_url=event_url)
        return Context(args, Output()).event_url()

    assert event_url("http://127.0.0.1:8787") == "http://127.0.0.1:8787"
    assert event_url("http://localhost:9000/") == "http://localhost:9000/"
    assert event_url("https://api.example.com") is None  # the client's default service
    assert event_url(None) is None
    assert event_url("http://127.0.0.1:1", "http://127.0.0.1:2") == "http://127.0.0.1:2"
    monkeypatch.setenv("SCHEMATIC_EVENT_CAPTURE_URL", "https://events.example.com")
    assert event_url("http://127.0.0.1:8787") == "https://events.example.com"


def test_help_and_docstring_agree_on_exit_codes() -> None:
    doc = schematic.cli.__doc__ or ""
    codes = re.findall(r"^  (\d+) +(.+)$", schematic.cli.EPILOG, re.M)
    assert [c for c, _ in codes] == ["0", "1", "2", "3", "4", "130"]
    for code, meaning in codes:
        assert re.search(rf"^    {code} +{re.escape(meaning)}$", doc, re.M), code


# Values for the shell variables the examples in docs/cli.md use.
DOC_VARIABLES = {"$GB": "12", "$SIG": "ab" * 32, "$TS": "1700000000"}


def documented_command_lines() -> list[tuple[list[str], bool]]:
    """Each ``schematic ...`` command in the shell blocks of docs/cli.md (after a pipe too),
    with whether the doc shows it refused: the output under it starts with ``usage:``.

    In a block with ``$`` prompts, only the prompted lines are commands; the rest is output.
    """
    text = (ROOT / "docs" / "cli.md").read_text()
    found: list[tuple[list[str], bool]] = []
    for block in re.findall(r"^```bash\n(.*?)^```", text, re.M | re.S):
        lines = block.replace("\\\n", " ").splitlines()
        prompted = any(line.startswith("$ ") for line in lines)
        for index, line in enumerate(lines):
            if prompted and not line.startswith("$ "):
                continue
            refused = lines[index + 1 : index + 2] != [] and lines[index + 1].startswith("usage:")
            lexer = shlex.shlex(line.removeprefix("$ "), posix=True, punctuation_chars="|;&")
            lexer.whitespace_split, lexer.commenters = True, "#"
            command: list[str] = []
            for word in [*lexer, "|"]:
                if word not in ("|", ";", "&&", "||", "&"):
                    command.append(DOC_VARIABLES.get(word, word))
                    continue
                if command[:1] == ["schematic"]:
                    found.append((command[1:], refused))
                command = []
    return found


def test_the_command_lines_in_docs_cli_md_parse() -> None:
    commands = documented_command_lines()
    assert len(commands) > 20
    for argv, refused in commands:
        assert "--company-keys" not in argv, argv  # the names --help lists
        assert argv[0] != "identify" or "--keys" not in argv, argv
        assert not any(word.startswith("$") for word in argv), argv  # add to DOC_VARIABLES
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                schematic.cli.build_parser().parse_args(argv)
                code = 0
            except SystemExit as exc:  # --help exits 0
                code = exc.code if isinstance(exc.code, int) else 2
        assert code == (2 if refused else 0), argv


def test_nothing_in_the_sdk_imports_the_cli() -> None:
    entry_points = {"cli.py", "__main__.py"}
    for path in (ROOT / "schematic").rglob("*.py"):
        if path.name in entry_points or "_cli" in path.parts:
            continue
        source = path.read_text()
        assert not re.search(r"\bimport\s+.*\b_?cli\b|\bfrom\s+\S*_?cli\b", source), path
