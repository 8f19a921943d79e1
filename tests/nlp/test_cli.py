"""The command line, run as a real process: batch JSON lines, JSON, readable output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BATCH_KEYS = {"id", "title", "start", "end", "all_day", "timezone", "location", "attendees",
              "recurrence", "reminder_minutes", "online_meeting"}


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "nlp", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, timeout=60, check=False,
    )


def test_batch_writes_one_line_per_input_in_order() -> None:
    lines = [
        {"id": "a", "text": "lunch with Adele Friday noon", "now": "2026-11-18T09:00:00",
         "tz": "America/New_York", "locale": "en"},
        {"id": "b", "text": "Offsite Dec 3-5", "now": "2026-11-18T09:00:00",
         "tz": "America/New_York", "locale": "en"},
        {"id": "c", "text": "Gym every Monday 7am until Dec 21", "now": "2026-11-18T09:00:00",
         "tz": "America/New_York", "locale": "en"},
    ]
    result = run("--batch", stdin="".join(json.dumps(x) + "\n" for x in lines))
    assert result.returncode == 0
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert all(set(o) == BATCH_KEYS for o in out)
    assert out[0]["start"] == "2026-11-20T12:00:00-05:00"
    assert out[0]["attendees"] == ["Adele"]
    assert (out[1]["start"], out[1]["end"], out[1]["all_day"]) == ("2026-12-03", "2026-12-06", True)
    assert out[2]["recurrence"] == ["RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261222T045959Z"]


def test_a_bad_line_gets_an_error_and_the_batch_goes_on() -> None:
    stdin = (
        "not json\n"
        '{"id": "z", "text": "x", "now": "2026-11-18T09:00:00", "tz": "Mars/Olympus"}\n'
        '{"id": "y", "text": "x", "now": "yesterday", "tz": "UTC"}\n'
        '{"id": "ok", "text": "Call at 3pm", "now": "2026-11-18T09:00:00", "tz": "UTC"}\n'
    )
    result = run("--batch", stdin=stdin)
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(out) == 4
    assert "error" in out[0]
    assert out[1]["id"] == "z"
    assert "error" in out[1]
    assert out[2]["id"] == "y"
    assert "error" in out[2]
    assert out[3]["start"] == "2026-11-18T15:00:00+00:00"


def test_json_output_is_the_draft() -> None:
    result = run("lunch with Adele Friday noon", "--now", "2026-11-18T09:00:00", "--tz",
                 "America/New_York", "--json")
    assert result.returncode == 0
    draft = json.loads(result.stdout)
    assert draft["title"] == "Lunch with Adele"
    assert draft["start"] == "2026-11-20T12:00:00-05:00"


def test_readable_output() -> None:
    result = run("Dinner at Harry's Bar Friday 7pm", "--now", "2026-11-18T09:00:00", "--tz",
                 "America/New_York")
    assert result.returncode == 0
    assert "Dinner" in result.stdout
    assert "Fri 2026-11-20 19:00" in result.stdout
    assert "Harry's Bar" in result.stdout


def test_a_bad_zone_is_a_usage_error() -> None:
    result = run("x", "--tz", "Mars/Olympus")
    assert result.returncode == 2
    assert "Mars/Olympus" in result.stderr


def test_piped_lines_without_batch_are_read_one_by_one() -> None:
    result = run("--now", "2026-11-18T09:00:00", "--tz", "America/New_York",
                 stdin="Call at 3pm\nOffsite Dec 3-5\n")
    assert result.returncode == 0
    assert result.stdout.count("title") == 2
    assert "Wed 2026-11-18 15:00" in result.stdout
    assert "Thu 2026-12-03 (all day)" in result.stdout


def test_now_and_zone_default_to_the_machine() -> None:
    result = run("Call tomorrow at 3pm", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["start"] is not None


def test_a_terminal_gets_the_interactive_mode() -> None:
    pty = pytest.importorskip("pty")
    import os
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the parser's command line on a pseudo-terminal
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "nlp", "--now", "2026-11-18T09:00",  # noqa: S606
                                  "--tz", "America/New_York"])
    os.write(fd, b"lunch with Adele Friday noon\n\x04")
    out = b""
    while select.select([fd], [], [], 20)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    text = out.decode(errors="replace")
    assert "Type a message" in text
    assert "Lunch with Adele" in text
    assert "Fri 2026-11-20 12:00" in text


def test_any_failure_on_a_line_is_that_lines_error_record() -> None:
    cases = [
        {"id": "edge", "text": "Call at 3pm", "now": "0001-01-01T00:00:00+14:00",
         "tz": "America/New_York"},
        {"id": "null", "text": None, "now": "2026-11-18T09:00:00", "tz": "UTC"},
        {"id": "number", "text": 42, "now": "2026-11-18T09:00:00", "tz": "UTC"},
        {"id": "zz", "text": "Call at 3pm", "now": "2026-11-18T09:00:00", "tz": "UTC",
         "locale": "zz"},
        {"id": "nownum", "text": "Call at 3pm", "now": 5, "tz": "UTC"},
        {"id": "after", "text": "Call at 3pm", "now": "2026-11-18T09:00:00", "tz": "UTC"},
    ]
    stdin = "".join(json.dumps(x) + "\n" for x in cases) + "[1, 2]\n"
    result = run("--batch", stdin=stdin)
    assert result.returncode == 0
    assert result.stderr == ""
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["edge", "null", "number", "zz", "nownum", "after", None]
    # An aware now at the calendar's edge is a message without a date, not a failure.
    assert (out[0]["start"], out[0]["title"]) == (None, "Call")
    assert set(out[1]) == {"id", "error"}
    assert "text" in out[1]["error"]
    assert "text" in out[2]["error"]
    assert "unknown locale 'zz'" in out[3]["error"]
    assert "now" in out[4]["error"]
    assert out[5]["start"] == "2026-11-18T15:00:00+00:00"
    assert "error" in out[6]


def test_an_unknown_locale_is_a_usage_error_naming_the_known_ones() -> None:
    result = run("Call at 3pm", "--locale", "zz", "--tz", "UTC")
    assert result.returncode == 2
    assert "unknown locale 'zz'" in result.stderr
    assert "de, en, es, fr, ja, ko" in result.stderr
    assert result.stdout == ""


def test_a_regional_locale_code_is_read_as_its_language() -> None:
    result = run("Réunion demain à 15h", "--locale", "fr-CA", "--now", "2026-11-18T09:00",
                 "--tz", "America/Montreal", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["start"] == "2026-11-19T15:00:00-05:00"


def test_the_machines_zone_comes_from_tzlocal() -> None:
    env = {**os.environ, "TZ": "Asia/Tokyo"}
    result = subprocess.run(
        [sys.executable, "-m", "nlp", "Call at 3pm", "--now", "2026-11-18T09:00", "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False, env=env,
    )
    assert result.returncode == 0
    draft = json.loads(result.stdout)
    assert (draft["timezone"], draft["start"]) == ("Asia/Tokyo", "2026-11-18T15:00:00+09:00")


# What the command line may load: the parser and pydantic (EventDraft), never the repeat
# rules' dateutil (loaded on a repeat only), the rival parsedatetime or the app's packages.
FORBIDDEN_AT_START = ("dateutil", "parsedatetime", "pydantic_settings", "tzlocal", "httpx",
                      "providers", "bot", "slack_bolt", "sqlalchemy", "hypothesis")


@pytest.mark.parametrize("args", [["--batch"], ["Call at 3pm", "--tz", "UTC", "--now",
                                                "2026-11-18T09:00"]])
def test_the_command_line_loads_only_what_it_needs(args: list[str]) -> None:
    probe = (
        "import json, sys\n"
        f"sys.argv = ['nlp', *{args!r}]\n"
        "import nlp.__main__ as cli\n"
        "code = cli.main()\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", probe], input="", capture_output=True, text=True, cwd=ROOT,
        timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stderr.splitlines()[-1]))
    assert "nlp" in loaded
    assert loaded.isdisjoint(FORBIDDEN_AT_START), sorted(loaded & set(FORBIDDEN_AT_START))
