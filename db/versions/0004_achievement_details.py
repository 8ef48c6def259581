"""achievement details: projects, talks and awards as a page shows them

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 22:40:00.000000

The achievement grows the fields of the Projects, Talks and Awards sections (a project's period
and role, a challenge's placement, description lines, whether the yearly news announces it) and
its links (labelled links, videos, embedded pages, images) in a table of their own; the kind
"project" joins the kinds. Existing achievements keep every value they had: they are dated to
the month, announced in the news as before, and hold no links beyond their own ``url``.

This revision depends only on the achievement tables, so it can follow any revision that leaves
them alone: when merged after another branch's revision, only ``down_revision`` changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_KINDS = "kind IN ('award', 'talk', 'grant', 'challenge', 'service', 'media', 'other')"
_NEW_KINDS = (
    "kind IN ('award', 'talk', 'grant', 'project', 'challenge', 'service', 'media', 'other')"
)


def upgrade() -> None:
    with op.batch_alter_table("achievement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("year_only", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("end_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("role", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("rank", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("teams", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("in_news", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.drop_constraint(op.f("ck_achievement_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_achievement_kind"), _NEW_KINDS)
        batch_op.create_check_constraint(
            op.f("ck_achievement_end_year"), "end_year IS NULL OR end_year BETWEEN 1900 AND 2100"
        )
        batch_op.create_check_constraint(op.f("ck_achievement_rank"), "rank IS NULL OR rank >= 1")
        batch_op.create_check_constraint(
            op.f("ck_achievement_teams"), "teams IS NULL OR teams >= 1"
        )
    op.create_table(
        "achievement_link",
        sa.Column("achievement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "kind IN ('link', 'video', 'embed', 'image')", name=op.f("ck_achievement_link_kind")
        ),
        sa.CheckConstraint("length(trim(url)) > 0", name=op.f("ck_achievement_link_url_not_blank")),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_achievement_link_achievement_id_achievement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("achievement_id", "position", name=op.f("pk_achievement_link")),
    )


def downgrade() -> None:
    op.drop_table("achievement_link")
    # A project has no kind to go back to: it becomes a grant, the nearest older kind.
    op.execute("UPDATE achievement SET kind = 'grant' WHERE kind = 'project'")
    with op.batch_alter_table("achievement", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_achievement_teams"), type_="check")
        batch_op.drop_constraint(op.f("ck_achievement_rank"), type_="check")
        batch_op.drop_constraint(op.f("ck_achievement_end_year"), type_="check")
        batch_op.drop_constraint(op.f("ck_achievement_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_achievement_kind"), _OLD_KINDS)
        batch_op.drop_column("in_news")
        batch_op.drop_column("teams")
        batch_op.drop_column("rank")
        batch_op.drop_column("description")
        batch_op.drop_column("role")
        batch_op.drop_column("end_year")
        batch_op.drop_column("year_only")
