"""Key rotation: re-encrypt every secret at rest under the newest key (`python -m bot.rotate`).

    1. QUICKCAL_SECRET_KEY="<new>,<old>"   (new first; restart the app: it reads both)
    2. python -m bot.rotate                 (the app's settings: environment, then .env)
    3. QUICKCAL_SECRET_KEY="<new>"          (the old key may now be destroyed)

Safe to run while the app serves and to run again: values already under the newest key
are left alone. A value no key opens is reported and left as is (it reads as absent).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.crypto import KeyRing, TamperedSecret, load_keyring
from bot.settings import Settings
from bot.storage import create_engine, database_url
from bot.storage.core import StorageCore
from bot.storage.tables import SECRET_COLUMNS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RotationReport:
    """What a rotation did: values re-encrypted, already current, and unreadable."""

    rotated: int = 0
    current: int = 0
    unreadable: int = 0

    def __add__(self, other: RotationReport) -> RotationReport:
        return RotationReport(
            self.rotated + other.rotated,
            self.current + other.current,
            self.unreadable + other.unreadable,
        )


async def rotate_secrets(engine: AsyncEngine, keys: KeyRing) -> RotationReport:
    """Re-encrypt every encrypted column of every table under `keys`' newest key."""
    core = StorageCore(engine, keys=keys)
    report = RotationReport()
    for table, columns in SECRET_COLUMNS.items():
        for column in columns:
            report += await _rotate_column(core, table, column)
    return report


async def _rotate_column(core: StorageCore, table: Table, column: str) -> RotationReport:
    keys = core.keys
    rotated = current = unreadable = 0
    primary = list(table.primary_key.columns)
    # One transaction per column: a crash halfway leaves every value readable by some key.
    async with core.writing() as connection:
        rows = await connection.execute(
            select(*primary, table.c[column]).where(table.c[column].is_not(None))
        )
        for row in rows.all():
            ciphertext: str = row[-1]
            if keys.is_current(ciphertext):
                current += 1
                continue
            try:
                fresh = keys.rotate(ciphertext)
            except TamperedSecret:
                unreadable += 1
                continue
            where = [col == value for col, value in zip(primary, row[:-1], strict=True)]
            # Only if unchanged: the app may have just written a newer value (a refresh).
            where.append(table.c[column] == ciphertext)
            await connection.execute(update(table).where(*where).values({column: fresh}))
            rotated += 1
    if unreadable:
        log.warning(
            "%s.%s: %d value(s) no key opens were left as they are", table.name, column, unreadable
        )
    return RotationReport(rotated, current, unreadable)


async def rotate_database(url: str | None, *, keys: KeyRing, data_dir: Path) -> RotationReport:
    """Open the database at `url` (SQLite in `data_dir` when None) and rotate it."""
    engine = create_engine(database_url(url, data_dir=data_dir))
    try:
        return await rotate_secrets(engine, keys)
    finally:
        await engine.dispose()


def main() -> int:
    """The command: the app's settings (environment, then `.env`), a one-line summary, 0."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    settings = Settings()
    keys = load_keyring(settings.secret(settings.secret_key), data_dir=settings.data_dir)
    report = asyncio.run(
        rotate_database(settings.database_url, keys=keys, data_dir=settings.data_dir)
    )
    log.info(
        "re-encrypted %d secret(s) under the newest key; %d already current; %d unreadable",
        report.rotated,
        report.current,
        report.unreadable,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
