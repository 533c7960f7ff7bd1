"""Scoring of extracted events against gold files, as shared/spec/events.md ("Scoring") defines it."""

from purgewatch.evaluate.io import load_records
from purgewatch.evaluate.report import format_errors, format_report
from purgewatch.evaluate.scoring import (
    ARGUMENTS,
    ArgumentCounts,
    ArgumentScore,
    Counts,
    EvalReport,
    EventScore,
    Pair,
    compare_arguments,
    content_tokens,
    dates_match,
    end_of_tenure,
    event_types,
    pair_outcome,
    positions_match,
    relaxed_type,
    relaxed_types,
    score,
    tokens_match,
)
from purgewatch.normalize.names import fold, surname_key, surnames_match

__all__ = [
    "ARGUMENTS",
    "ArgumentCounts", "ArgumentScore", "Counts", "EvalReport", "EventScore", "Pair",
    "compare_arguments", "content_tokens", "dates_match", "end_of_tenure", "event_types", "fold", "format_errors", "format_report",
    "load_records", "pair_outcome", "positions_match", "relaxed_type", "relaxed_types", "score", "surname_key",
    "surnames_match", "tokens_match",
]
