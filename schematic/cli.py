"""The ``schematic`` command: flags, events, companies, users and any API call from a shell.

For scripts, cron jobs and debugging; ``schematic COMMAND --help`` tells more::

    schematic flags check FLAG [--company K=V]... [--user K=V]... [--entitlement]
    schematic flags check-all [--company K=V]... [--user K=V]... [--entitlement]
    schematic track EVENT [--company K=V]... [--user K=V]... [--quantity N] [--trait K=V]...
    schematic identify --user K=V... [--name NAME] [--trait K=V]... [--company K=V]...
    schematic companies|users get ID | list [--limit N] | lookup --keys K=V...
    schematic companies|users upsert --keys K=V... [--name NAME] [--trait K=V]...
    schematic api METHOD PATH [--query K=V]... [--body JSON|@FILE|@-]
    schematic webhooks verify --signature SIG --timestamp TS [--tolerance SECONDS] BODY_FILE|-
    schematic webhooks sign [--timestamp TS] BODY_FILE|-
    schematic fake-server [--port 8787] [--flag KEY=true|false]... [-v]

Global options go before or after the command: ``--api-key`` (default
``$SCHEMATIC_API_KEY``), ``--base-url`` (``$SCHEMATIC_BASE_URL``), ``--event-url``
(``$SCHEMATIC_EVENT_CAPTURE_URL``), ``--timeout``, ``--json`` and ``--verbose``.

``--company K=V`` is a key of a company and ``--user K=V`` a key of a user, in every
command that takes both; ``identify`` still takes its older ``--keys`` and
``--company-keys``, unlisted. ``companies|users upsert|lookup --keys`` are the keys of the
company or user itself. Options are never abbreviated: a prefix such as ``--comp`` is an
error, not a guess.

Output is aligned text for people; with ``--json``, one JSON document on stdout. Errors go
to stderr as one line, never with a traceback, and never with the API key. An API that
cannot be reached is one such line (``schematic: error: cannot reach URL: connection
refused (HOST:PORT)``) and exit code 1. ``flags check`` also exits 1 when the API answers
that it could not evaluate the flag: the value it prints then is a default.

Exit codes:
    0    success
    1    the API answered with an error or could not be reached, events were not
         delivered in time, or a webhook signature did not verify
    2    usage error: a bad command line, or a missing API key
    3    the API refused the key (401 or 403)
    4    not found (404)
    130  interrupted (Ctrl-C)

Nothing in the SDK imports this module; only the ``schematic`` console script and
``python -m schematic`` do, so ``import schematic`` does not pay for it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._cli import commands, local
from ._cli.core import (
    DEFAULT_TIMEOUT,
    EXIT_AUTH,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    CommandError,
    Context,
    UsageError,
    exit_code_for,
)
from ._cli.inputs import (
    api_path,
    entity_id,
    flag_key,
    flag_setting,
    idempotency_key,
    key_pair,
    not_blank,
    pair,
    port,
    positive_int,
    quantity,
    seconds,
    seconds_or_zero,
    unix_time,
    url,
)
from ._cli.output import Output
from .errors import ApiConnectionError, ApiError
from .resources._base import MAX_PAGE_SIZE
from .version import __version__

__all__ = ["build_parser", "main"]

EPILOG = """\
values:
  K=V pairs repeat: --company id=acme --company slug=acme. --company is a key of a
  company and --user a key of a user wherever they appear; --keys are the keys of the
  company or user that companies|users upsert|lookup act on. Keys are strings. Trait
  values are read as JSON when they are JSON (10, 2.5, true, null, [1,2], "quoted"),
  else kept as text: --trait plan=pro --trait seats=10 --trait zip='"02134"'.

exit codes:
  0    success
  1    the API answered with an error or could not be reached, events were not
       delivered in time, or a webhook signature did not verify
  2    usage error: a bad command line, or a missing API key
  3    the API refused the key (401 or 403)
  4    not found (404)
  130  interrupted (Ctrl-C)

environment:
  SCHEMATIC_API_KEY, SCHEMATIC_BASE_URL, SCHEMATIC_EVENT_CAPTURE_URL,
  SCHEMATIC_WEBHOOK_SECRET
