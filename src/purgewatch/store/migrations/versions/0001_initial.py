"""initial schema: documents, persons, aliases, events, evidence

Revision ID: 0001_initial
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("path", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("extractor", sa.String(255), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("surname_key", sa.String(255), nullable=False),
    )
    op.create_index("ix_persons_surname_key", "persons", ["surname_key"])
    op.create_table(
        "person_aliases",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("persons.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.String(255), nullable=False),
        sa.UniqueConstraint("person_id", "alias"),
    )
    op.create_index("ix_person_aliases_person_id", "person_aliases", ["person_id"])
    op.create_index("ix_person_aliases_alias", "person_aliases", ["alias"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("persons.id")),
        sa.Column("person_name", sa.String(255)),
        sa.Column("group_description", sa.Text()),
        sa.Column("group_count", sa.Integer()),
        sa.Column("position", sa.Text()),
        sa.Column("org", sa.Text()),
        sa.Column("date", sa.String(10)),
        sa.Column("replaces", sa.String(255)),
        sa.Column("replaced_by", sa.String(255)),
        sa.Column("charge", sa.String(32)),
        sa.Column("agent", sa.String(255)),
        sa.Column("factuality", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
    )
    op.create_index("ix_events_doc_id", "events", ["doc_id"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_index("ix_events_person", "events", ["person_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("extractor", sa.String(255), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])


def downgrade() -> None:
    for table in ("evidence", "events", "person_aliases", "persons", "documents"):
        op.drop_table(table)
