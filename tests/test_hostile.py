"""Hostile input and hostile servers: every bad value gets a clear answer, nothing hangs.

Settings and arguments are refused when they are given, naming them and never echoing an
API key; flag checks keep their time bound and their type against servers that stall or
lie; a bad event is refused alone, and every other one is still delivered.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from test_reliability import dead_url, report

from schematic.client import CheckFlagOptions, Schematic, SchematicConfig
from schematic.testing import FakeSchematic


def flag_checks(server: FakeSchematic) -> int:
    return len([r for r in server.requests if r.path.startswith("/flags/")])


# -- settings --------------------------------------------------------------------------------
BAD_URLS = [
    "api.example.com",
    "localhost:8080",
    "ftp://api.example.com",
    "http://",
    "https:///path",
    "https://api.example.com/v1?key=1",
    "https://api example.com",
    "https://api.example.com:port",
    "",  # for the environment variable only: blank means unset in the config
]


@pytest.mark.parametrize("setting", ["base_url", "event_capture_url"])
@pytest.mark.parametrize("url", [u for u in BAD_URLS if u])
def test_a_url_setting_that_is_not_an_http_url_is_refused(setting: str, url: str) -> None:
    with pytest.raises((ValueError, TypeError), match=setting):
        SchematicConfig(**{setting: url})


@pytest.mark.parametrize(
    ("variable", "setting"),
    [("SCHEMATIC_BASE_URL", "base_url"), ("SCHEMATIC_EVENT_CAPTURE_URL", "event_capture_url")],
)
def test_a_url_from_the_environment_is_checked_and_named(
    monkeypatch: pytest.MonkeyPatch, variable: str, setting: str
) -> None:
    monkeypatch.setenv(variable, "c.schematichq.com")  # no scheme: would post to a path
    with pytest.raises(ValueError, match=variable):
        Schematic("sch_test_key")
    monkeypatch.setenv(variable, "   ")  # blank: the default
    assert Schematic("sch_test_key", SchematicConfig(offline=True)) is not None


def test_a_url_with_a_path_prefix_is_accepted(server: FakeSchematic) -> None:
    config = SchematicConfig(base_url=server.url + "/", event_capture_url=server.url + "/")
    client = Schematic(server.api_key, config)
    client.shutdown()


SECRET = "sch_dev_s3cr3t_k3y"


@pytest.mark.parametrize(
    "key",
    [SECRET + "\n", SECRET + "\r\n", " " + SECRET, SECRET + " ", SECRET[:5] + " " + SECRET[5:],
     SECRET + "\x00", SECRET + "é", "\t" + SECRET],
)  # fmt: skip
def test_an_api_key_with_whitespace_or_control_characters_is_refused_unechoed(key: str) -> None:
    with pytest.raises(ValueError, match="api_key") as caught:
        Schematic(key)
    assert "s3cr3t" not in str(caught.value)
    assert "s3cr3t" not in repr(caught.value.args)


@pytest.mark.parametrize(
    "value", [-1, 0, "5", True, 1e12, math.inf, -math.inf, math.nan, 31 * 24 * 3600]
)
@pytest.mark.parametrize(
    "setting",
    ["timeout", "flag_check_timeout", "capture_timeout", "event_buffer_period", "retry_delay",
     "event_retry_delay", "event_retry_window", "circuit_breaker_cooldown", "shutdown_timeout",
     "event_block_timeout"],
)  # fmt: skip
def test_durations_must_be_finite_positive_seconds(setting: str, value: Any) -> None:
    if value == 0 and setting in ("shutdown_timeout", "event_block_timeout"):
        SchematicConfig(**{setting: value})  # "do not wait" is a valid choice for these
        return
    with pytest.raises(ValueError, match=setting):
        SchematicConfig(**{setting: value})


@pytest.mark.parametrize("value", [-1, 0, "5", 1e12, math.inf, math.nan])
def test_the_constructor_timeout_is_checked(value: Any) -> None:
    with pytest.raises(ValueError, match="timeout"):
        Schematic("sch_test_key", timeout=value)


@pytest.mark.parametrize(
    ("setting", "value", "error"),
    [
        ("logger", "myapp", TypeError),
        ("log_level", "LOUD", ValueError),
        ("log_level", -5, ValueError),
        ("on_error", "print", TypeError),
        ("flag_defaults", {"f": "no"}, TypeError),
        ("flag_defaults", {"f": 1}, TypeError),
        ("flag_defaults", {"": True}, TypeError),
        ("cache_providers", [object()], TypeError),
        ("offline", "yes", TypeError),
        ("strict", 1, TypeError),
        ("stale_if_error", None, TypeError),
        ("event_spool_dir", 42, TypeError),
        ("max_retries", 1000, ValueError),
    ],
)
def test_other_settings_are_checked_and_named(setting: str, value: Any, error: type) -> None:
    with pytest.raises(error, match=setting):
        SchematicConfig(**{setting: value})


def test_a_level_name_in_lower_case_is_accepted() -> None:
    client = Schematic(config=SchematicConfig(offline=True, log_level="warning"))
    assert client._log.level == logging.WARNING
    assert logging.getLogger("schematic").level == logging.NOTSET  # left as it was
    client.shutdown()


def test_a_setting_changed_after_the_config_was_made_is_checked_by_the_client() -> None:
    config = SchematicConfig(offline=True)
    config.event_buffer_period = 1e12  # would kill the event thread with OverflowError
    with pytest.raises(ValueError, match="event_buffer_period"):
        Schematic(config=config)


# -- arguments that would reach another endpoint ---------------------------------------------
@pytest.mark.parametrize("segment", [".", ".."])
def test_dot_path_segments_are_refused_before_any_request(
    server: FakeSchematic, client: Schematic, segment: str
) -> None:
    with pytest.raises(ValueError, match="catalog_id"):
        client.catalogs.remove_plan(segment, "plan_1")  # would be DELETE /catalogs/plans/plan_1
    with pytest.raises(ValueError, match="plan_id"):
        client.plans.get_plan(segment)
    result = client.check_flag_with_entitlement(segment)
    assert result.value is False and "cannot be" in result.reason
    assert server.requests == []


# -- flag checks: defaults and values that are not bools --------------------------------------
@pytest.mark.parametrize("value", ["false", "no", 0, 1, [], {}])
def test_a_default_that_is_not_a_bool_is_refused(value: Any) -> None:
    with pytest.raises(TypeError, match="default_value"):
        CheckFlagOptions(default_value=value)


def test_a_default_function_returning_no_bool_gives_the_configured_default(
    server: FakeSchematic, make_client: Any, caplog: Any
) -> None:
    server.add_fault("/flags/", status=500, times=None)
    client = make_client(max_retries=0, flag_defaults={"beta": True})
    with caplog.at_level(logging.ERROR, logger="schematic"):
        answer = client.check_flag("beta", options=CheckFlagOptions(default_value=lambda: "false"))
    assert answer is True  # the configured default, not the truthy string
    assert "'false', not True or False" in caplog.text


@pytest.mark.parametrize("value", ["false", "yes", 1, 0, None, {"on": True}, [True]])
def test_a_server_answering_a_value_that_is_not_a_bool_gets_the_default(
    server: FakeSchematic, make_client: Any, value: Any
) -> None:
    answer = {"data": {"flag": "beta", "value": value, "reason": "lies"}, "params": {}}
    server.add_fault("/flags/beta/check", status=200, body=answer, times=1)
    client = make_client(flag_defaults={"beta": True})
    result = client.check_flag_with_entitlement("beta")
    assert result.value is True and type(result.value) is bool
    assert "not true or false" in result.reason
    server.set_flag("beta", False)
    assert client.check_flag("beta") is False  # the bad answer was not cached
    assert flag_checks(server) == 2


def test_check_flags_gives_the_default_for_each_value_that_is_not_a_bool(
    server: FakeSchematic, make_client: Any
) -> None:
    flags = [
        {"flag": "good", "value": True, "reason": "ok"},
        {"flag": "bad", "value": "false", "reason": "lies"},
        {"flag": None, "value": True, "reason": "no key"},
    ]
    server.add_fault(
        "/flags/check", status=200, body={"data": {"flags": flags}, "params": {}}, times=1
    )
    client = make_client(flag_defaults={"bad": False})
    results = {r.flag: r for r in client.check_flags(["good", "bad"])}
    assert results["good"].value is True
    assert results["bad"].value is False and "not true or false" in results["bad"].reason


def test_an_api_refusing_connections_costs_a_check_little(make_client: Any) -> None:
    url = dead_url()
    client = make_client(base_url=url, retry_delay=0.5, max_retries=2)
    took = []
    for _ in range(8):  # past the breaker's threshold of 5
        started = time.monotonic()
        assert client.check_flag("beta") is False
        took.append(time.monotonic() - started)
    assert max(took) < 0.1 + 0.05  # one retry after at most 50 ms, whatever retry_delay says
    report("checks with the API refusing connections", ms=[round(t * 1000, 1) for t in took])


# -- flag checks keep their time bound -----------------------------------------------------
@pytest.mark.parametrize("headers_too", [False, True], ids=["body trickled", "headers trickled"])
def test_a_server_trickling_its_answer_cannot_stretch_a_check(
    server: FakeSchematic, make_client: Any, headers_too: bool
) -> None:
    server.set_flag("beta", False)
    server.add_fault("/flags/", trickle=0.1, trickle_headers=headers_too, times=None)
    client = make_client(flag_check_timeout=1.0, flag_defaults={"beta": True})
    started = time.monotonic()
    result = client.check_flag_with_entitlement("beta")
    took = time.monotonic() - started
    assert result.value is True  # the configured default, not the trickled False
    assert "within" in result.reason
    assert took < 1.0 + 0.3
    report(f"check against a server trickling its {'headers' if headers_too else 'body'}",
           timeout_s=1.0, took_s=round(took, 3), value=result.value)  # fmt: skip


def test_check_flags_against_a_trickling_server_keeps_its_bound(
    server: FakeSchematic, make_client: Any
) -> None:
    server.set_flag("beta", False)
    server.add_fault("/flags/check", trickle=0.1, times=None)
    client = make_client(flag_check_timeout=0.5, flag_defaults={"beta": True})
    started = time.monotonic()
    (result,) = client.check_flags(["beta"])
    assert result.value is True
    assert time.monotonic() - started < 0.5 + 0.3


def test_a_resource_call_against_a_trickling_server_times_out_as_a_whole(
    server: FakeSchematic, make_client: Any
) -> None:
    from schematic import ApiTimeoutError

    server.add_fault("/companies", trickle=0.1, times=None)
    client = make_client(timeout=0.5, max_retries=0)
    started = time.monotonic()
    with pytest.raises(ApiTimeoutError, match=r"within 0\.5s"):
        client.companies.list_companies()
    assert time.monotonic() - started < 0.5 + 0.3


def test_event_delivery_against_a_trickling_server_keeps_its_bound(
    server: FakeSchematic, make_client: Any
) -> None:
    server.add_fault("/batch", trickle=0.1, times=1)
    client = make_client(capture_timeout=0.5, event_buffer_period=60)
    client.track("ev", quantity=0)
    started = time.monotonic()
    assert client.flush(5) is True  # the first attempt was cut at 0.5 s, the retry went through
    assert time.monotonic() - started < 0.5 + 1.0
    assert [e["body"]["quantity"] for e in server.events] == [0]


def test_a_stream_that_does_not_answer_and_a_slow_api_share_one_deadline(
    server: FakeSchematic, stream: Any, local: Any
) -> None:
    from datastream_server import ACME, metered_flag, ready

    stream.flags = [metered_flag()]
    stream.answer = False  # the company is asked for, and never comes
    server.add_fault("/flags/", delay=5, times=None)
    client = local(resource_timeout=5.0)  # each wait alone would outlast the check
    ready(client)
    started = time.monotonic()
    result = client.check_flag_with_entitlement(
        "api", company=ACME, user={"id": "u1"}, options=CheckFlagOptions(timeout=0.5)
    )
    assert time.monotonic() - started < 0.5 + 0.3
    assert result.value is False and "within" in result.reason


# -- events: a bad one is refused alone, loudly -------------------------------------------
@pytest.mark.parametrize(
    ("traits", "fragment"),
    [
        ({"name": "caf\udcff"}, "traits['name'] is not valid Unicode"),
        ({"caf\udcff": 1}, "not valid Unicode"),
        ({"nested": {"deep": ["ok", "\ud800"]}}, "traits['nested']['deep'][1]"),
        ({None: "a"}, 'send as "null"'),
        ({2.5: "a"}, 'send as "2.5"'),
        ({True: "a"}, 'send as "true"'),
        ({1: "a", "1": "b"}, "could collide"),
        ({"a": {"b": {3: "c"}}}, "traits['a']['b'] has a key"),
        ({"x": [1.0, float("nan")]}, "traits['x'][1] is nan"),
        ({"x": {"y": float("inf")}}, "no NaN or infinity"),
        ({"blob": "x" * (1024 * 1024 + 1)}, "too large"),
        ({"obj": object()}, "cannot be sent as JSON: a object"),
    ],
)
def test_a_trait_json_cannot_carry_faithfully_refuses_that_event_alone(
    server: FakeSchematic, client: Schematic, caplog: Any, traits: dict[Any, Any], fragment: str
) -> None:
    with caplog.at_level(logging.ERROR, logger="schematic"):
        client.track("good", quantity=0)
        client.track("bad", traits=traits)
        client.identify({"id": "u1"}, traits=traits)
        client.track("good", quantity=1)
    assert fragment in caplog.text
    assert caplog.text.count("invalid argument") == 1  # the second of the kind: DEBUG
    assert client.flush(5) is True
    assert sorted(e["body"]["quantity"] for e in server.tracked("good")) == [0, 1]
    assert server.tracked("bad") == [] and server.identified() == []
    assert client.stats()["invalid_calls"] == 2


def test_deep_nesting_is_refused_not_raised(server: FakeSchematic, client: Schematic) -> None:
    def nested(levels: int) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for _ in range(levels - 1):
            value = {"a": value}
        return value

    client.track("deep", traits=nested(1000))  # no RecursionError escapes
    client.track("deep", traits=nested(33))
    client.track("ok", traits=nested(32))
    assert client.flush(5) is True
    assert len(server.tracked("ok")) == 1 and server.tracked("deep") == []
    assert client.stats()["invalid_calls"] == 2


def test_strict_mode_names_the_trait(make_client: Any) -> None:
    from schematic import InvalidEventError

    client = make_client(strict=True)
    with pytest.raises(InvalidEventError, match=r"traits\['k'\]\[0\]") as caught:
        client.track("ev", traits={"k": ["\udcff"]})
    assert caught.value.kind == "unicode"


@pytest.mark.parametrize("quantity", [2**63, -(2**63) - 1, True, 1.5])
def test_a_quantity_the_api_cannot_hold_is_refused(
    server: FakeSchematic, client: Schematic, quantity: Any
) -> None:
    client.track("ev", quantity=quantity)
    client.track("ev", quantity=2**63 - 1)
    assert client.flush(5) is True
    assert [e["body"]["quantity"] for e in server.tracked("ev")] == [2**63 - 1]


def test_an_unencodable_event_that_reached_the_queue_is_dropped_alone(
    server: FakeSchematic, client: Schematic
) -> None:
    # What the checks at the call keep out; the worker still never loses a batch to it.
    client.track("good", quantity=0)
    client._worker.submit(("track", {"event": "bad\udcff"}, None, time.time(), 200))
    client.track("good", quantity=1)
    assert client.flush(5) is False  # one event was dropped...
    assert sorted(e["body"]["quantity"] for e in server.tracked("good")) == [0, 1]  # ...alone
    assert client.stats()["events_dropped"] == {"invalid": 1}


def test_a_resource_body_with_nan_is_refused_before_sending(
    server: FakeSchematic, client: Schematic
) -> None:
    with pytest.raises(TypeError, match="traits"):
        client.companies.upsert_company(keys={"id": "acme"}, traits={"score": float("nan")})
    assert server.requests == []


# -- arguments changed by another thread --------------------------------------------------
class Restless(Mapping[str, Any]):
    """A mapping that another thread seems to change while it is read, ``times`` times."""

    def __init__(self, times: int = 1, **items: Any) -> None:
        self.items_ = items
        self.times = times

    def __getitem__(self, key: str) -> Any:
        return self.items_[key]

    def __len__(self) -> int:
        return len(self.items_)

    def __iter__(self) -> Iterator[str]:
        if self.times:
            self.times -= 1
            raise RuntimeError("dictionary changed size during iteration")
        return iter(self.items_)


def test_a_context_or_traits_changing_while_read_never_raises(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("beta", True, company={"id": "acme"})
    assert client.check_flag("beta", company=Restless(id="acme")) is True  # read again
    assert client.check_flag("gamma", company=Restless(id="acme", times=99)) is False
    client.track("ev", company=Restless(id="acme"), traits=Restless(n=1), quantity=0)
    client.track("ev", traits=Restless(n=1, times=99), quantity=1)  # refused, not raised
    client.identify(Restless(id="u1", times=99))
    assert client.flush(5) is True
    assert [e["body"]["quantity"] for e in server.tracked("ev")] == [0]
    assert client.stats()["invalid_calls"] == 3  # the ever-changing ones, named


def test_dicts_changed_by_another_thread_while_tracking(
    server: FakeSchematic, client: Schematic
) -> None:
    import threading

    traits: dict[str, Any] = {"nested": {"list": [1, 2, 3]}}
    company = {"id": "acme"}
    stop = threading.Event()

    def scribble() -> None:
        i = 0
        while not stop.is_set():
            traits[f"k{i % 50}"] = i
            traits["nested"][f"n{i % 50}"] = [i]
            traits.pop(f"k{(i + 25) % 50}", None)
            company[f"extra{i % 5}"] = str(i)
            i += 1
            if i % 20 == 0:
                time.sleep(0)  # let the tracking thread run: switches land mid-read

    thread = threading.Thread(target=scribble)
    thread.start()
    try:
        for i in range(1000):
            client.track("ev", company=company, traits=traits, quantity=i)
            client.check_flag("beta", company=company)
    finally:
        stop.set()
        thread.join()
    assert client.flush(10) is True
    assert len(server.tracked("ev")) == 1000


# -- hot paths never raise, whatever they are given ------------------------------------------
WEIRD: list[Any] = [
    None, "", "..", ".", "x" * 10_000, "\udcff", 0, -1, 2**70, 1.5, float("nan"), True,
    b"bytes", [], ["a"], {}, {"id": 1}, {"id": None}, {1: "a"}, {"id": "\udcff"}, object(),
    Restless(id="x", times=99), CheckFlagOptions(), "options",
]  # fmt: skip


def test_the_hot_paths_never_raise_on_any_argument(
    server: FakeSchematic, client: Schematic
) -> None:
    server.set_flag("beta", True)
    for value in WEIRD:
        for call in (
            client.check_flag,
            lambda v: client.check_flag("beta", company=v),
            lambda v: client.check_flag("beta", user=v),
            lambda v: client.check_flag("beta", options=v),
            lambda v: client.check_flag_with_entitlement(v, company=v, user=v, options=v),
            client.check_flags,
            lambda v: client.check_flags(["beta"], company=v, user=v, options=v),
            client.track,
            lambda v: client.track("ev", company=v, user=v),
            lambda v: client.track("ev", traits=v, quantity=v),
            lambda v: client.track("ev", options=v),
            lambda v: client.identify(v, company=v, name=v, traits=v),
            lambda v: client.identify({"id": "u"}, options=v),
        ):
            call(value)  # no exception, whatever the value
    assert client.check_flag("beta") is True  # and the client still works
    client.track("after", quantity=1)
    assert client.flush(5) is True
    assert len(server.tracked("after")) == 1
