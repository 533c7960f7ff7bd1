"""holdings.since: "who had led the ministry since 2012" dates the start of a tenure

Revision ID: 0004_holding_since
Revises: 0003_post_date_index
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_holding_since"
down_revision = "0003_post_date_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("holdings") as batch:
        batch.add_column(sa.Column("since", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("holdings") as batch:
        batch.drop_column("since")
