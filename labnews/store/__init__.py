"""The lab database: SQLAlchemy models, connections, migrations, queries and commands; no Qt."""

HEAD_REVISION = "0005"
"""The newest migration in db/versions; a test keeps it equal to Alembic's own head.

Opening a database that is already at this revision needs no Alembic at all: its import costs
a tenth of a second and ten megabytes, paid only when there is something to migrate. Declared
here, where no SQLAlchemy is imported, so that the first screen's glance can check it too.
"""
