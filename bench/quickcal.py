"""Quickcal as its own process (`python -m bot`, HTTP mode) against the fakes, people linked.

    with QuickcalProcess.launch(slack, google, people=200, home=tmp) as app:
        app.url, app.rss_kib()

Each launch gets a fresh SQLite file in `home`; before the process starts, every person's
Google account is linked in that database exactly as the OAuth callback would leave it.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Self

import httpx
from cryptography.fernet import Fernet

from bench.fakes import PEOPLE_ZONE, person_id
from bench.load import Target
from bot.crypto import KeyRing
from bot.storage import Storage
from tests.bot.accounts import link_account
from tests.fakes.google import FakeGoogle
from tests.fakes.server import free_port
from tests.fakes.slack import FakeSlack

ROOT = Path(__file__).resolve().parent.parent
ACCOUNT = "user@example.com"  # FakeGoogle's one account; every person writes to it
# Longer than the slowest answer measured (10 s), so that one is an answer, not a timeout.
PROVIDER_TIMEOUT_SECONDS = 15.0


@contextmanager
def workdir() -> Iterator[Path]:
    """A fresh folder for Quickcal's database and log; BENCH_KEEP=1 keeps it (and says where)."""
    if os.environ.get("BENCH_KEEP"):
        kept = Path(tempfile.mkdtemp(prefix="quickcal-bench-"))
        print(f"bench: Quickcal's files are kept in {kept}", file=sys.stderr)
        yield kept
        return
    with tempfile.TemporaryDirectory(prefix="quickcal-bench-") as home:
        yield Path(home)


class QuickcalProcess:
    """A running `python -m bot`; its stdout/stderr go to `home/quickcal.log`."""

    def __init__(self, process: subprocess.Popen[bytes], *, url: str, signing_secret: str,
                 log: IO[bytes]) -> None:
        self.process = process
        self.url = url
        self.signing_secret = signing_secret
        self._log = log

    @classmethod
    def launch(cls, slack: FakeSlack, google: FakeGoogle, *, people: int, home: Path) -> Self:
        home.mkdir(parents=True, exist_ok=True)
        database = f"sqlite:///{home / 'quickcal.db'}"
        key = Fernet.generate_key().decode()
        asyncio.run(_link_everyone(database, key=key, google=google, people=people, home=home))
        port = free_port()
        signing_secret = secrets.token_hex(16)
        env = {
            **os.environ,
            **google.env(),
            "PYTHONPATH": str(ROOT),
            "SLACK_BOT_TOKEN": slack.token,
            "SLACK_SIGNING_SECRET": signing_secret,
            "SLACK_API_URL": slack.api_url,
            "QUICKCAL_PORT": str(port),
            "QUICKCAL_PUBLIC_URL": f"http://127.0.0.1:{port}",
            "QUICKCAL_DATA_DIR": str(home),
            "QUICKCAL_SECRET_KEY": key,
            "DATABASE_URL": database,
            "PROVIDER_TIMEOUT_SECONDS": str(PROVIDER_TIMEOUT_SECONDS),
        }
        log = (home / "quickcal.log").open("ab")
        # cwd = home: no developer's .env is read by pydantic-settings.
        # BENCH_PROFILE=1: the process runs under cProfile, written to home/quickcal.prof on exit.
        profile = ["-m", "cProfile", "-o", str(home / "quickcal.prof")]
        command = [sys.executable, *(profile if os.environ.get("BENCH_PROFILE") else []), "-m",
                   "bot"]
        process = subprocess.Popen(command, cwd=home, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        app = cls(process, url=f"http://127.0.0.1:{port}", signing_secret=signing_secret,
                  log=log)
        try:
            app.wait_ready()
        except BaseException:
            app.stop()
            raise
        return app

    def target(self, slack: FakeSlack) -> Target:
        """Where the load generator sends Slack's requests, and where answers go."""
        return Target(f"{self.url}/slack/events", self.signing_secret, f"{slack.url}/response")

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Quickcal exited with {self.process.returncode}; see its log")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"Quickcal did not become ready within {timeout:.0f} s")

    def rss_kib(self) -> int:
        """The process's resident set size (VmRSS), in KiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="utf-8")
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS in /proc status")

    def cpu_seconds(self) -> float:
        """User + system CPU time the process has used so far."""
        stat = Path(f"/proc/{self.process.pid}/stat").read_text(encoding="utf-8")
        # Fields after the command name (which may hold spaces) start after its ")".
        fields = stat.rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGINT: uvicorn shuts down gracefully, and a cProfile run still writes its stats.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


async def _link_everyone(database: str, *, key: str, google: FakeGoogle, people: int,
                         home: Path) -> None:
    """Every person linked to Google, as after the OAuth callback (migrating the file first)."""
    storage = await Storage.open(database, keys=KeyRing.from_text(key), data_dir=home,
                                 migrate=True)
    try:
        for index in range(people):
            await link_account(storage, google, user=person_id(index), account=ACCOUNT,
                               zone=PEOPLE_ZONE)
    finally:
        await storage.close()
