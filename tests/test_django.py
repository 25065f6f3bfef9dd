"""``schematic.django``: settings, the shared client, and the ``schematic_django`` fixture.

Django's settings can be configured once per process, so every test that needs them runs
a script, or the small project in tests/django_project, in a process of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import schematic.django
from schematic.client import Schematic
from schematic.testing import FakeSchematic

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "django_project"


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMATIC_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return {**env, **extra}


def run_script(code: str, **env: str) -> Any:
    """Run ``code`` in a new interpreter; it prints one JSON value last, returned here."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        check=False,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


CONFIGURE = """
import json, logging
import django
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

def configure(**values):
    settings.configure(**values)
    django.setup()

def refusal(call):
    try:
        call()
    except ImproperlyConfigured as exc:
        return str(exc)
    return None
"""


def test_importing_needs_no_key_and_no_settings() -> None:
    found = run_script(
        """
        import json, sys
        from schematic.django import client
        from django.conf import settings
        print(json.dumps([settings.configured, repr(client)]))
        """
    )
    assert found == [False, "<schematic.django.client: not built yet>"]


@pytest.mark.parametrize(
    ("entries", "named"),
    [
        ({"FLAG_CHECK_TIMEOUT": -1}, 'SCHEMATIC["FLAG_CHECK_TIMEOUT"]: flag_check_timeout'),
        ({"BASE_URL": "not a url"}, 'SCHEMATIC["BASE_URL"]: base_url'),
        ({"EVENT_CONCURRENCY": "4"}, 'SCHEMATIC["EVENT_CONCURRENCY"]'),
        ({"FLAG_TIMEOUT": 1}, 'SCHEMATIC["FLAG_TIMEOUT"] is not a Schematic setting'),
        ({"flag_check_timeout": 0}, 'SCHEMATIC["flag_check_timeout"]: flag_check_timeout'),
        ({"Flag_Defaults": {}}, 'SCHEMATIC["Flag_Defaults"] is not a Schematic setting'),
        (
            {"flag_defaults": {}, "FLAG_DEFAULTS": {}},
            'SCHEMATIC["flag_defaults"] and SCHEMATIC["FLAG_DEFAULTS"] are the same setting',
        ),
        ({"FLAG_DEFAULTS": {"beta": "yes"}}, 'SCHEMATIC["FLAG_DEFAULTS"]: flag_defaults'),
        ({"API_KEY": ""}, 'SCHEMATIC["API_KEY"] must be a non-empty str'),
        ({"API_KEY": "has a space"}, "api_key holds characters"),
    ],
)
def test_a_bad_setting_is_improperly_configured_and_named(
    entries: dict[str, Any], named: str
) -> None:
    found = run_script(
        CONFIGURE
        + f"""
configure(DEBUG=True, SCHEMATIC={entries!r})
from schematic.django import client, config_from_settings
print(json.dumps([refusal(config_from_settings), refusal(lambda: client.check_flag("x"))]))
"""
    )
    from_settings, on_use = found
    assert on_use is not None and named in on_use
    if "api_key holds" not in named:  # the key's characters are checked by the client
        assert from_settings == on_use


def test_settings_reach_the_client(schematic_server: FakeSchematic) -> None:
    schematic_server.set_flag("beta", True, company={"id": "acme"})
    schematic_server.add_fault("/flags/unknown-flag/check", status=503, times=None)
    schematic = {  # upper- and lower-case names alike
        "API_KEY": "sch_test_key",
        "BASE_URL": schematic_server.url,
        "event_capture_url": schematic_server.url,
        "flag_defaults": {"unknown-flag": True},
        "EVENT_BUFFER_PERIOD": 0.05,
    }
    found = run_script(
        CONFIGURE
        + f"""
configure(DEBUG=False, SCHEMATIC={schematic!r})
from schematic.django import client
answers = [client.check_flag("beta", company={{"id": "acme"}}),
           client.check_flag("beta", company={{"id": "globex"}}),
           client.check_flag("unknown-flag")]
client.track("settings-read", company={{"id": "acme"}})
print(json.dumps(answers))
"""
    )  # the track call is sent by the exit hook
    # unknown-flag: the API fails to answer, so the default from the settings does
    assert found == [True, False, True]
    assert [e["body"]["company"] for e in schematic_server.tracked("settings-read")] == [
        {"id": "acme"}
    ]
    assert {r.headers.get("X-Schematic-Api-Key") for r in schematic_server.requests} == {
        "sch_test_key"
    }


