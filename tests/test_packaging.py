"""What PyPI and a user's pip get: metadata, the files of the wheel and of the sdist.

The sdist is built from this checkout, then the wheel from the unpacked sdist, so the sdist
is known to be complete enough to build; a few of the sdist's own tests then run from there,
with the fixtures its conftest gives.
"""

from __future__ import annotations

import email
import re
import subprocess
import sys
import tarfile
import zipfile
from email.message import Message
from pathlib import Path

import pytest

from schematic import __version__

ROOT = Path(__file__).resolve().parent.parent
REPO = "https://github.com/schematichq/schematic-python"


def build(kind: str, source: Path, out: Path) -> Path:
    script = (
        f"import sys; from setuptools import build_meta as b; print(b.build_{kind}(sys.argv[1]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return out / done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The sdist, its unpacked tree, and the wheel built from that tree."""
    out = tmp_path_factory.mktemp("dist")
    sdist = build("sdist", ROOT, out)
    with tarfile.open(sdist) as archive:
        archive.extractall(out, filter="data")
    tree = out / sdist.name.removesuffix(".tar.gz")
    wheel = build("wheel", tree, out)
    return sdist, tree, wheel


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_the_version_satisfies_pins_made_for_the_official_releases() -> None:
    parts = tuple(int(p) for p in __version__.split(".")[:3])
    assert parts >= (1, 4, 6)


def test_the_wheel_names_its_license_and_its_project_urls(dists: tuple[Path, Path, Path]) -> None:
    _, _, wheel = dists
    metadata = wheel_metadata(wheel)
    assert metadata["Version"] == __version__
    assert "License :: OSI Approved :: MIT License" in metadata.get_all("Classifier", [])
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL", []))
    assert urls["Source"] == REPO
    assert set(urls) >= {"Documentation", "Issues"}
    with zipfile.ZipFile(wheel) as archive:
        license_text = next(
            archive.read(n).decode() for n in archive.namelist() if n.endswith("/LICENSE")
        )
    assert license_text.startswith("MIT License")
    assert (ROOT / "LICENSE").read_text() == license_text


def test_the_wheel_holds_the_package_and_nothing_of_the_repository(
    dists: tuple[Path, Path, Path],
) -> None:
    _, _, wheel = dists
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"schematic", f"schematichq-{__version__}.dist-info"}
    assert "schematic/py.typed" in names
    assert not [n for n in names if "__pycache__" in n]
    # The contract the fake server checks against ships compressed, and only once.
    spec = [n for n in names if "api-spec" in n]
    assert spec == ["schematic/testing/api-spec.json.gz"]
    with zipfile.ZipFile(wheel) as archive:
        assert archive.getinfo(spec[0]).file_size < 100_000


def test_the_readme_shown_on_pypi_links_only_to_absolute_addresses() -> None:
    readme = (ROOT / "README.md").read_text()
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    relative = [t for t in targets if not re.match(r"https?://|#|mailto:", t)]
    # ``LocalCache[bool](size, ttl)`` in code reads like a link; only prose links count.
    prose = [t for t in relative if "/" in t or t.endswith(".md")]
    assert prose == []


def test_the_sdist_carries_every_file_its_tests_use(dists: tuple[Path, Path, Path]) -> None:
    sdist, _, _ = dists
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    tracked = subprocess.run(
        ["git", "ls-files", "tests", "docs", "examples", "tools", "LICENSE", "Makefile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if not tracked:  # not a git checkout (an unpacked sdist): what is on disk
        tracked = [
            str(p.relative_to(ROOT))
            for top in ("tests", "docs", "examples", "tools")
            for p in (ROOT / top).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]
    missing = [t for t in tracked if t not in names]
    assert missing == []
    assert "tests/conftest.py" in names


def test_the_sdists_tests_find_their_fixtures(dists: tuple[Path, Path, Path]) -> None:
    _, tree, _ = dists
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_request.py"],
        check=False,
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "fixture 'server' not found" not in done.stdout
    assert re.search(r"\d+ passed", done.stdout)
    where = subprocess.run(
        [sys.executable, "-c", "import schematic; print(schematic.__file__)"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert Path(where.strip()).is_relative_to(tree)  # the sdist's own code was tested
