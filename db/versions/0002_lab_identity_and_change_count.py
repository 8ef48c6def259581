"""the lab's identity and change counter

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 16:30:00.000000
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "lab_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lab_id", sa.String(length=36), nullable=False),
        sa.Column("change_count", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_lab_state_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_state")),
    )
    # The identity is made once, here, for a new lab and for one made before this revision
    # alike; backups and restores carry it along from then on.
    op.bulk_insert(table, [{"id": 1, "lab_id": str(uuid.uuid4()), "change_count": 0}])


def downgrade() -> None:
    op.drop_table("lab_state")
