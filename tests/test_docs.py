"""Every Python snippet of the README and the docs runs, unchanged, against the fake server.

The snippets use the real default URLs and "YOUR_API_KEY"; the environment variables
``SCHEMATIC_BASE_URL`` and ``SCHEMATIC_EVENT_CAPTURE_URL`` point them at the fake server.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from schematic.testing import FakeSchematic

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]


def snippets() -> Iterator[tuple[str, str]]:
    for path in DOCS:
        text = path.read_text()
        for match in re.finditer(r"```python\n(.*?)```", text, re.S):
            line = text[: match.start()].count("\n") + 1
            yield f"{path.relative_to(ROOT)}:{line}", match.group(1)


@pytest.fixture
def fake_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSchematic]:
    with FakeSchematic(api_key=None) as server:
        for company_id in ("your-company-id", "company_id"):
            server.add_company({"id": company_id}, id=company_id, name="Acme Widgets, Inc.")
        server.set_flag("some-flag-key", True, company={"id": "your-company-id"})
        monkeypatch.setenv("SCHEMATIC_API_KEY", "YOUR_API_KEY")
        monkeypatch.setenv("SCHEMATIC_BASE_URL", server.url)
        monkeypatch.setenv("SCHEMATIC_EVENT_CAPTURE_URL", server.url)
        yield server


@pytest.mark.parametrize(("where", "code"), list(snippets()), ids=[w for w, _ in snippets()])
def test_snippet_runs(where: str, code: str, fake_api: FakeSchematic) -> None:
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
    # The fake validates what it receives and what it answers; a 5xx means a broken contract.
    assert [r for r in fake_api.requests if (r.status or 0) >= 500] == []


def test_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
