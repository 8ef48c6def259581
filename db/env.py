"""Alembic's entry point: runs labnews's migrations on the connection labnews hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from labnews.store.models import Base

config = context.config


def run_on(connection: Connection) -> None:
    """Migrate over one connection; batch mode lets SQLite alter tables by copying them."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    # Run from the alembic command line: open the URL from the config with labnews's settings.
    from sqlalchemy.engine import make_url

    from labnews.store.database import create_database_engine

    engine = create_database_engine(make_url(config.get_main_option("sqlalchemy.url") or ""))
    with engine.begin() as conn:
        run_on(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("labnews migrations run online only: use `labnews db upgrade`")
run_online()
