"""The command line: `gm-terminal [CAMPAIGN_DIR] [flags]` and `gm-terminal check [CAMPAIGN_DIR]`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.campaign.loader import load_campaign
from desktop.campaign.problems import CampaignError
from desktop.campaign.sample_path import sample_campaign_path
from desktop.campaign.summary import campaign_counts
from desktop.settings import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, Settings

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line naming the problem."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"]:  # a subcommand beside an optional positional: dispatch by hand
        return check(args[1:])
    if args[:1] == ["import-map"]:
        return import_map_command(args[1:])
    settings = parse_settings(args, os.environ)
    if settings.campaign_dir is not None and not settings.campaign_dir.is_dir():
        print(f"gm-terminal: campaign folder not found: {settings.campaign_dir}", file=sys.stderr)
        return 1
    return run_app(settings)


def run_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gm-terminal",
        description="The GM window on a campaign folder, with live player displays on the LAN.",
        epilog="gm-terminal check [CAMPAIGN_DIR] validates a campaign folder; gm-terminal "
        "import-map FILE --campaign DIR --location SLUG imports a Universal VTT map.",
    )
    _add_campaign_dir(parser)
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        type=_host,
        help=f"interface to listen on (default {DEFAULT_HOST}: the LAN)",
    )
    parser.add_argument(
        "--port",
        default=DEFAULT_PORT,
        type=_port,
        help=f"port (default {DEFAULT_PORT}; 0 picks a free port)",
    )
    parser.add_argument(
        "--headless", action="store_true", help="no window: table state and server only"
    )
    parser.add_argument(
        "--gm-token",
        type=_token,
        metavar="TOKEN",
        help=f"GM API token (default: ${TOKEN_ENV}, else a kept random token)",
    )
    parser.add_argument(
        "--state",
        dest="state_file",
        type=Path,
        metavar="FILE",
        help="table-state file (default: per campaign in the user's data folder)",
    )
    parser.add_argument("--resume", action="store_true", help="reopen the last campaign")
    parser.add_argument(
        "--no-mdns", dest="mdns", action="store_false", help="do not advertise on mDNS"
    )
    parser.add_argument("--version", action="version", version=f"gm-terminal {__version__}")
    return parser


def parse_settings(argv: Sequence[str], environ: Mapping[str, str]) -> Settings:
    """Settings from the flags (a bad flag exits 2 with a one-line error) and the environment."""
    ns = run_parser().parse_args(list(argv))
    token: str | None = ns.gm_token or environ.get(TOKEN_ENV) or None
    return Settings(
        campaign_dir=ns.campaign_dir,
        host=ns.host,
        port=ns.port,
        headless=ns.headless,
        gm_token=token,
        state_file=ns.state_file,
        resume=ns.resume,
        mdns=ns.mdns,
    )


def run_app(settings: Settings) -> int:
    """Start the app (imported only now: `check` and `--version` need no Qt)."""
    try:
        app = importlib.import_module("desktop.app")
    except ModuleNotFoundError as error:
        if error.name != "desktop.app":
            raise
        print(
            "gm-terminal: the application is not part of this build (no desktop.app); "
            "`gm-terminal check` works",
            file=sys.stderr,
        )
        return EXIT_USAGE
    status = app.run(settings)
    return status if isinstance(status, int) else 0


def check(argv: Sequence[str]) -> int:
    """`gm-terminal check [CAMPAIGN_DIR]`: counts, then one line per problem; 1 on problems."""
    parser = _Parser(
        prog="gm-terminal check",
        description="Validate a campaign folder: print what it holds and every problem found.",
    )
    _add_campaign_dir(parser)
    ns = parser.parse_args(list(argv))
    try:
        campaign = load_campaign(ns.campaign_dir or sample_campaign_path())
    except CampaignError as error:
        print(f"gm-terminal check: {error}", file=sys.stderr)
        return 1
    for name, count in campaign_counts(campaign).items():
        print(f"{name}: {count}")
    for problem in campaign.problems:
        print(problem)
    found = len(campaign.problems)
    print(
        f"{found} problem{'s' if found != 1 else ''} in {campaign.root}" if found else "no problems"
    )
    return 1 if found else 0


def import_map_command(argv: Sequence[str]) -> int:
    """`gm-terminal import-map FILE --campaign DIR --location SLUG [--name NAME] [--deck N]`:
    the summary line and exit 0, or `FILE: message` lines and exit 1."""
    parser = _Parser(
        prog="gm-terminal import-map",
        description="Import a Universal VTT map (.dd2vtt, .df2vtt, .uvtt) as a deck of a "
        "location: rooms, doors and the picture as its background.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the Universal VTT file")
    parser.add_argument("--campaign", required=True, type=Path, metavar="DIR")
    parser.add_argument("--location", required=True, metavar="SLUG", help="the location's folder")
    parser.add_argument("--name", default="", help="the deck's name (default: the file's name)")
    parser.add_argument("--deck", type=_level, metavar="N", help="the deck's level")
    ns = parser.parse_args(list(argv))
    from desktop.mapimport.importer import import_map  # Pillow only for this command
    from desktop.mapimport.uvtt import MapImportError

    try:
        result = import_map(ns.file, ns.campaign, ns.location, ns.name, ns.deck)
    except MapImportError as error:
        print(f"{ns.file}: {error}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"{ns.file}: warning: {warning}", file=sys.stderr)
    print(result.summary())
    return 0


def _add_campaign_dir(parser: argparse.ArgumentParser) -> None:
    """The optional CAMPAIGN_DIR argument of the app and of check."""
    parser.add_argument(
        "campaign_dir",
        nargs="?",
        type=Path,
        metavar="CAMPAIGN_DIR",
        help="campaign folder (default: the built-in sample)",
    )


def _level(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a deck level: {text!r}") from None


def _host(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the host must not be empty")
    return text.strip()


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is not between 0 and 65535")
    return port


def _token(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("the token must not be empty")
    return text
