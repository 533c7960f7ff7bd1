"""SQLAlchemy 2 models. Changing them means a new Alembic migration in store/migrations/versions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(16), default="en")
    content_hash: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(255))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    country: Mapped[str | None] = mapped_column(String(64))  # what the report is mainly about (normalize.posts)

    events: Mapped[list[Event]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                               passive_deletes=True)


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    surname_key: Mapped[str] = mapped_column(String(255), index=True)

    aliases: Mapped[list[PersonAlias]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonAlias(Base):
    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(255), index=True)

    person: Mapped[Person] = relationship(back_populates="aliases")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_type_date", "type", "date"),
        Index("ix_events_person", "person_id"),
        Index("ix_events_post_key_date", "post_key", "date"),
        Index("ix_events_post_key_type_date", "post_key", "type", "date"),
        Index("ix_events_date_order", func.coalesce(text("date"), "9999"), "id"),
        Index("ix_events_date_order_desc", func.coalesce(text("date"), "0000"), "id"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # content hash: reruns are idempotent
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    person_name: Mapped[str | None] = mapped_column(String(255))
    group_description: Mapped[str | None] = mapped_column(Text)
    group_count: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[str | None] = mapped_column(Text)
    org: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)  # ISO at the text's precision
    replaces: Mapped[str | None] = mapped_column(String(255))
    replaced_by: Mapped[str | None] = mapped_column(String(255))
    charge: Mapped[str | None] = mapped_column(String(32))
    agent: Mapped[str | None] = mapped_column(String(255))
    factuality: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer, default=0)  # order within the document
    post_key: Mapped[str | None] = mapped_column(String(255), index=True)  # normalize.posts.post_key(position)

    document: Mapped[Document] = relationship(back_populates="events")
    person: Mapped[Person | None] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(back_populates="event", cascade="all, delete-orphan",
                                                    passive_deletes=True)


class Evidence(Base):
    """Provenance of one fact: the sentence, its character span in the document, and what produced it."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(String(255))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), default="extracted")  # extracted | inferred | reviewed

    event: Mapped[Event] = relationship(back_populates="evidence")


class Holding(Base):
    """ "X, head of Y" in a report: X held Y on `date`. Evidence for tenures beside the events."""

    __tablename__ = "holdings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    person_name: Mapped[str] = mapped_column(String(255))
    position: Mapped[str] = mapped_column(Text)
    post_key: Mapped[str] = mapped_column(String(255), index=True)
    org: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    since: Mapped[bool] = mapped_column(Boolean, default=False)  # the date starts the tenure


class Resolution(Base):
    """Which person a name in a document is, and why (resolve.persons). Rebuilt after every change."""

    __tablename__ = "resolutions"
    __table_args__ = (Index("ix_resolutions_person", "person_id"), Index("ix_resolutions_name", "name"),
                      Index("ix_resolutions_person_name", "person_name"))

    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(40))
    person_name: Mapped[str] = mapped_column(String(255))
    reason: Mapped[str] = mapped_column(Text)


class Override(Base):
    """An analyst's correction to person resolution, by name, so that it survives re-ingestion."""

    __tablename__ = "overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # merge | split
    a: Mapped[str] = mapped_column(String(255))
    b: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MentionSpan(Base):
    """Where the extraction found a person named in a document (character offsets into its text), so
    that the document page highlights the mentions the pipeline saw rather than searching the text again."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
