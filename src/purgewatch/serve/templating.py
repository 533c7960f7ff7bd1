"""The Jinja templates and the one way views render a page with them."""

from __future__ import annotations

from importlib import resources
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from purgewatch import __version__
from purgewatch.ontology import Ontology

HERE = resources.files("purgewatch.serve")


def make_templates(ontology: Ontology) -> Jinja2Templates:
    """Templates whose event types, factuality values, colours and labels come from the ontology."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, quote=quote, colour=ontology.colour, label=ontology.label,
                                 types=list(ontology.type_names), factualities=list(ontology.factuality_values),
                                 pages_around=pages_around)
    templates.env.filters["q"] = lambda s: quote(str(s), safe="")
    return templates


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render template `name` for this app (its templates and upload setting are in `app.state`)."""
    state = request.app.state
    context.setdefault("q", "")
    return state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request, name, {"read_only": not state.upload_token, **context}, status_code=status)


def type_order(ontology: Ontology, types: set[str]) -> list[str]:
    """Event types in the ontology's order (unknown ones last), for legends."""
    order = list(ontology.type_names)
    return sorted(types, key=lambda t: (order.index(t) if t in order else len(order), t))


def pages_around(page: int, pages: int) -> list[int]:
    """Page numbers to link: the first, the last, and two either side of the current one."""
    keep = {1, pages} | set(range(max(1, page - 2), min(pages, page + 2) + 1))
    return sorted(p for p in keep if 1 <= p <= pages)
