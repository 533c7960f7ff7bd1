"""people and posts: document country, event post keys, holdings, person resolutions, analyst overrides

Revision ID: 0002_people_posts
Revises: 0001_initial
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_people_posts"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("country", sa.String(64)))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("post_key", sa.String(255)))
    op.create_index("ix_events_post_key", "events", ["post_key"])
    op.create_table(
        "holdings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("person_name", sa.String(255), nullable=False),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("post_key", sa.String(255), nullable=False),
        sa.Column("org", sa.Text()),
        sa.Column("date", sa.String(10)),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
    )
    op.create_index("ix_holdings_doc_id", "holdings", ["doc_id"])
    op.create_index("ix_holdings_post_key", "holdings", ["post_key"])
    op.create_table(
        "resolutions",
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("person_id", sa.String(40), nullable=False),
        sa.Column("person_name", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_resolutions_person", "resolutions", ["person_id"])
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("a", sa.String(255), nullable=False),
        sa.Column("b", sa.String(255)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("overrides")
    op.drop_table("resolutions")
    op.drop_table("holdings")
    op.drop_index("ix_events_post_key", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("post_key")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("country")
