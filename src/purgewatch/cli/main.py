"""`purgewatch` commands. Each one calls a library function and formats its result."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperGroup

from purgewatch.cli import render
from purgewatch.errors import PurgewatchError

console = Console()
err = Console(stderr=True)


class _Commands(TyperGroup):
    """Every command's expected failures become one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
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


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def open_store(db: str | None):  # type: ignore[no-untyped-def]
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
    from purgewatch.workflow import count_files, sample_corpus_path
    from purgewatch.workflow import ingest as run_ingest

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
                            dask=dask, batch_size=batch_size)
    console.print(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged, "
                  f"{len(report.failed)} failed; {report.events} events extracted")
    if not quiet:
        render.print_summary(console, store.summary())
    if report.failed:
        err.print(f"[red]{len(report.failed)} file(s) failed:[/]", highlight=False)
        for failure in report.failed:
            err.print(f"  error: {failure.path}: {failure.reason}", highlight=False, soft_wrap=True)
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
    from purgewatch.workflow import import_records

    report = import_records(file, open_store(db), texts=texts)
    console.print(f"{len(report.added)} added, {len(report.replaced)} replaced, {len(report.unchanged)} unchanged; "
                  f"{report.events} events imported")
    for failure in report.failed:
        err.print(f"  error: {failure.path}: {failure.reason}", highlight=False, soft_wrap=True)
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
    _emit(records, format)


def _check_types(types: str | None) -> None:
    if not types:
        return
    from purgewatch.ontology import load_ontology
    known = load_ontology().types
    bad = [t for t in (x.strip() for x in types.split(",")) if t not in known]
    if bad:
        fail(f"unknown event type {', '.join(bad)} (known: {', '.join(known)})")


def _emit(records: list[dict], format: str) -> None:  # type: ignore[type-arg]
    if format == "json":
        sys.stdout.write(render.to_json_lines(records))
    elif format == "csv":
        sys.stdout.write(render.to_csv(records))
    elif format == "table":
        console.print(render.events_table(records))
        console.print(f"{len(records)} events")
    else:
        fail(f"unknown format '{format}' (use table, json or csv)")


