"""`purgewatch` commands. Each one calls a library function and formats its result."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from purgewatch.cli import render
from purgewatch.cli.output import Format, emit, event_renderers, parse_format, row_renderers
from purgewatch.errors import PurgewatchError

if TYPE_CHECKING:
    from purgewatch.analyze.tenures import Tenure
    from purgewatch.store import Store

console = Console()
err = Console(stderr=True)


class _Commands(TyperGroup):
    """Every command's expected failures become one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PurgewatchError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    name="purgewatch", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, cls=_Commands,
    help="Turn reports about purges into a source-linked database of personnel events.",
)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database URL (default: $PURGEWATCH_DB or sqlite:///purgewatch.db).", show_default=False)]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
OntologyOption = Annotated[Path | None, typer.Option(
    "--ontology", envvar="PURGEWATCH_ONTOLOGY", show_default=False,
    help="Ontology YAML to extract with (default: $PURGEWATCH_ONTOLOGY or the bundled one); its posts.yaml "
         "and backgrounds.yaml are read from beside it when present.")]


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def open_store(db: str | None) -> Store:
    from purgewatch.store import Store
    return Store(db)


def user_date(value: str | None, option: str) -> str | None:
    """Validate a date option; keep the precision given (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None:
        return None
    import re

    from purgewatch.ingest import parse_user_date
    parse_user_date(value)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        fail(f"invalid date for {option}: '{value}' (expected YYYY-MM-DD)")
    return value


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (searched recursively).",
                                                          show_default=False)] = None,
    db: DbOption = None,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for every document (YYYY-MM-DD).")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the bundled sample corpus.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes (one pipeline each).")] = 1,
    dask: Annotated[str | None, typer.Option(
        "--dask", help='Run extraction on a Dask cluster: a scheduler address (tcp://host:8786) or "local".')] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per extraction batch.")] = 16,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the final line.")] = False,
    ontology: OntologyOption = None,
) -> None:
    """Ingest .txt, .md, .html, .pdf and .jsonl documents, extract their events and store them.

    Unchanged documents are skipped, so an interrupted ingest resumes where it stopped.
    Example: purgewatch ingest reports/ --db sqlite:///purges.db --workers 2
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from purgewatch.ingest import parse_user_date
    from purgewatch.service.ingesting import count_files, sample_corpus_path
    from purgewatch.service.ingesting import ingest as run_ingest

    targets = list(paths or [])
    if sample:
        targets.append(sample_corpus_path() / "texts")
    if not targets:
        fail("give at least one file or folder, or --sample")
    pub = parse_user_date(published) if published else None
    store = open_store(db)
    total, has_jsonl = count_files(targets)
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), console=err, disable=quiet, transient=False)
    task = progress.add_task("ingest", total=None if has_jsonl else total, rate="–")
    started = time.monotonic()
    done = 0

    def on_progress(name: str, status: str) -> None:
        nonlocal done
        done += 1
        rate = done / max(time.monotonic() - started, 1e-6)
        progress.update(task, advance=1, rate=f"{rate:.1f}")

    with progress:
        report = run_ingest(targets, store, model=model, published=pub, on_progress=on_progress, workers=workers,
                            dask=dask, batch_size=batch_size, ontology=ontology)
    console.print(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged, "
                  f"{len(report.failed)} failed; {report.events} events extracted")
    if not quiet:
        render.print_summary(console, store.summary())
    for warning in report.warnings:  # file names are printed as they are, never read as Rich markup
        err.print(f"  warning: {warning.path}: {warning.reason}", highlight=False, markup=False, soft_wrap=True)
    if report.failed:
        err.print(f"[red]{len(report.failed)} file(s) failed:[/]", highlight=False)
        for failure in report.failed:
            err.print(f"  error: {failure.path}: {failure.reason}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1)


@app.command(name="import")
def import_(
    file: Annotated[Path, typer.Argument(help="JSONL in the spec's interchange format (e.g. gold annotations).")],
    db: DbOption = None,
    texts: Annotated[Path | None, typer.Option(help="Folder with the documents' texts (default: evidence only).")] = None,
) -> None:
    """Store events from a JSONL file (gold annotations, another tool's output) as if extracted.

    Example: purgewatch import corpus/gold.jsonl --texts corpus/texts --db sqlite:///gold.db
    """
    from purgewatch.service.ingesting import import_file

    report = import_file(file, open_store(db), texts=texts)
    console.print(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged; "
                  f"{report.events} events imported")
    for problem in report.warnings:
        err.print(f"  warning: {problem.path}: {problem.reason}", highlight=False, markup=False, soft_wrap=True)
    for failure in report.failed:
        err.print(f"  error: {failure.path}: {failure.reason}", highlight=False, markup=False, soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type(s), comma-separated.")] = None,
    person: Annotated[str | None, typer.Option(help="Person name or surname.")] = None,
    org: Annotated[str | None, typer.Option(help="Organisation or post (substring).")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY[-MM[-DD]].")] = None,
    doc: Annotated[str | None, typer.Option(help="Document id.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: FormatOption = "table",
) -> None:
    """List events, filtered.

    Example: purgewatch events --type dismissed,arrested --since 2024-01-01 --format csv
    """
    from purgewatch.store.repository import EventFilter

    f = EventFilter(type=type, person=person, org=org, since=user_date(since, "--since"),
                    until=user_date(until, "--until"), doc=doc, limit=limit)
    _check_types(type)
    records = open_store(db).events(f)
    emit(format, event_renderers(records, lambda: _events_table(records)))


def _check_types(types: str | None) -> None:
    if not types:
        return
    from purgewatch.ontology import load_ontology
    known = load_ontology().types
    bad = [t for t in (x.strip() for x in types.split(",")) if t not in known]
    if bad:
        fail(f"unknown event type {', '.join(bad)} (known: {', '.join(known)})")


def _events_table(records: list[dict[str, Any]]) -> None:
    console.print(render.events_table(records))
    console.print(f"{len(records)} events")


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="Full name, any spelling, surname, or person id.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """A person's events across documents (every spelling), oldest first, with the evidence for each.

    Example: purgewatch person Shoigu
    """
    from purgewatch.service.people import person_profile

    p = person_profile(open_store(db), name, tenures=False)

    def table() -> None:
        console.print(f"[bold]{p.name}[/] ({p.id})", highlight=False)
        console.print(render.names_table(p.names))
        console.print(render.timeline(p.events), highlight=False)

    emit(format, event_renderers(p.events, table))


@app.command()
def who(
    post: Annotated[str, typer.Argument(help='A post, e.g. "Minister of Defense" (any common wording).')],
    on: Annotated[str, typer.Option("--on", help="Date (YYYY, YYYY-MM or YYYY-MM-DD).")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """Who held a post on a date, with the evidence.

    Example: purgewatch who "Defence Minister" --on 2024-06-01
    """
    from purgewatch.service.posts import who as ask

    answer = ask(open_store(db), post, user_date(on, "--on") or on)

    def table() -> None:
        if not answer.tenures:
            fail(f"no known holder of {answer.post} on {on}")
        _print_tenures(answer.tenures, f"{answer.post} on {on}")

    _emit_tenures(answer.tenures, format, table)


@app.command()
def succession(
    post: Annotated[str, typer.Argument(help='A post, e.g. "Minister of Defense".')],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """The chain of holders of a post: dates, how each tenure ended, and the evidence.

    Example: purgewatch succession "Minister of Defense"
    """
    from purgewatch.service.posts import post_profile

    answer = post_profile(open_store(db), post)
    _emit_tenures(answer.tenures, format, lambda: _print_tenures(answer.tenures, f"Succession: {answer.post}"))


@app.command()
def career(
    name: Annotated[str, typer.Argument(help="Full name, any spelling, surname, or person id.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """The posts a person held, with dates and how each ended.

    Example: purgewatch career "Sergei Shoigu"
    """
    from purgewatch.service.people import person_profile

    p = person_profile(open_store(db), name, events=False)

    def table() -> None:
        if not p.tenures:
            fail(f"no posts known for {p.name}")
        _print_tenures(p.tenures, f"Career: {p.name}", show_person=False)

    _emit_tenures(p.tenures, format, table)


@app.command()
def merge(
    a: Annotated[str, typer.Argument(help="A name (any stored spelling) or person id.")],
    b: Annotated[str, typer.Argument(help="Another name or person id: the same person as A.")],
    db: DbOption = None,
) -> None:
    """Record that two names are one person. Kept in the database; survives re-ingestion.

    Example: purgewatch merge "Yu. Kuznetsov" "Yury Kuznetsov"
    """
    from purgewatch.service.people import merge_people

    m = merge_people(open_store(db), a, b)
    console.print(f"merged: {m.name} ({m.id}) now has {m.spellings} spelling(s) in {m.documents} document(s)",
                  highlight=False)


@app.command()
def split(
    person: Annotated[str, typer.Argument(help="A name or person id.")],
    name: Annotated[str | None, typer.Option("--name", help="Take only this spelling out (default: every spelling "
                                                             "becomes its own person).")] = None,
    db: DbOption = None,
) -> None:
    """Undo a wrong merge: split a person into its spellings. Kept in the database; survives re-ingestion.

    Example: purgewatch split Popov --name "Pavel Popov"
    """
    from purgewatch.service.people import split_person

    display, now = split_person(open_store(db), person, name)
    console.print(f"split {display}: now " + "; ".join(f"{d} ({i})" for i, d in now), highlight=False)


def _print_tenures(tenures: list[Tenure], title: str, show_person: bool = True) -> None:
    console.print(render.tenures_table(tenures, title, show_person=show_person))
    console.print(render.tenure_evidence(tenures, show_person=show_person), highlight=False)


def _flat_tenure(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if not isinstance(v, list)} | {"conflicts": " | ".join(r["conflicts"])}


def _emit_tenures(tenures: list[Tenure], format: str, table: Any) -> None:
    emit(format, row_renderers([t.as_dict() for t in tenures], table, flat=_flat_tenure))


@app.command()
def export(
    db: DbOption = None,
    format: FormatOption = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
) -> None:
    """Export: events as JSON Lines (the spec's records) or CSV; people, posts and tenures as FollowTheMoney
    entities (ftm); the succession and replacement network as GraphML (graphml).

    Example: purgewatch export --format ftm -o purges.ftm.json
    """
    from purgewatch.service.exporting import export as run_export

    store = open_store(db)
    fmt = parse_format(format, (Format.jsonl, Format.json, Format.csv, Format.ftm, Format.graphml), "export format")
    exported = run_export(store, fmt.value)
    if output is None:
        sys.stdout.write(exported.text)
        return
    try:
        output.write_text(exported.text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
    err.print(f"wrote {exported.what} to {output}", highlight=False)


@app.command()
def waves(
    db: DbOption = None,
    org: Annotated[str | None, typer.Option(help="Only this organisation or post (any part of its name).")] = None,
    country: Annotated[str | None, typer.Option(help="Only documents about this country.")] = None,
    format: FormatOption = "table",
) -> None:
    """Purge waves: months where removals and arrests in a country rise far above its baseline.

    Method: Kleinberg burst detection (two states, Poisson counts per month, burst rate 3x baseline).
    Example: purgewatch waves --country USSR
    """
    from purgewatch.service.analysis import waves as find

    found = find(open_store(db), org=org, country=country)

    def table() -> None:
        if not found:
            fail("no waves: too few dated removals and arrests" + (f" for {org or country}" if org or country else ""))
        console.print(render.waves_table(found))

    def flat(r: dict[str, Any]) -> dict[str, Any]:
        return {**r, "by_type": json.dumps(r["by_type"]), "top_orgs": json.dumps(r["top_orgs"]),
                "top_people": "; ".join(r["top_people"])}

    emit(format, row_renderers([w.as_dict() for w in found], table, flat=flat))


@app.command()
def compare(
    period: Annotated[list[str], typer.Option("--period", help="START:END, e.g. 1937-01-01:1941-06-22 (repeat).")],
    db: DbOption = None,
    org: Annotated[str | None, typer.Option(help="Only this organisation or post.")] = None,
    country: Annotated[str | None, typer.Option(help="Only documents about this country.")] = None,
    format: FormatOption = "table",
) -> None:
    """Periods side by side: removals, arrests, executions, appointments, removed-then-arrested, median
    tenure of the removed, appointees' backgrounds, charges.

    Example: purgewatch compare --period 1937-01-01:1941-06-22 --period 2023-06-01:2025-12-31
    """
    from purgewatch.service.analysis import compare as run_compare

    columns = run_compare(open_store(db), period, org=org, country=country)
    emit(format, row_renderers([c.as_dict() for c in columns], lambda: console.print(render.compare_table(columns))))


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    db: DbOption = None,
    period: Annotated[list[str] | None, typer.Option("--period", help="START:END for the comparison (repeat).")] = None,
    org: Annotated[str | None, typer.Option(help="Only this organisation or post.")] = None,
) -> None:
    """A self-contained HTML report (opens offline): waves, removals by organisation, charges, successions
    of the most purged posts, and the comparison of periods.

    Example: purgewatch report -o report.html --period 1937:1941 --period 2023:2025
    """
    from purgewatch.service.analysis import report as build

    html = build(open_store(db), periods=period or [], org=org)
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
    err.print(f"wrote {output} ({len(html) // 1024} KB)", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    upload_token: Annotated[str | None, typer.Option(
        "--upload-token", envvar="PURGEWATCH_UPLOAD_TOKEN",
        help="Allow uploads from the web page with this token (default: read-only).")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline for uploaded documents.")] = None,
    ontology: OntologyOption = None,
) -> None:
    """Start the web app: overview, events, people, posts, documents, network, search, JSON API at /api.

    Example: purgewatch serve --db sqlite:///purges.db --port 8000
    """
    import os

    import uvicorn

    from purgewatch.nlp.pipeline import MODEL_ENV
    from purgewatch.service.ingesting import use_ontology
    from purgewatch.store import DB_ENV

    open_store(db)  # a bad URL or an unreachable database is a one-line error before the server starts
    use_ontology(ontology)
    # The app is built by its factory from the environment, so the CLI does not import serve (same layer).
    for name, value in ((DB_ENV, db), (MODEL_ENV, model), ("PURGEWATCH_UPLOAD_TOKEN", upload_token)):
        if value:
            os.environ[name] = value
        elif name == "PURGEWATCH_UPLOAD_TOKEN":
            os.environ.pop(name, None)
    err.print(f"purgewatch: http://{host}:{port}/  (API docs: /api/docs; "
              f"{'uploads need the token' if upload_token else 'read-only'})", highlight=False)
    uvicorn.run("purgewatch.serve.app:app_from_env", factory=True, host=host, port=port, log_level="warning")


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL file (format of shared/spec/events.md).")],
    db: DbOption = None,
    pred: Annotated[Path | None, typer.Option("--pred", help="Score this prediction file instead of the database.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list false positives and false negatives.")] = False,
) -> None:
    """Score extracted events against gold annotations with the spec's rules.

    Example: purgewatch eval --gold corpus/gold.jsonl --db sqlite:///purges.db
    """
    from purgewatch.evaluate import format_errors, format_report
    from purgewatch.service.scoring import score_against_gold

    report = score_against_gold(gold, None if pred else open_store(db), pred)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
        return
    console.print(format_report(report), highlight=False, markup=False, soft_wrap=True)
    if errors:
        console.print(format_errors(report), highlight=False, markup=False, soft_wrap=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
