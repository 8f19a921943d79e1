"""The shipped commands, run as a person would: `python -m bot.rotate`, `python -m bot.storage`."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.crypto import KeyRing
from bot.storage import Storage, create_engine
from bot.storage.schema import head_revision
from tests.bot.storage.drafts_data import ALICE, TEAM
from tests.bot.storage.links_data import ACCOUNT, TOKEN

ROOT = Path(__file__).resolve().parents[3]


SETTING_NAMES = ("DATABASE_URL", "QUICKCAL_SECRET_KEY", "QUICKCAL_DATA_DIR")


def run(
    module: str, *args: str, env: dict[str, str], cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    inherited = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", module, *args],
        cwd=cwd, env={**inherited, **env}, capture_output=True, text=True, timeout=120,
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


def test_both_commands_read_the_apps_dotenv(tmp_path: Path) -> None:
    # Settings only in ./.env, as `make run` reads them: nothing in the environment.
    old, new = KeyRing.generate_key(), KeyRing.generate_key()
    database = tmp_path / "from-dotenv.db"
    (tmp_path / ".env").write_text(
        f"DATABASE_URL=sqlite:///{database}\nQUICKCAL_SECRET_KEY={new},{old}\n"
        f"QUICKCAL_DATA_DIR={tmp_path / 'data'}\n",
        encoding="utf-8",
    )
    assert run("bot.storage", "upgrade", env={}, cwd=tmp_path).returncode == 0
    assert database.exists()  # the .env database, not ./data/quickcal.db
    url = f"sqlite+aiosqlite:///{database}"

    async def link() -> None:
        storage = Storage(create_engine(url), keys=KeyRing([old]))
        await storage.save_link(TEAM, ALICE, "google", account=ACCOUNT, token=TOKEN)
        await storage.close()

    asyncio.run(link())
    done = run("bot.rotate", env={}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "re-encrypted 1 secret(s)" in done.stderr  # the .env database, under the .env keys
    assert not (tmp_path / "data").exists()  # no key file was made up instead
    assert new not in done.stderr + done.stdout


def test_check_accepts_a_database_a_newer_release_migrated(tmp_path: Path) -> None:
    database = tmp_path / "q.db"
    env = {"DATABASE_URL": f"sqlite:///{database}", "QUICKCAL_DATA_DIR": str(tmp_path)}
    assert run("bot.storage", "upgrade", env=env).returncode == 0
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
    checked = run("bot.storage", "check", env=env)
    assert checked.returncode == 0, checked.stderr
    assert "ahead of this code" in checked.stderr


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
    assert f"{head_revision()} (head)" in done.stdout
