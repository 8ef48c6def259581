"""create the lab database

Revision ID: 0001
Revises:
Create Date: 2026-11-21 01:05:42.227602
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LOWER_INDEXES = (
    ("uq_member_name_lower", "member", "name", True),
    ("ix_member_alias_alias_lower", "member_alias", "alias", False),
    ("uq_venue_short_lower", "venue", "short", True),
    ("uq_venue_alias_alias_lower", "venue_alias", "alias", True),
    ("uq_paper_doi_lower", "paper", "doi", True),
)


def upgrade() -> None:
    op.create_table(
        "achievement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('award', 'talk', 'grant', 'challenge', 'service', 'media', 'other')",
            name=op.f("ck_achievement_kind"),
        ),
        sa.CheckConstraint("day IS NULL OR day BETWEEN 1 AND 31", name=op.f("ck_achievement_day")),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_achievement_title_not_blank")),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_achievement_month")),
        sa.CheckConstraint("year BETWEEN 1900 AND 2100", name=op.f("ck_achievement_year")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_achievement")),
    )
    with op.batch_alter_table("achievement", schema=None) as batch_op:
        batch_op.create_index("ix_achievement_date", ["year", "month"], unique=False)

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("native", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("in_news", sa.Boolean(), nullable=False),
        sa.Column("joined_year", sa.Integer(), nullable=True),
        sa.Column("joined_month", sa.Integer(), nullable=True),
        sa.Column("left_year", sa.Integer(), nullable=True),
        sa.Column("left_month", sa.Integer(), nullable=True),
        sa.Column("homepage", sa.Text(), nullable=True),
        sa.Column("orcid", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "joined_month IS NULL OR joined_month BETWEEN 1 AND 12",
            name=op.f("ck_member_joined_month"),
        ),
        sa.CheckConstraint(
            "joined_year IS NULL OR joined_year BETWEEN 1900 AND 2100",
            name=op.f("ck_member_joined_year"),
        ),
        sa.CheckConstraint(
            "left_month IS NULL OR left_month BETWEEN 1 AND 12", name=op.f("ck_member_left_month")
        ),
        sa.CheckConstraint(
            "left_year IS NULL OR left_year BETWEEN 1900 AND 2100", name=op.f("ck_member_left_year")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_member_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "venue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("short", sa.String(length=200), nullable=False),
        sa.Column("full", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("homepage", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('conference', 'journal', 'workshop', 'other')", name=op.f("ck_venue_kind")
        ),
        sa.CheckConstraint("length(trim(short)) > 0", name=op.f("ck_venue_short_not_blank")),
        sa.CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name=op.f("ck_venue_month")),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> id", name=op.f("ck_venue_not_own_parent")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["venue.id"], name=op.f("fk_venue_parent_id_venue"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue")),
    )
    with op.batch_alter_table("venue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venue_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "achievement_member",
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_achievement_member_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_achievement_member_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("achievement_id", "position", name=op.f("pk_achievement_member")),
    )
    with op.batch_alter_table("achievement_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_achievement_member_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "member_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_member_alias_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_alias")),
    )
    with op.batch_alter_table("member_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_alias_member_id"), ["member_id"], unique=False)

    op.create_table(
        "paper",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("news_year", sa.Integer(), nullable=False),
        sa.Column("news_month", sa.Integer(), nullable=False),
        sa.Column("featured_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("presentation", sa.String(length=20), nullable=True),
        sa.Column("doi", sa.String(length=200), nullable=True),
        sa.Column("arxiv", sa.String(length=200), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("code", sa.Text(), nullable=True),
        sa.Column("project", sa.Text(), nullable=True),
        sa.Column("bibkey", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "presentation IS NULL OR presentation IN "
            "('oral', 'spotlight', 'poster', 'findings', 'demo')",
            name=op.f("ck_paper_presentation"),
        ),
        sa.CheckConstraint(
            "status IN ('accepted', 'published', 'withdrawn')", name=op.f("ck_paper_status")
        ),
        sa.CheckConstraint("news_month BETWEEN 1 AND 12", name=op.f("ck_paper_news_month")),
        sa.CheckConstraint("news_year BETWEEN 1900 AND 2100", name=op.f("ck_paper_news_year")),
        sa.CheckConstraint("year BETWEEN 1900 AND 2100", name=op.f("ck_paper_year")),
        sa.ForeignKeyConstraint(
            ["featured_id"],
            ["member.id"],
            name=op.f("fk_paper_featured_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venue.id"], name=op.f("fk_paper_venue_id_venue"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_paper")),
    )
    with op.batch_alter_table("paper", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_paper_featured_id"), ["featured_id"], unique=False)
        batch_op.create_index(
            "ix_paper_news", ["news_year", "news_month", "position"], unique=False
        )
        batch_op.create_index(
            "ix_paper_tally",
            ["news_year", "venue_id", "status", "news_month", "position"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_paper_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "venue_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["venue_id"],
            ["venue.id"],
            name=op.f("fk_venue_alias_venue_id_venue"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue_alias")),
    )
    with op.batch_alter_table("venue_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venue_alias_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "authorship",
        sa.Column("paper_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "member_id IS NOT NULL OR name IS NOT NULL", name=op.f("ck_authorship_member_or_name")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_authorship_member_id_member"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["paper_id"],
            ["paper.id"],
            name=op.f("fk_authorship_paper_id_paper"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("paper_id", "position", name=op.f("pk_authorship")),
    )
    with op.batch_alter_table("authorship", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_authorship_member_id"), ["member_id"], unique=False)

    # Case-insensitive uniqueness as expression indexes: autogenerate cannot compare these, so
    # they are written by hand here and mirrored in labnews/store/models.py.
    for name, table, column, unique in _LOWER_INDEXES:
        op.create_index(name, table, [sa.text(f"lower({column})")], unique=unique)


def downgrade() -> None:
    for name, table, _column, _unique in _LOWER_INDEXES:
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("authorship", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_authorship_member_id"))

    op.drop_table("authorship")
    with op.batch_alter_table("venue_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venue_alias_venue_id"))

    op.drop_table("venue_alias")
    with op.batch_alter_table("paper", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_paper_venue_id"))
        batch_op.drop_index("ix_paper_tally")
        batch_op.drop_index("ix_paper_news")
        batch_op.drop_index(batch_op.f("ix_paper_featured_id"))

    op.drop_table("paper")
    with op.batch_alter_table("member_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_alias_member_id"))

    op.drop_table("member_alias")
    with op.batch_alter_table("achievement_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_achievement_member_member_id"))

    op.drop_table("achievement_member")
    with op.batch_alter_table("venue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venue_parent_id"))

    op.drop_table("venue")
    op.drop_table("setting")
    op.drop_table("member")
    with op.batch_alter_table("achievement", schema=None) as batch_op:
        batch_op.drop_index("ix_achievement_date")

    op.drop_table("achievement")
