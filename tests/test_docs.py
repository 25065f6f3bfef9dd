"""Every Python snippet of the README and the docs runs, unchanged, as a reader would run it.

Each page with Python examples declares what they assume in an HTML comment, next to the
sentence that tells the reader the same thing::

    <!-- assumes: env; company your-company-id "Acme Widgets, Inc.";
         flag some-flag-key on for your-company-id -->

Clauses, separated by ``;``:

- ``nothing``: the examples build their own ``FakeSchematic`` or work offline.
- ``env``: a client reads its key and URLs from ``SCHEMATIC_API_KEY``,
  ``SCHEMATIC_BASE_URL`` and ``SCHEMATIC_EVENT_CAPTURE_URL``; here they point at a fake
  server that takes the key ``YOUR_API_KEY`` (the README's placeholder) and no other.
- ``company ID "NAME"``: a company whose Schematic ID and ``id`` key are both ``ID``.
- ``flag KEY on|off [for COMPANY_ID]``: the flag's value for the company with that ``id``
  key, or for everyone.

Each page's snippets run against a fake seeded with exactly that page's declaration.
Without ``env`` the variables are unset; every connection off this machine is refused and
fails the test, so a snippet that would reach the real API with a placeholder key fails.
"""

from __future__ import annotations

import re
import shlex
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from schematic.testing import FakeSchematic

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
API_KEY = "YOUR_API_KEY"
ENV_VARS = ("SCHEMATIC_API_KEY", "SCHEMATIC_BASE_URL", "SCHEMATIC_EVENT_CAPTURE_URL")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

DECLARATION = re.compile(r"<!-- assumes: (.*?) -->", re.S)
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


@dataclass
class Assumptions:
    env: bool = False
    companies: list[tuple[str, str]] = field(default_factory=list)
    flags: list[tuple[str, bool, str | None]] = field(default_factory=list)


def parse(declaration: str) -> Assumptions:
    found = Assumptions()
    for clause in declaration.split(";"):
        words = shlex.split(clause)
        match words:
            case ["nothing"]:
                pass
            case ["env"]:
                found.env = True
            case ["company", company_id, name]:
                found.companies.append((company_id, name))
            case ["flag", key, ("on" | "off") as value]:
                found.flags.append((key, value == "on", None))
            case ["flag", key, ("on" | "off") as value, "for", company_id]:
                found.flags.append((key, value == "on", company_id))
            case _:
                raise ValueError(f"cannot read the assumption {clause.strip()!r}")
    return found


def declarations(text: str) -> list[re.Match[str]]:
    return list(DECLARATION.finditer(text))


def snippets() -> Iterator[tuple[str, str, Path]]:
    for path in DOCS:
        text = path.read_text()
        for match in PYTHON_BLOCK.finditer(text):
            line = text[: match.start()].count("\n") + 1
            yield f"{path.relative_to(ROOT)}:{line}", match.group(1), path


def pages_with_examples() -> list[Path]:
    return [path for path in DOCS if PYTHON_BLOCK.search(path.read_text())]


def assumptions_of(path: Path) -> Assumptions:
    found = declarations(path.read_text())
    if len(found) != 1:
        pytest.fail(
            f"{path.relative_to(ROOT)} has Python examples, so it needs one "
            '"<!-- assumes: ... -->" comment saying what they need (see tests/test_docs.py), '
            f"not {len(found)}"
        )
    return parse(found[0].group(1))


@pytest.mark.parametrize("path", pages_with_examples(), ids=lambda p: str(p.relative_to(ROOT)))
def test_page_says_what_its_examples_assume(path: Path) -> None:
    text = path.read_text()
    assumptions_of(path)  # exactly one, and readable
    [declaration] = declarations(text)
    first_example = PYTHON_BLOCK.search(text)
    assert first_example is not None
    assert declaration.start() < first_example.start(), "declare before the first example"
    # The reader is told too: the declaration sits right above a visible note.
    following = text[declaration.end() :].lstrip("\n")
    assert following.startswith("> **"), "put the visible note right below the declaration"


class OffMachine:
    """Refuses, and remembers, every name lookup of a host that is not this machine."""

    def __init__(self) -> None:
        self.hosts: list[str] = []
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOOPBACK:
            self.hosts.append(name)
            raise socket.gaierror(socket.EAI_NONAME, f"{name}: off this machine, refused")
        return self.real(host, *args, **kwargs)


@pytest.fixture
def off_machine(monkeypatch: pytest.MonkeyPatch) -> OffMachine:
    guard = OffMachine()
    monkeypatch.setattr(socket, "getaddrinfo", guard)
    return guard


def seeded_fake(assumptions: Assumptions) -> FakeSchematic:
    server = FakeSchematic(api_key=API_KEY)
    for company_id, name in assumptions.companies:
        server.add_company({"id": company_id}, id=company_id, name=name)
    for key, value, company_id in assumptions.flags:
        server.set_flag(key, value, company=None if company_id is None else {"id": company_id})
    return server


@pytest.mark.parametrize(
    ("where", "code", "page"), list(snippets()), ids=[where for where, _, _ in snippets()]
)
def test_snippet_runs(
    where: str,
    code: str,
    page: Path,
    monkeypatch: pytest.MonkeyPatch,
    off_machine: OffMachine,
) -> None:
    assumptions = assumptions_of(page)
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    with seeded_fake(assumptions) as server:
        if assumptions.env:
            monkeypatch.setenv("SCHEMATIC_API_KEY", API_KEY)
            monkeypatch.setenv("SCHEMATIC_BASE_URL", server.url)
            monkeypatch.setenv("SCHEMATIC_EVENT_CAPTURE_URL", server.url)
        namespace: dict[str, object] = {"__name__": "__snippet__"}
        exec(compile(code, where, "exec"), namespace)
        client = namespace.get("client")
        shutdown = getattr(client, "shutdown", None)
        if (
            shutdown is not None
            and not isinstance(client, type)
            and "Async" not in type(client).__name__
        ):
            shutdown()
        answered = [(r.method, r.path, r.status) for r in server.requests]

    assert off_machine.hosts == [], f"{where} reached off this machine; declare env?"
    # A refused key means a snippet used a key of its own; a 5xx, a broken contract.
    assert [a for a in answered if a[2] in (401, 403) or (a[2] or 0) >= 500] == []


def test_undeclared_needs_fail() -> None:
    """What a page does not declare is not there: no company, no flag, no environment."""
    with seeded_fake(parse("env; flag some-flag-key on for your-company-id")) as server:
        client = server.client()
        assert client.check_flag("some-flag-key", company={"id": "your-company-id"})
        assert not client.check_flag("some-flag-key", company={"id": "another-company"})
        assert not client.check_flag("other-flag")
        assert server.companies == {}
        client.shutdown()
    with pytest.raises(ValueError, match="cannot read"):
        parse("company your-company-id")


def test_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
