"""The terminal playground: the same parse -> draft -> confirm -> create path, no Slack."""

from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet

from bot.playground import run_playground
from bot.settings import Settings


def settings_in(folder: Path) -> Settings:
    return Settings(_env_file=None, data_dir=folder, secret_key=Fernet.generate_key().decode())


async def test_a_newcomer_adds_an_event_and_gets_an_ics_file(tmp_path: Path) -> None:
    answers = iter(
        [
            "lunch with Adele tomorrow noon at Bistro",
            "e",
            "lunch with Adele tomorrow 1pm at Bistro",
            "y",
            "team offsite",
            "dinner friday 7pm",
            "n",
            "",
        ]
    )
    shown: list[str] = []
    await run_playground(
        settings_in(tmp_path), read=lambda _: next(answers), write=shown.append, zone="Asia/Tokyo"
    )
    output = "\n".join(shown)
    assert "Quickcal playground" in output
    assert "What     Lunch with Adele" in output
    assert "Where    Bistro" in output
    assert "13:00–14:00 (1 h)" in output
    assert "Added to your local calendar (Quickcal calendar): Lunch with Adele." in output
    assert "I need a day for this one" in output
    assert "Discarded. Nothing was added." in output
    ics = (tmp_path / "playground.ics").read_text()
    assert str((tmp_path / "playground.ics").resolve()) in output
    assert ics.count("BEGIN:VEVENT") == 1  # the edited one, once; nothing from the others
    assert "SUMMARY:Lunch with Adele" in ics
    assert "TZID=Asia/Tokyo" in ics


async def test_end_of_input_quits(tmp_path: Path) -> None:
    def closed(_: str) -> str:
        raise EOFError

    shown: list[str] = []
    await run_playground(settings_in(tmp_path), read=closed, write=shown.append, zone="UTC")
    assert len(shown) == 1  # the welcome, then a clean exit
