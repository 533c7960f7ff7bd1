"""The JSON API and the server-rendered pages, in-process (FastAPI's TestClient), on the sample corpus."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from purgewatch.serve.app import create_app
from purgewatch.store import Store


@pytest.fixture(scope="module")
def client(sample_db) -> TestClient:
    return TestClient(create_app(sample_db))


def test_summary_counts(client):
    data = client.get("/api/summary").json()
    assert data["documents"] == 10 and data["events"] > 50 and data["persons"] > 20
    assert sum(data["events_by_type"].values()) == data["events"]
    assert len(data["latest"]) == 10


def test_events_filter_sort_and_pages(client):
    page1 = client.get("/api/events", params={"type": "arrested", "per_page": 5}).json()
    assert page1["total"] >= 5 and page1["pages"] == -(-page1["total"] // 5)
    assert {r["type"] for r in page1["rows"]} == {"arrested"}
    page2 = client.get("/api/events", params={"type": "arrested", "per_page": 5, "page": 2}).json()
    assert not {r["id"] for r in page1["rows"]} & {r["id"] for r in page2["rows"]}
    dates = [r["date"] for r in client.get("/api/events", params={"per_page": 500, "desc": True}).json()["rows"]
             if r["date"]]
    assert dates == sorted(dates, reverse=True)
    rows = client.get("/api/events", params={"org": "defense", "since": "2024", "until": "2024-12"}).json()["rows"]
    assert rows and all(r["date"].startswith("2024") for r in rows)
    assert all("defense" in ((r["position"] or "") + (r["org"] or "")).lower() for r in rows)


def test_bad_filters_are_422_with_the_reason(client):
    r = client.get("/api/events", params={"since": "last week"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "since"]
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 422
    assert client.get("/api/events", params={"page": 0}).status_code == 422
    page = client.get("/events", params={"since": "last week"})
    assert page.status_code == 400 and "since" in page.text and "text/html" in page.headers["content-type"]
    assert client.get("/events", params={"since": ""}).status_code == 200  # an empty form field is no filter


def test_downloads_follow_the_filters(client):
    text = client.get("/api/events.csv", params={"type": "executed"}).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {r["type"] for r in rows} == {"executed"}
    lines = client.get("/api/events.jsonl", params={"type": "executed"}).text.splitlines()
    assert len(lines) == len(rows) and all(json.loads(x)["type"] == "executed" for x in lines)
    assert set(json.loads(lines[0])) == {"doc", "type", "person", "group", "position", "org", "date", "replaces",
                                         "replaced_by", "charge", "agent", "factuality", "evidence"}


def test_person_post_document_network_search(client):
    found = client.get("/api/search", params={"q": "Shoigu"}).json()
    pid = found["persons"][0]["id"]
    person = client.get(f"/api/persons/{pid}").json()
    assert person["name"] == "Sergei Shoigu" and person["events"]
    assert any(t["post"] == "Minister of Defense" for t in person["tenures"])
    post = client.get("/api/posts/Defence Minister").json()
    assert [t["person"] for t in post["tenures"]][:2] == ["Sergei Shoigu", "Andrei Belousov"]
    doc = client.get("/api/documents/05_shoigu_belousov").json()
    assert "".join(s["text"] for s in doc["segments"]) == doc["text"]
    assert any(s["events"] for s in doc["segments"]) and any(s["person"] for s in doc["segments"])
    net = client.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    assert client.get("/api/persons/nobody-at-all").status_code == 404
    assert client.get("/api/documents/none").status_code == 404
    assert client.get("/api/posts/Minister of Fisheries").status_code == 404


def test_pages_render_and_carry_security_headers(client):
    for path in ["/", "/events", "/events?type=arrested", "/posts", "/documents", "/network", "/search?q=popov",
                 "/upload", "/documents/05_shoigu_belousov", "/posts/minister%20of%20defense"]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "text/html" in r.headers["content-type"]
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "Not found" in r.text


def test_api_docs_are_served_offline(client):
    html = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/api/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/documents" in spec["paths"]


def test_pages_reference_no_outside_address(client):
    for path in ["/", "/events", "/network", "/documents/05_shoigu_belousov"]:
        html = client.get(path).text
        for marker in ("http://", "https://", "//cdn"):
            assert marker not in html.replace('href="https://', ""), (path, marker)


def test_markup_in_a_document_is_escaped(tmp_path):
    from purgewatch.records import Event, SourceDocument

    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store(url)
    text = "Ivan Orlov was arrested. <script>alert('x')</script> <b>bold</b>"
    store.save(SourceDocument(doc_id="x", text=text, title="<i>title</i>"),
               [Event(type="arrested", person="Ivan Orlov", evidence="Ivan Orlov was arrested.", start=0, end=24)], "t")
    store.resolve_people()
    html = TestClient(create_app(store=store)).get("/documents/x").text
    assert "<script>alert" not in html and "&lt;script&gt;alert(" in html
    assert "<b>bold</b>" not in html and "&lt;i&gt;title&lt;/i&gt;" in html


def test_upload_needs_the_token(tmp_path, sample_db):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    files = {"files": ("report.txt", b"General Oleg Varin was arrested on 3 May 2024.\n", "text/plain")}
    read_only = TestClient(create_app(url))
    r = read_only.post("/api/documents", files=files)
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    assert "read-only" in read_only.get("/upload").text
    app = TestClient(create_app(url, upload_token="s3cret"))
    assert app.post("/api/documents", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = app.post("/api/documents", files=files, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    assert r.json()["added"] == ["report"] and r.json()["events"] == 1
    bad = {"files": ("broken.pdf", b"%PDF-1.4 not really", "application/pdf")}
    r = app.post("/upload", data={"token": "s3cret"}, files=bad)
    assert r.status_code == 200 and "broken.pdf" in r.text and "failed" in r.text
    assert Store(url).events()[0]["person"] == "Oleg Varin"  # what was stored before is still there


def test_network_around_one_person(client):
    pid = client.get("/api/search", params={"q": "Belousov"}).json()["persons"][0]["id"]
    net = client.get("/api/network", params={"person": pid}).json()
    assert pid in {n["id"] for n in net["nodes"]}
    assert all(pid in (e["source"], e["target"]) for e in net["edges"])
    assert any(e["kind"] == "replaced" for e in net["edges"])


def test_upload_refuses_unsupported_types_and_path_tricks(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    app = TestClient(create_app(url, upload_token="s3cret"))
    auth = {"Authorization": "Bearer s3cret"}
    r = app.post("/api/documents", files={"files": ("tool.exe", b"MZ\x90\x00", "application/octet-stream")},
                 headers=auth)
    assert r.status_code == 415 and "unsupported file type .exe" in r.json()["detail"]
    r = app.post("/api/documents", files={"files": ("../../../etc/evil.txt", b"Ivan Orlov was arrested in 2020.\n",
                                                    "text/plain")}, headers=auth)
    assert r.status_code == 200 and r.json()["added"] == ["evil"]
    assert not (tmp_path.parent / "etc").exists()
    assert app.get("/static/../serve/app.py").status_code == 404
    assert app.get("/static/%2e%2e/app.py").status_code == 404


def test_serve_listens_on_localhost_unless_told_otherwise():
    import inspect

    from purgewatch.cli.main import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve).parameters["upload_token"].default is None  # read-only by default
