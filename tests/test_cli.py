"""The ``schematic`` command line, run in-process against a fake Schematic.

``run(...)`` calls ``schematic.cli.main`` with the fake's URL and key and checks, every
time, that the key shows up in no output. Two tests start real processes: ``python -m
schematic --help`` and the ``fake-server`` console script.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

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
    assert code == 0


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
    assert "event must be a non-empty str" in result.err
    assert server.requests == []


def test_identify_is_delivered_with_company(run: Any, server: FakeSchematic) -> None:
    result = run(
        "identify", "--keys", "email=a@acme.test", "--keys", "user_id=u1", "--name", "Ann",
        "--trait", "logins=24", "--company-keys", "id=acme", "--company-name", "Acme",
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


def test_identify_json_output(run: Any, server: FakeSchematic) -> None:
    doc = run("--json", "identify", "--keys", "email=b@acme.test").json()
    assert doc["type"] == "identify" and doc["delivered"] is True
    assert doc["keys"] == {"email": "b@acme.test"}
    assert [e["idempotency_key"] for e in server.identified()] == [doc["idempotency_key"]]


def test_identify_company_options_need_company_keys(run: Any, server: FakeSchematic) -> None:
    result = run("identify", "--keys", "email=a@acme.test", "--company-name", "Acme")
    assert result.code == 2
    assert "--company-keys" in result.err and "usage: schematic identify" in result.err
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


def test_nothing_in_the_sdk_imports_the_cli() -> None:
    entry_points = {"cli.py", "__main__.py"}
    for path in (ROOT / "schematic").rglob("*.py"):
        if path.name in entry_points or "_cli" in path.parts:
            continue
        source = path.read_text()
        assert not re.search(r"\bimport\s+.*\b_?cli\b|\bfrom\s+\S*_?cli\b", source), path
