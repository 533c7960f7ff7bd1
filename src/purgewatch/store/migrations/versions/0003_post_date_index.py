"""events indexes: (post_key, date) and (post_key, type, date) for a post's holders in date order
(successions, who-held-when, the holder before and after); coalesce(date, '9999'|'0000') with id for the events pages sorted by date (ascending or
descending), undated last either way; resolutions by name and by display name (finding a person)

Revision ID: 0003_post_date_index
Revises: 0002_people_posts
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_post_date_index"
down_revision = "0002_people_posts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_post_key_date", "events", ["post_key", "date"])
    op.create_index("ix_events_post_key_type_date", "events", ["post_key", "type", "date"])
    op.create_index("ix_events_date_order", "events", [sa.text("coalesce(date, '9999')"), "id"])
    op.create_index("ix_events_date_order_desc", "events", [sa.text("coalesce(date, '0000')"), "id"])
    op.create_index("ix_resolutions_name", "resolutions", ["name"])
    op.create_index("ix_resolutions_person_name", "resolutions", ["person_name"])


def downgrade() -> None:
    op.drop_index("ix_resolutions_person_name", "resolutions")
    op.drop_index("ix_resolutions_name", "resolutions")
    op.drop_index("ix_events_date_order_desc", "events")
    op.drop_index("ix_events_date_order", "events")
    op.drop_index("ix_events_post_key_type_date", "events")
    op.drop_index("ix_events_post_key_date", "events")
