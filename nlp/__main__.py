"""Command line: `python -m nlp "text" [--now ISO] [--tz ZONE] [--locale en] [--json]`, `--batch`.

The clock and the machine's zone are read here, never in `parse`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nlp.draft import EventDraft
from nlp.locales import LEXICONS, known
from nlp.parse import parse
from nlp.render import batch_line, readable


def _local_zone() -> str:
    """The machine's IANA zone name, UTC when it cannot be told."""
    from tzlocal import get_localzone_name  # noqa: PLC0415 - only when --tz is not given

    try:
        name = get_localzone_name()
    except Exception:  # tzlocal raises several kinds for a broken setup
        return "UTC"
    if not name:
        return "UTC"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


def _now(text: str | None, tz: str) -> datetime:
    if text:
        return datetime.fromisoformat(text)
    return datetime.now(ZoneInfo(tz)).replace(tzinfo=None, microsecond=0)


def run_batch(lines: TextIO, out: TextIO) -> int:
    """One JSON record per input line, in order; a bad line gets an error record.

    Any failure on a line, whatever its kind, becomes that line's `{"id", "error"}`
    record: one bad case must never cost the lines after it.
    """
    for raw in lines:
        if not raw.strip():
            continue
        case_id: Any = None
        try:
            case = json.loads(raw)
            if not isinstance(case, dict):
                raise TypeError("a line must be a JSON object")
            case_id = case.get("id")
            record: dict[str, Any] = batch_line(_read_case(case), case_id=case_id)
        except Exception as exc:  # reported as this line's error record
            record = {"id": case_id, "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 0


def _read_case(case: dict[str, Any]) -> EventDraft:
    text, now = case.get("text"), case.get("now")
    if not isinstance(text, str):
        raise TypeError(f'"text" must be a string, not {type(text).__name__}')
    if not isinstance(now, str):
        raise TypeError(f'"now" must be an ISO 8601 string, not {type(now).__name__}')
    tz = case.get("tz") or "UTC"
    locale = case.get("locale") or "en"
    if not isinstance(tz, str) or not isinstance(locale, str):
        raise TypeError('"tz" and "locale" must be strings')
    if not known(locale):
        raise ValueError(_unknown_locale(locale))
    return parse(text, now=datetime.fromisoformat(now), tz=tz, locale=locale)


def _unknown_locale(code: str) -> str:
    return f"unknown locale {code!r}: the parser reads {', '.join(sorted(LEXICONS))}"


def _show(text: str, args: argparse.Namespace, out: TextIO) -> None:
    draft = parse(text, now=_now(args.now, args.tz), tz=args.tz, locale=args.locale)
    if args.json:
        out.write(draft.model_dump_json(indent=2) + "\n")
    else:
        out.write(readable(draft) + "\n")


def _interactive(args: argparse.Namespace) -> int:
    print(f"Quickcal parser ({args.tz}, {args.locale}). Type a message; Ctrl-D to quit.")
    while True:
        try:
            text = input("> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.strip():
            _show(text, args, sys.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp", description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", help="the message to read")
    parser.add_argument("--now", help="the writer's wall-clock time (ISO 8601); default: now")
    parser.add_argument("--tz", help="the writer's IANA zone; default: this machine's")
    parser.add_argument("--locale", default="en",
                        help="language of the message (en ja ko de fr es)")
    parser.add_argument("--json", action="store_true", help="print the draft as JSON")
    parser.add_argument("--batch", action="store_true",
                        help='read JSON lines {"id","text","now","tz","locale"} on stdin')
    args = parser.parse_args(argv)
    if args.batch:  # each line names its own locale; an unknown one is that line's error
        return run_batch(sys.stdin, sys.stdout)
    args.tz = args.tz or _local_zone()
    if not known(args.locale):
        parser.error(_unknown_locale(args.locale))
    try:
        ZoneInfo(args.tz)
        if args.now:
            datetime.fromisoformat(args.now)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        parser.error(str(exc))
    if args.text is not None:
        _show(args.text, args, sys.stdout)
        return 0
    if sys.stdin.isatty():
        return _interactive(args)
    for line in sys.stdin:
        if line.strip():
            _show(line.rstrip("\n"), args, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