def test_the_key_can_come_from_the_environment(schematic_server: FakeSchematic) -> None:
    schematic_server.set_flag("beta", True)
    found = run_script(
        CONFIGURE
        + f"""
configure(DEBUG=False, SCHEMATIC={{"BASE_URL": {schematic_server.url!r}}})
from schematic.django import client
print(json.dumps(client.check_flag("beta")))
""",
        SCHEMATIC_API_KEY="sch_test_key",
    )
    assert found is True
    assert len(schematic_server.requests_to("/flags/beta/check")) == 1


def test_no_key_with_debug_off_refuses_on_first_use_only() -> None:
    found = run_script(
        CONFIGURE
        + """
configure(DEBUG=False)
from schematic.django import client, get_client
print(json.dumps([refusal(lambda: client.check_flag("x")), refusal(get_client)]))
"""
    )
    assert all("Schematic has no API key" in message for message in found)


def test_offline_in_the_settings_needs_no_key_even_with_debug_off() -> None:
    found = run_script(
        CONFIGURE
        + """
configure(DEBUG=False, SCHEMATIC={"OFFLINE": True, "FLAG_DEFAULTS": {"beta": True}})
from schematic.django import client
print(json.dumps([client.check_flag("beta"), client.check_flag("other"), repr(client)]))
"""
    )
    assert found[:2] == [True, False]
    assert "offline=True" in found[2]


def test_importing_needs_no_django_until_the_client_is_built() -> None:
    found = run_script(
        """
        import json, sys
        sys.modules["django"] = None  # as if Django were not installed
        import schematic.django
        from schematic.django import client, use_client
        try:
            client.check_flag("x")
        except ImportError as exc:
            error = type(exc).__name__
        print(json.dumps([repr(client), error]))
        """
    )
    assert found == ["<schematic.django.client: not built yet>", "ModuleNotFoundError"]


def test_no_key_with_debug_on_is_offline_and_says_so_once() -> None:
    found = run_script(
        CONFIGURE
        + """
records = []
handler = logging.Handler()
handler.emit = records.append
logging.getLogger("schematic").addHandler(handler)
configure(DEBUG=True, SCHEMATIC={"FLAG_DEFAULTS": {"beta": True}})
from schematic import django as sd
answers = [sd.client.check_flag("beta"), sd.client.check_flag("other")]
sd.client.track("dropped")
sd.set_client(None)  # built again from the settings on next use
answers.append(sd.client.check_flag("beta"))
warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
print(json.dumps([answers, repr(sd.client), warnings]))
"""
    )
    answers, shown, warnings = found
    assert answers == [True, False, True]
    assert "offline=True" in shown
    assert len(warnings) == 1 and "no API key and DEBUG is on" in warnings[0]


def test_the_client_is_built_once_by_eight_threads_at_once(
    schematic_server: FakeSchematic,
) -> None:
    schematic = {
        "API_KEY": "sch_test_key",
        "BASE_URL": schematic_server.url,
        "EVENT_CAPTURE_URL": schematic_server.url,
    }
    found = run_script(
        CONFIGURE
        + f"""
import sys, threading
from schematic.client import Schematic
sys.setswitchinterval(1e-6)  # switch threads as often as possible, to bring races out
built = []
real_init = Schematic.__init__
def counting_init(self, *args, **kwargs):
    built.append(self)
    real_init(self, *args, **kwargs)
Schematic.__init__ = counting_init

configure(DEBUG=False, SCHEMATIC={schematic!r})
from schematic.django import client, get_client
barrier = threading.Barrier(8)
seen = []
def use():
    barrier.wait()
    seen.append(client.stats)  # a bound method of the client the proxy stands for
threads = [threading.Thread(target=use) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps([len(built), len(seen), len({{id(m.__self__) for m in seen}}),
                  all(m.__self__ is get_client() for m in seen)]))
"""
    )
    assert found == [1, 8, 1, True]