"""

if TYPE_CHECKING:
    # argparse names no public type for what add_subparsers returns.
    _Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line (``sys.argv[1:]`` when None) and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else 0
    out = Output(as_json=args.json)
    ctx = Context(args, out)
    try:
        return int(args.handler(ctx))
    except UsageError as exc:
        with contextlib.suppress(SystemExit):  # error() prints the usage, then exits
            args.command_parser.error(str(exc))
        return EXIT_USAGE
    except CommandError as exc:
        out.error(str(exc))
        return exc.code
    except ApiConnectionError as exc:  # no answer at all: say where, not how urllib3 failed
        out.error(ctx.unreachable(exc))
        return EXIT_FAILURE
    except ApiError as exc:
        code = exit_code_for(exc)
        hint = " (check --api-key or SCHEMATIC_API_KEY)" if code == EXIT_AUTH else ""
        out.error(f"{exc}{hint}")
        return code
    except KeyboardInterrupt:
        out.error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _silence_stdout()
        return EXIT_FAILURE
    finally:
        ctx.close()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor behind stdout (captured, replaced)
        pass


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: every command, option and help text."""
    parser = argparse.ArgumentParser(
        prog="schematic",
        description="Check flags, send events, manage companies and users, and call any\n"
        "endpoint of the Schematic API.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,  # --comp is an error, never a guess at --company or --company-name
    )
    _global_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"schematic {__version__}")
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    _global_options(common, suppress=True)
    commands_ = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    _flags_commands(_group(commands_, common, "flags", "check feature flags"), common)
    _event_commands(commands_, common)
    for kind, plural in (("company", "companies"), ("user", "users")):
        group = _group(commands_, common, plural, f"get, list, upsert or look up {plural}")
        _entity_commands(group, common, kind, plural)
    _api_command(commands_, common)
    _webhook_commands(_group(commands_, common, "webhooks", "verify or sign webhooks"), common)
    _fake_server_command(commands_, common)
    return parser


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options every command takes, before or after its name.

    Under a command their default is SUPPRESS, so that leaving one out there keeps the
    value given (or defaulted) before the command.
    """

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("global options")
    group.add_argument(
        "--api-key",
        metavar="KEY",
        type=not_blank("an API key"),
        default=default(None),
        help="secret API key (default: $SCHEMATIC_API_KEY, which keeps it out of process lists)",
    )
    group.add_argument(
        "--base-url",
        metavar="URL",
        type=url,
        default=default(None),
        help="API address (default: $SCHEMATIC_BASE_URL, else https://api.schematichq.com)",
    )
    group.add_argument(
        "--event-url",
        metavar="URL",
        type=url,
        default=default(None),
        help="event service address (default: $SCHEMATIC_EVENT_CAPTURE_URL; else the API "
        "address when it is on this machine; else https://c.schematichq.com)",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print one JSON document on stdout, for machines",
    )
    group.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=seconds,
        default=default(DEFAULT_TIMEOUT),
        help="wait this long for each API answer, and for events to be delivered "
        f"(default: {DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=default(0),
        help="log what the SDK does to stderr (twice: debug detail); fake-server: "
        "show each request it answers",
    )


def _command(
    subparsers: _Subparsers,
    common: argparse.ArgumentParser,
    name: str,
    summary: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description or summary[0].upper() + summary[1:] + ".", 79),
        parents=[common],
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.set_defaults(command_parser=parser)
    return parser


def _group(
    subparsers: _Subparsers, common: argparse.ArgumentParser, name: str, summary: str
) -> _Subparsers:
    parser = _command(subparsers, common, name, summary)
    return parser.add_subparsers(title="actions", metavar="ACTION", required=True)


def _pairs(parser: argparse.ArgumentParser, option: str, help: str) -> None:
    parser.add_argument(option, metavar="K=V", type=pair, action="append", help=help)


def _keys(
    parser: argparse.ArgumentParser,
    kind: str,
    help: str,
    *,
    required: bool = False,
    aliases: Sequence[str] = (),
) -> None:
    """``--company K=V`` or ``--user K=V``: the same option, spelled the same, everywhere.

    ``aliases`` are older spellings (``--keys``, ``--company-keys``), still accepted but
    not listed. A required option with aliases is a required group of one visible option,
    so that the usage line still shows it as required.
    """
    add = parser.add_argument
    if required and aliases:
        add = parser.add_mutually_exclusive_group(required=True).add_argument
    add(
        f"--{kind}",
        metavar="K=V",
        type=key_pair,
        action="append",
        dest=kind,
        help=help,
        required=required and not aliases,
    )
    for alias in aliases:
        add(alias, metavar="K=V", type=key_pair, action="append", dest=kind, help=argparse.SUPPRESS)


def _own_keys(parser: argparse.ArgumentParser, help: str) -> None:
    """``companies|users upsert|lookup --keys K=V``: the keys of the company or user itself.

    Not ``--company``/``--user``: in ``users upsert`` those would clash with ``--company``,
    the company the user joins. With abbreviations off, ``--keys`` matches nothing else.
    """
    parser.add_argument(
        "--keys", metavar="K=V", type=key_pair, action="append", required=True, help=help
    )


def _flags_commands(group: _Subparsers, common: argparse.ArgumentParser) -> None:
    check = _command(
        group,
        common,
        "check",
        "check one flag for a company and/or user",
        "Ask the API for one flag's value and the reason for it. Unlike the SDK's "
        "check_flag, a failure is an error exit, never a default value; when the API "
        "answers that it could not evaluate the flag, the value printed is a default and "
        "the exit code is 1.",
    )
    check.add_argument("flag", metavar="FLAG", type=flag_key, help="the flag's key")
    check_all = _command(group, common, "check-all", "check every flag for a company and/or user")
    for parser in (check, check_all):
        _keys(parser, "company", "a key of the company (repeat for more)")
        _keys(parser, "user", "a key of the user (repeat for more)")
        parser.add_argument(
            "--entitlement",
            action="store_true",
            help="show the full result: rule, company and user IDs, entitlement and usage",
        )
    check.set_defaults(handler=commands.flags_check)
    check_all.set_defaults(handler=commands.flags_check_all)


def _event_commands(subparsers: _Subparsers, common: argparse.ArgumentParser) -> None:
    track = _command(
        subparsers,
        common,
        "track",
        "send a track event (usage metering) and wait until it is delivered",
    )
    track.add_argument(
        "event", metavar="EVENT", type=not_blank("an event name"), help="the event's name"
    )
    _keys(track, "company", "a key of the company (repeat for more)")
    _keys(track, "user", "a key of the user (repeat for more)")
    track.add_argument(
        "--quantity", type=quantity, metavar="N", help="how many units, 0 or more (default 1)"
    )
    _pairs(track, "--trait", "an event trait (repeat for more)")
    identify = _command(
        subparsers,
        common,
        "identify",
        "send an identify event (create or update a user) and wait until it is delivered",
    )
    _keys(
        identify,
        "user",
        "a key of the user (required; repeat for more)",
        required=True,
        aliases=["--keys"],
    )
    identify.add_argument("--name", help="the user's name")
    _pairs(identify, "--trait", "a user trait (repeat for more)")
    _keys(
        identify,
        "company",
        "a key of the user's company (repeat for more)",
        aliases=["--company-keys"],
    )
    identify.add_argument("--company-name", metavar="NAME", help="the company's name")
    _pairs(identify, "--company-trait", "a company trait (repeat for more)")
    for parser in (track, identify):
        parser.add_argument(
            "--idempotency-key",
            metavar="KEY",
            type=idempotency_key,
            help="sending the same key again within 24 hours is ignored: safe retries for "
            "cron jobs (default: a new UUID, printed)",
        )
    track.set_defaults(handler=commands.track)
    identify.set_defaults(handler=commands.identify)


def _entity_commands(
    group: _Subparsers, common: argparse.ArgumentParser, kind: str, plural: str
) -> None:
    get = _command(group, common, "get", f"show one {kind} by its Schematic ID")
    get.add_argument(
        "id", metavar="ID", type=entity_id, help=f"the {kind}'s ID, such as {kind[:4]}_..."
    )
    get.set_defaults(handler=commands.entity_get)
    listing = _command(
        group,
        common,
        "list",
        f"list {plural}, fetching every page",
        f"List {plural}, fetching page after page until there are no more (or --limit).",
    )
    listing.add_argument("--search", metavar="TEXT", help="search text (the API's q filter)")
    listing.add_argument("--plan-id", metavar="ID", help=f"only the {plural} on this plan")
    if kind == "user":
        listing.add_argument("--company-id", metavar="ID", help="only the users of this company")
    listing.add_argument("--limit", type=positive_int, metavar="N", help=f"at most N {plural}")
    listing.add_argument(
        "--page-size",
        type=_page_size,
        default=100,
        metavar="N",
        help=f"{plural} per request, 1 to {MAX_PAGE_SIZE} (default: 100)",
    )
    listing.set_defaults(handler=commands.entity_list)
    upsert = _command(group, common, "upsert", f"create or update a {kind}, matched by its keys")
    own_keys = f"a key of the {kind} (required; repeat for more)"
    _own_keys(upsert, own_keys)
    upsert.add_argument("--name", help=f"the {kind}'s name")
    _pairs(upsert, "--trait", "a trait (repeat for more)")
    if kind == "user":
        _keys(upsert, "company", "a key of a company to add the user to (repeat for more)")
    upsert.set_defaults(handler=commands.entity_upsert)
    lookup = _command(group, common, "lookup", f"find a {kind} by its keys")
    _own_keys(lookup, own_keys)
    lookup.set_defaults(handler=commands.entity_lookup)
    for parser in (get, listing, upsert, lookup):
        parser.set_defaults(kind=kind)


def _page_size(text: str) -> int:
    size = positive_int(text)
    if size > MAX_PAGE_SIZE:
        raise argparse.ArgumentTypeError(f"expected at most {MAX_PAGE_SIZE}, got {size}")
    return size


def _api_command(subparsers: _Subparsers, common: argparse.ArgumentParser) -> None:
    api = _command(
        subparsers,
        common,
        "api",
        "call any API endpoint and print the answer's data",
        "Call any endpoint with the client's key, retries and errors, and print the data "
        "of the answer as JSON. Quote IDs in PATH yourself (a / inside one is %2F).",
    )
    api.add_argument(
        "method",
        metavar="METHOD",
        type=str.upper,
        choices=["GET", "POST", "PUT", "PATCH", "DELETE"],
        help="GET, POST, PUT, PATCH or DELETE",
    )
    api.add_argument(
        "path", metavar="PATH", type=api_path, help="such as /companies or /flags/my-flag/check"
    )
    _pairs(api, "--query", "a query parameter (repeat a name for a list)")
    api.add_argument(
        "--body",
        metavar="JSON|@FILE",
        help="the JSON object to send: inline, @FILE to read a file, @- to read stdin",
    )
    api.set_defaults(handler=commands.api)


def _webhook_commands(group: _Subparsers, common: argparse.ArgumentParser) -> None:
    verify = _command(
        group,
        common,
        "verify",
        "check a webhook delivery's signature",
        "Check that a webhook delivery was signed with the webhook's secret. Exit 0 when it "
        "was, 1 when it was not.",
    )
    verify.add_argument(
        "--signature",
        required=True,
        type=not_blank("a signature"),
        help="the X-Schematic-Webhook-Signature header",
    )
    verify.add_argument(
        "--timestamp",
        required=True,
        type=not_blank("a timestamp"),
        help="the X-Schematic-Webhook-Timestamp header",
    )
    verify.add_argument(
        "--tolerance",
        type=seconds_or_zero,
        metavar="SECONDS",
        help="also refuse timestamps further than this from now (default: no age check)",
    )
    sign = _command(
        group,
        common,
        "sign",
        "sign a body as Schematic signs deliveries, to test your endpoint",
    )
    sign.add_argument(
        "--timestamp", type=unix_time, help="the Unix time to sign, in seconds (default: now)"
    )
    for parser in (verify, sign):
        parser.add_argument(
            "--secret",
            type=not_blank("a secret"),
            help="the webhook's secret (default: $SCHEMATIC_WEBHOOK_SECRET)",
        )
        parser.add_argument(
            "body",
            metavar="BODY_FILE",
            help="a file holding the raw body, byte for byte; - reads stdin",
        )
    verify.set_defaults(handler=local.webhooks_verify)
    sign.set_defaults(handler=local.webhooks_sign)


def _fake_server_command(subparsers: _Subparsers, common: argparse.ArgumentParser) -> None:
    fake = _command(
        subparsers,
        common,
        "fake-server",
        "run a fake Schematic API on this machine until Ctrl-C",
        "Run the SDK's fake Schematic API (schematic.testing.FakeSchematic) on 127.0.0.1 "
        "for local development: it keeps companies, users and events in memory and answers "
        "flag checks from --flag. Prints its URL and the API key it expects, then serves "
        "until Ctrl-C or SIGTERM and exits 0. With -v, prints a line on stderr for each "
        "request it answers.",
    )
    fake.add_argument(
        "--port", type=port, default=8787, help="port to listen on; 0 picks a free one (8787)"
    )
    fake.add_argument(
        "--flag",
        type=flag_setting,
        action="append",
        metavar="KEY=true|false",
        help="a flag and its value for everyone (repeat for more)",
    )
    fake.set_defaults(handler=local.fake_server)


if __name__ == "__main__":
    sys.exit(main())
