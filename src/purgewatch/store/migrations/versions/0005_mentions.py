"""mentions: the person mention spans the extraction found in each document

Revision ID: 0005_mentions
Revises: 0004_holding_since
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_mentions"
down_revision = "0004_holding_since"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
    )
    op.create_index("ix_mentions_doc_id", "mentions", ["doc_id"])


def downgrade() -> None:
    op.drop_index("ix_mentions_doc_id", table_name="mentions")
    op.drop_table("mentions")
