"""Alembic's entry: migrate the connection `bot.storage.schema.upgrade` passes in, or the URL.

From the CLI the URL is `sqlalchemy.url` if set, else DATABASE_URL, else the default SQLite
file in QUICKCAL_DATA_DIR (./data), always through a blocking driver.
"""

from __future__ import annotations

import logging.config
import os
from pathlib import Path

import sqlalchemy
from alembic import context
from sqlalchemy.engine import Connection

from bot.storage.schema import sync_url
from bot.storage.tables import metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        compare_type=True,
        # SQLite alters tables by copying them; later migrations may need it.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    config = context.config
    given = config.attributes.get("connection")
    if given is not None:
        run(given)
        return
    if config.config_file_name is not None:
        logging.config.fileConfig(config.config_file_name, disable_existing_loggers=False)
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL")
    data_dir = Path(os.environ.get("QUICKCAL_DATA_DIR") or "data")
    engine = sqlalchemy.create_engine(sync_url(url, data_dir=data_dir))
    try:
        with engine.begin() as connection:
            run(connection)
    finally:
        engine.dispose()


main()
