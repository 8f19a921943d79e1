"""The parser benchmark: its adversarial inputs and its verdict (figures: `make bench`)."""

from __future__ import annotations

import pytest

from bench import parser as bench
from nlp.extras import find_links
from nlp.scan import Scan


def test_unclosed_links_are_among_the_adversarial_inputs() -> None:
    assert bench.adversarial()["open links"].startswith("<http://a<http://a")
    assert all(len(text) == bench.SIZE for text in bench.adversarial().values())


def test_a_link_ends_where_another_opens() -> None:
    # "<" cannot be inside a Slack link's URL, so the second link is read on its own.
    assert find_links(Scan("<http://a<https://zoom.us/j/1>")) is True


@pytest.mark.parametrize("bar", ["MEDIAN_BAR", "P99_BAR", "WORST_BAR"])
def test_a_missed_bar_fails_the_run(bar: str, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(bench, bar, 0.0)
    monkeypatch.setattr(bench, "chat_cases", lambda: [bench.Case("Call at 3pm", bench.NOW,
                                                                 bench.TZ, "en")])
    monkeypatch.setattr(bench, "adversarial", lambda: {"x": "x" * bench.SIZE})
    assert bench.run(rounds=1) == 1
    assert "FAILED: bar missed" in capsys.readouterr().out


def test_bars_met_pass_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    for bar in ("MEDIAN_BAR", "P99_BAR", "WORST_BAR"):
        monkeypatch.setattr(bench, bar, 3600.0)
    monkeypatch.setattr(bench, "chat_cases", lambda: [bench.Case("Call at 3pm", bench.NOW,
                                                                 bench.TZ, "en")])
    assert bench.run(rounds=1) == 0
