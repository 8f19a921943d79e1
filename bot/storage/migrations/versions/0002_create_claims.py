"""An index for the reconciler's stale-claim query: drafts by state, oldest change first.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_drafts_state_updated_at"), "drafts", ["state", "updated_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_drafts_state_updated_at"), table_name="drafts")
