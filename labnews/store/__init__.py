"""The lab database: SQLAlchemy models, connections, migrations, queries and commands; no Qt."""
