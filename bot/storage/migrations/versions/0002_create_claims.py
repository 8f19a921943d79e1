"""Create claims: when each was taken (its lease and fence), indexed for the reconciler.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: drafts never claimed have none. A claim left by the code before this one
    # (no stamp) falls back to updated_at, its stamp then.
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE drafts SET claimed_at = updated_at WHERE state = 'creating'")
    op.create_index(
        op.f("ix_drafts_state_claimed_at"), "drafts", ["state", "claimed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_drafts_state_claimed_at"), table_name="drafts")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("claimed_at")