def test_use_client_redirects_modules_that_imported_the_proxy(
    schematic_server: FakeSchematic, schematic_client: Schematic
) -> None:
    from schematic.django import client  # as a view module would, before any swap

    schematic_server.set_flag("beta", True, company={"id": "acme"})
    before = schematic.django.set_client(None)  # None unless another test built one
    schematic.django.set_client(before)
    with schematic.django.use_client(schematic_client) as current:
        assert current is schematic_client
        assert schematic.django.get_client() is schematic_client
        assert client.check_flag("beta", company={"id": "acme"}) is True
        client.track("through-the-proxy", company={"id": "acme"})
        assert client.flush(5) is True
    assert schematic.django.set_client(before) is before  # the previous client is back
    assert len(schematic_server.tracked("through-the-proxy")) == 1
    assert len(schematic_server.requests_to("/flags/beta/check")) == 1


def test_the_django_project_passes_its_own_tests(tmp_path: Path) -> None:
    report = tmp_path / "report.xml"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-v",
            f"--junitxml={report}",
            str(PROJECT),
        ],
        check=False,
        cwd=PROJECT,
        env=clean_env(DJANGO_SETTINGS_MODULE="settings", PYTHONPATH=str(PROJECT)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "3 passed" in output
    assert "test_the_new_checkout_is_on_for_a_company_with_the_flag PASSED" in output
    properties = {
        p.get("name"): p.get("value")
        for case in ET.parse(report).iter("testcase")
        if case.get("name") == "test_the_new_checkout_is_on_for_a_company_with_the_flag"
        for p in case.iter("property")
    }
    # The view asked the fake for the flag once, and the fake received its event.
    assert properties == {"flag_checks": "1", "tracked_company": "acme"}


def test_a_forked_child_uses_the_client_with_connections_of_its_own(
    schematic_server: FakeSchematic,
) -> None:
    schematic_server.set_flag("beta", True)
    schematic = {
        "API_KEY": "sch_test_key",
        "BASE_URL": schematic_server.url,
        "EVENT_CAPTURE_URL": schematic_server.url,
    }
    found = run_script(
        CONFIGURE
        + f"""
import os, threading
configure(DEBUG=False, SCHEMATIC={schematic!r})
import schematic.django as sd
parent = sd.get_client()
assert parent.check_flag("beta") is True
# Fork while another thread holds the module's lock, as a busy parent may.
held, release = threading.Event(), threading.Event()
def hold():
    with sd._lock:
        held.set()
        release.wait()
holder = threading.Thread(target=hold)
holder.start()
held.wait()
read, write = os.pipe()
pid = os.fork()
if pid == 0:
    done = []
    swap = threading.Thread(target=lambda: done.append(sd.set_client(sd.get_client())))
    swap.start()
    swap.join(5)
    same = sd.get_client() is parent
    answer = sd.client.check_flag("beta", company={{"id": "child"}})
    sd.client.track("from-the-child", company={{"id": "child"}})
    flushed = sd.client.flush(5)
    os.write(write, json.dumps([bool(done), same, answer, flushed]).encode())
    os._exit(0)
release.set()
holder.join()
os.close(write)
child = json.loads(os.read(read, 4096))
os.waitpid(pid, 0)
print(json.dumps(child))
"""
    )
    # The lock was free in the child, the client was the parent's, and it worked there.
    assert found == [True, True, True, True]
    assert [e["body"]["company"] for e in schematic_server.tracked("from-the-child")] == [
        {"id": "child"}
    ]
