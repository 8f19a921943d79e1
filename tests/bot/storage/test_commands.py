"""The shipped commands, run as a person would: `python -m bot.rotate`, `python -m bot.storage`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from bot.crypto import KeyRing
from bot.storage import Storage, create_engine
from tests.bot.storage.drafts_data import ALICE, TEAM
from tests.bot.storage.links_data import ACCOUNT, TOKEN

ROOT = Path(__file__).resolve().parents[3]


def run(module: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", module, *args],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
        check=False,
    )


def test_the_rotate_command_moves_secrets_to_the_new_key(url: str, tmp_path: Path) -> None:
    old, new = KeyRing.generate_key(), KeyRing.generate_key()

    async def link(key: str) -> None:
        storage = Storage(create_engine(url), keys=KeyRing([key]))
        await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
        await storage.close()

    async def read(key: str) -> object:
        storage = Storage(create_engine(url), keys=KeyRing([key]))
        try:
            found = await storage.get_link(TEAM, ALICE, "google")
            return None if found is None else found.token
        finally:
            await storage.close()

    asyncio.run(link(old))
    env = {"DATABASE_URL": url, "QUICKCAL_SECRET_KEY": f"{new},{old}",
           "QUICKCAL_DATA_DIR": str(tmp_path)}
    done = run("bot.rotate", env=env)
    assert done.returncode == 0, done.stderr
    assert "re-encrypted 1 secret(s)" in done.stderr
    output = done.stderr + done.stdout
    assert old not in output
    assert new not in output
    assert asyncio.run(read(new)) == TOKEN


def test_the_storage_command_checks_and_upgrades(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'q.db'}", "QUICKCAL_DATA_DIR": str(tmp_path)}
    assert run("bot.storage", "check", env=env).returncode == 1
    assert run("bot.storage", "upgrade", env=env).returncode == 0
    checked = run("bot.storage", "check", env=env)
    assert checked.returncode == 0
    assert "current" in checked.stderr
    assert run("bot.storage", "sideways", env=env).returncode == 2


def test_alembic_cli_upgrades_an_empty_database_to_the_models(empty_url: str) -> None:
    env = {"DATABASE_URL": empty_url}
    alembic = str(Path(sys.executable).with_name("alembic"))
    ini = str(ROOT / "bot" / "storage" / "migrations" / "alembic.ini")
    for args in (["upgrade", "head"], ["check"], ["current"]):
        done = subprocess.run(  # noqa: S603 - the venv's alembic on our own config
            [alembic, "-c", ini, *args], cwd=ROOT, env={**os.environ, **env},
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert done.returncode == 0, done.stderr
    assert "0001 (head)" in done.stdout