@app.command()
def person(
    name: Annotated[str, typer.Argument(help="Full name, any spelling, surname, or person id.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """A person's events across documents (every spelling), oldest first, with the evidence for each.

    Example: purgewatch person Shoigu
    """
    from purgewatch.store.repository import EventFilter

    store = open_store(db)
    pid, display = store.find_person(name)
    records = store.events(EventFilter(person_id=pid))
    if format == "table":
        console.print(f"[bold]{display}[/] ({pid})", highlight=False)
        console.print(render.names_table(store.person_names(pid)))
        console.print(render.timeline(records), highlight=False)
    else:
        _emit(records, format)


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
    from purgewatch.analyze.queries import who as ask

    answer = ask(open_store(db), post, user_date(on, "--on") or on)
    if format != "table":
        return _emit_tenures(answer.tenures, format)
    if not answer.tenures:
        fail(f"no known holder of {answer.post} on {on}")
    _print_tenures(answer.tenures, f"{answer.post} on {on}")


@app.command()
def succession(
    post: Annotated[str, typer.Argument(help='A post, e.g. "Minister of Defense".')],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """The chain of holders of a post: dates, how each tenure ended, and the evidence.

    Example: purgewatch succession "Minister of Defense"
    """
    from purgewatch.analyze.queries import post_succession

    answer = post_succession(open_store(db), post)
    if format != "table":
        return _emit_tenures(answer.tenures, format)
    _print_tenures(answer.tenures, f"Succession: {answer.post}")


@app.command()
def career(
    name: Annotated[str, typer.Argument(help="Full name, any spelling, surname, or person id.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """The posts a person held, with dates and how each ended.

    Example: purgewatch career "Sergei Shoigu"
    """
    from purgewatch.analyze.queries import person_career

    _pid, display, tenures = person_career(open_store(db), name)
    if format != "table":
        return _emit_tenures(tenures, format)
    if not tenures:
        fail(f"no posts known for {display}")
    _print_tenures(tenures, f"Career: {display}", show_person=False)


@app.command()
def merge(
    a: Annotated[str, typer.Argument(help="A name (any stored spelling) or person id.")],
    b: Annotated[str, typer.Argument(help="Another name or person id: the same person as A.")],
    db: DbOption = None,
) -> None:
    """Record that two names are one person. Kept in the database; survives re-ingestion.

    Example: purgewatch merge "Yu. Kuznetsov" "Yury Kuznetsov"
    """
    store = open_store(db)
    store.add_override("merge", a, b)
    pid, display = store.find_person(a)
    names = store.person_names(pid)
    console.print(f"merged: {display} ({pid}) now has {len({n['name'] for n in names})} spelling(s) in "
                  f"{len({n['doc'] for n in names})} document(s)", highlight=False)


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
    store = open_store(db)
    pid, display = store.find_person(person)
    names = {n["name"] for n in store.person_names(pid)}
    store.add_override("split", person, name)
    now = sorted({p for (_, n), p in store.people().items() if n in names})
    console.print(f"split {display}: now " + "; ".join(f"{d} ({i})" for i, d in now), highlight=False)


def _print_tenures(tenures: list, title: str, show_person: bool = True) -> None:  # type: ignore[type-arg]
    console.print(render.tenures_table(tenures, title, show_person=show_person))
    console.print(render.tenure_evidence(tenures, show_person=show_person), highlight=False)


def _emit_tenures(tenures: list, format: str) -> None:  # type: ignore[type-arg]
    rows = [t.as_dict() for t in tenures]
    if format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif format == "csv":
        flat = [{k: v for k, v in r.items() if not isinstance(v, list)} | {"conflicts": " | ".join(r["conflicts"])}
                for r in rows]
        sys.stdout.write(render.rows_to_csv(flat))
    else:
        fail(f"unknown format '{format}' (use table, json or csv)")


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
    from purgewatch.workflow import predictions

    store = open_store(db)
    if format in {"jsonl", "json", "csv"}:
        records = predictions(store)
        text = render.to_csv(records) if format == "csv" else render.to_json_lines(records)
        what = f"{len(records)} events"
    elif format == "ftm":
        from purgewatch.analyze.queries import ftm_entities

        lines = [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in ftm_entities(store)]
        text = "".join(line + "\n" for line in lines)
        what = f"{len(lines)} FollowTheMoney entities"
    elif format == "graphml":
        import io

        from purgewatch.analyze.queries import network
        from purgewatch.export.graph import write_graphml

        graph = network(store)
        buf = io.BytesIO()
        write_graphml(graph, buf)
        text = buf.getvalue().decode("utf-8")
        what = f"a network of {graph.number_of_nodes()} people and {graph.number_of_edges()} links"
    else:
        fail(f"unknown export format '{format}' (use jsonl, csv, ftm or graphml)")
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"{output}: cannot write ({exc.strerror})")
        err.print(f"wrote {what} to {output}", highlight=False)


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
    from purgewatch.analyze.queries import waves as find

    found = find(open_store(db), org=org, country=country)
    if format != "table":
        rows = [w.as_dict() for w in found]
        if format == "json":
            sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(render.rows_to_csv([{**r, "by_type": json.dumps(r["by_type"]),
                                                  "top_orgs": json.dumps(r["top_orgs"]),
                                                  "top_people": "; ".join(r["top_people"])} for r in rows]))
        return
    if not found:
        fail("no waves: too few dated removals and arrests" + (f" for {org or country}" if org or country else ""))
    console.print(render.waves_table(found))


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
    from purgewatch.analyze.queries import compare_periods

    columns = compare_periods(open_store(db), period, org=org, country=country)
    if format == "json":
        sys.stdout.write(json.dumps([c.as_dict() for c in columns], indent=2, ensure_ascii=False) + "\n")
    elif format == "table":
        console.print(render.compare_table(columns))
    else:
        fail(f"unknown format '{format}' (use table or json)")


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
    from purgewatch.export.report import build

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
) -> None:
    """Start the web app: overview, events, people, posts, documents, network, search, JSON API at /api.

    Example: purgewatch serve --db sqlite:///purges.db --port 8000
    """
    import uvicorn

    from purgewatch.serve.app import create_app

    web = create_app(db, upload_token=upload_token, model=model)
    err.print(f"purgewatch: http://{host}:{port}/  (API docs: /api/docs; "
              f"{'uploads need the token' if upload_token else 'read-only'})", highlight=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


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
    from purgewatch.evaluate import format_errors, format_report, load_records, score
    from purgewatch.workflow import predictions

    gold_records = load_records(gold)
    pred_records = load_records(pred) if pred else predictions(open_store(db))
    docs = {g["doc"] for g in gold_records}
    pred_records = [p for p in pred_records if p["doc"] in docs]
    report = score(gold_records, pred_records)
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
