"""a paper's details: labelled links in order, equal contribution, also presented at, acceptance

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 22:40:00.000000

A paper's url, code and project columns become its first links ("paper", "code", "project", in
that order) in the new paper_link table, which is from now on the one place a link lives.
"""

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_PRESENTATIONS = "('oral', 'spotlight', 'poster', 'findings', 'demo')"
_NEW_PRESENTATIONS = "('oral', 'long talk', 'spotlight', 'poster', 'findings', 'demo')"
# The old link columns, the label each becomes and its place among the links.
_LINK_COLUMNS = (("url", "paper", 0), ("code", "code", 1), ("project", "project", 2))


def upgrade() -> None:
    op.create_table(
        "paper_link",
        sa.Column("paper_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.CheckConstraint("length(trim(label)) > 0", name=op.f("ck_paper_link_label_not_blank")),
        sa.ForeignKeyConstraint(
            ["paper_id"],
            ["paper.id"],
            name=op.f("fk_paper_link_paper_id_paper"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("paper_id", "position", name=op.f("pk_paper_link")),
    )
    for column, label, position in _LINK_COLUMNS:
        op.execute(
            sa.text(
                f"INSERT INTO paper_link (paper_id, position, label, url) "
                f"SELECT id, {position}, '{label}', {column} FROM paper "
                f"WHERE {column} IS NOT NULL AND {column} <> ''"
            )
        )
    # Every database can add a column with a default in place: no copy of the table.
    op.add_column(
        "authorship", sa.Column("equal", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    with _quiet_reflection(), op.batch_alter_table("paper", recreate="auto") as batch_op:
        batch_op.add_column(sa.Column("also_presented", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("accepted", sa.Date(), nullable=True))
        batch_op.drop_column("url")
        batch_op.drop_column("code")
        batch_op.drop_column("project")
        batch_op.drop_constraint(op.f("ck_paper_presentation"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_paper_presentation"),
            sa.text(f"presentation IS NULL OR presentation IN {_NEW_PRESENTATIONS}"),
        )
    _keep_doi_index()


@contextmanager
def _quiet_reflection() -> Iterator[None]:
    """SQLite's copy of the paper table reads it back, and SQLAlchemy warns (on stderr, in the
    middle of a command's output) that it skips the expression indexes: _keep_doi_index
    makes the one on this table again."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        yield


def _keep_doi_index() -> None:
    """SQLite copies the paper table to alter it and cannot read an index on an expression
    back: make the unique index on lower(doi) again where the copy dropped it."""
    op.execute(
        sa.text("CREATE UNIQUE INDEX IF NOT EXISTS uq_paper_doi_lower ON paper (lower(doi))")
    )


def downgrade() -> None:
    op.execute(sa.text("UPDATE paper SET presentation = NULL WHERE presentation = 'long talk'"))
    with _quiet_reflection(), op.batch_alter_table("paper", recreate="auto") as batch_op:
        batch_op.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("code", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("project", sa.Text(), nullable=True))
        batch_op.drop_column("also_presented")
        batch_op.drop_column("accepted")
        batch_op.drop_constraint(op.f("ck_paper_presentation"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_paper_presentation"),
            sa.text(f"presentation IS NULL OR presentation IN {_OLD_PRESENTATIONS}"),
        )
    _keep_doi_index()
    # Each old column takes the first link of its kind back; other labels have nowhere to go.
    for column, label, _position in _LINK_COLUMNS:
        labels = "'project', 'project page'" if label == "project" else f"'{label}'"
        op.execute(
            sa.text(
                f"UPDATE paper SET {column} = (SELECT url FROM paper_link "
                f"WHERE paper_link.paper_id = paper.id AND lower(paper_link.label) "
                f"IN ({labels}) ORDER BY position LIMIT 1)"
            )
        )
    with _quiet_reflection(), op.batch_alter_table("authorship") as batch_op:
        batch_op.drop_column("equal")
    op.drop_table("paper_link")
