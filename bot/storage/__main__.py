"""`python -m bot.storage [upgrade|check]`: migrate the database, or say whether it is current.

Multi-instance deployments run `upgrade` once before starting the instances.
Reads DATABASE_URL and QUICKCAL_DATA_DIR from the environment.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

from .database import create_engine, database_url
from .schema import schema_is_current, upgrade

log = logging.getLogger(__name__)


async def _is_current(url: str) -> bool:
    engine = create_engine(url)
    try:
        return await schema_is_current(engine)
    finally:
        await engine.dispose()


def main(argv: list[str]) -> int:
    """0 when the database is (now) current, 1 when `check` finds it behind, 2 on misuse."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    action = argv[0] if argv else "upgrade"
    data_dir = Path(os.environ.get("QUICKCAL_DATA_DIR") or "data")
    url = database_url(os.environ.get("DATABASE_URL"), data_dir=data_dir)
    if action == "upgrade":
        upgrade(url)
        log.info("the database schema is current")
        return 0
    if action == "check":
        current = asyncio.run(_is_current(url))
        log.info("the database schema is %s", "current" if current else "NOT current")
        return 0 if current else 1
    log.error("usage: python -m bot.storage [upgrade|check]")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
