"""`python -m bot.storage [upgrade|check]`: migrate the database, or say whether it is current.

Multi-instance deployments run `upgrade` once before starting the instances.
Reads DATABASE_URL and QUICKCAL_DATA_DIR as the app does: the environment, then `.env`.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.settings import Settings

from .database import create_engine, database_url
from .schema import SchemaState, schema_state, upgrade

log = logging.getLogger(__name__)


async def _state(url: str) -> SchemaState:
    engine = create_engine(url)
    try:
        return await schema_state(engine)
    finally:
        await engine.dispose()


def main(argv: list[str]) -> int:
    """0 when the database is (now) current or ahead, 1 when `check` finds it behind, 2 on misuse.

    Ahead: a newer release migrated it; this code still serves it (migrations are
    backward compatible).
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    action = argv[0] if argv else "upgrade"
    settings = Settings()
    url = database_url(settings.database_url, data_dir=settings.data_dir)
    if action == "upgrade":
        upgrade(url)
        log.info("the database schema is current")
        return 0
    if action == "check":
        state = asyncio.run(_state(url))
        words = {"current": "current", "ahead": "ahead of this code (newer)", "behind": "BEHIND"}
        log.info("the database schema is %s", words[state])
        return 1 if state == "behind" else 0
    log.error("usage: python -m bot.storage [upgrade|check]")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
