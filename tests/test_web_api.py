"""The REST API on SQLite and PostgreSQL: pages with a cursor and no cap, the jsonl record of
``irwatch events``, CSV of every match, a dyad's series, stats, one event, and 422s."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from irwatch.cli import main
from irwatch.store import EXPORT_COLUMNS, open_store
from irwatch.web import create_app
from webdata import ORDER, fill, filled_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The store of webdata.fill, once per module and database (these tests only read it)."""
    base = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    with filled_database(tmp_path_factory.mktemp("db"), base) as url:
        yield url


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def sqlite_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """One client for the tests whose answer comes before any query (the 422s)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'irwatch.db'}"
    with open_store(url) as store:
        fill(store)
    with TestClient(create_app(url)) as c:
        yield c


def pages(client: TestClient, query: str) -> tuple[list[dict], int]:
    """Every event of ``query``, following the cursors; and how many pages it took."""
    url, events, n = f"/api/v1/events?{query}", [], 0
    while True:
        r = client.get(url)
        assert r.status_code == 200, r.text
        body = r.json()
        events += body["events"]
        n += 1
        if body["next"] is None:
            return events, n
        url = f"/api/v1/events?{query}&cursor={body['next']}"


def test_pages_reach_every_event_with_no_cap(client: TestClient) -> None:
    events, n = pages(client, "limit=2")
    assert [e["event_id"] for e in events] == ORDER
    assert n == 5
    one, _ = pages(client, "limit=1000")
    assert one == events


def test_an_event_is_the_record_irwatch_events_prints(client: TestClient, db: str) -> None:
    printed = CliRunner().invoke(
        main, ["events", "--db", db, "--format", "jsonl", "--limit", "0", "--actor", "IRQ"]
    )
    assert printed.exit_code == 0, printed.output
    expected = [json.loads(line) for line in printed.output.splitlines()]
    events, _ = pages(client, "actor=IRQ&limit=3")
    assert events == expected
    merged = next(e for e in events if e["event_id"] == "d2-1")
    assert [r["doc_id"] for r in merged["reports"]] == ["d2", "d4"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dyad=IRN:IRQ", ["d5-0", "d4-1", "d2-1", "d1-1"]),
        ("dyad=irq,usa:irn", ["d5-0", "d4-1", "d2-0", "d2-1", "d1-0", "d1-1"]),
        ("dyad=USA:*", ["d3-1", "d2-0", "d1-0"]),
        ("actor=GBR", ["d3-0", "d6-0"]),
        ("source=IRNMIL", ["d3-0"]),
        ("target=IRN&quad=3,4", ["d4-1", "d2-0", "d6-0"]),
        ("type=agree,request", ["d2-1", "d1-1"]),
        ("since=2019-03&until=2019-07", ["d3-0", "d3-1", "d4-1", "d2-0", "d2-1"]),
        ("q=gas", ["d2-1"]),  # the second report's evidence is searched too
        ("q=%22British+tanker%22", ["d3-0"]),
    ],
)
def test_filters_of_irwatch_events(client: TestClient, query: str, expected: list) -> None:
    events, _ = pages(client, query + "&limit=2")
    assert [e["event_id"] for e in events] == expected


def test_csv_streams_every_matching_row(client: TestClient) -> None:
    r = client.get("/api/v1/events?dyad=IRN:*&format=csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    events, _ = pages(client, "dyad=IRN:*&limit=1")
    assert [row["event_id"] for row in rows] == [e["event_id"] for e in events]
    assert rows[0]["evidence"] == events[0]["evidence"]


def test_csv_of_more_rows_than_a_query_fetches(client: TestClient, monkeypatch) -> None:
    from irwatch.web import api

    monkeypatch.setattr(api, "CSV_PAGE", 2)  # five queries for nine rows
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/events?format=csv").text)))
    assert [row["event_id"] for row in rows] == ORDER


def test_dyad_series_per_type_and_quad_class(client: TestClient) -> None:
    r = client.get("/api/v1/dyads/IRN/IRQ/series?by=month")
    assert r.status_code == 200
    body = r.json()
    assert body["dyad"] == "IRN:IRQ" and body["by"] == "month"
    cells = {(c["period"], c["source"]): c for c in body["series"]}
    march = cells["2019-03", "IRN"]
    assert (march["events"], march["verbal_coop"], march["types"]) == (1, 1, {"AGREE": 1})
    assert cells["2019-03", "IRQ"]["types"] == {"ACCUSE": 1}
    weekly = client.get("/api/v1/dyads/IRN/IRQ/series?by=week").json()["series"]
    assert weekly[0]["period"] == "2019-W02"


def test_stats_and_one_event_with_its_reports(client: TestClient) -> None:
    stats = client.get("/api/v1/stats").json()
    assert (stats["events"], stats["reports"], stats["documents"]) == (9, 10, 6)
    assert stats["top_dyads"][0] == {"dyad": "IRN:IRQ", "events": 4}
    event = client.get("/api/v1/events/d2-1").json()
    assert event["n_reports"] == 2
    assert [r["url"] for r in event["reports"]] == [
        "https://news.example/d2",
        "https://news.example/d4",
    ]
    missing = client.get("/api/v1/events/nope-0")
    assert missing.status_code == 404
    assert missing.json() == {"error": "[W004] no event 'nope-0'"}


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/v1/events",
        "/api/v1/events/{event_id}",
        "/api/v1/dyads/{a}/{b}/series",
        "/api/v1/stats",
    }
    names = {p["name"] for p in spec["paths"]["/api/v1/events"]["get"]["parameters"]}
    assert {"dyad", "actor", "type", "quad", "since", "until", "q", "limit", "cursor"} <= names


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("/api/v1/events?sort=day", "unknown parameter 'sort'"),
        ("/api/v1/events?limit=0", "limit"),
        ("/api/v1/events?limit=1001", "less than or equal to 1000"),
        ("/api/v1/events?limit=ten", "limit"),
        ("/api/v1/events?quad=5", "quad classes are 1, 2, 3 or 4"),
        ("/api/v1/events?since=2019-13", "not a date"),
        ("/api/v1/events?until=yesterday", "until"),
        ("/api/v1/events?dyad=IRN", "is not A:B"),
        ("/api/v1/events?dyad=IRN:IRQ:USA", "is not A:B"),
        ("/api/v1/events?actor=IRN'--", "is not an actor code"),
        ("/api/v1/events?type=%3Cscript%3E", "is not a PLOVER event type"),
        ("/api/v1/events?cursor=garbage", "not a page cursor"),
        ("/api/v1/events?q=" + "a" * 201, "q"),
        ("/api/v1/events?q=a&q=b", "given more than once"),
        ("/api/v1/events?format=xml", "format"),
        ("/api/v1/dyads/IRN/IRQ/series?by=decade", "by"),
        ("/api/v1/dyads/IRN/IRQ/series?limit=3", "unknown parameter 'limit'"),
        ("/api/v1/stats?top=3", "unknown parameter 'top'"),
    ],
)
def test_bad_parameters_are_a_422_with_a_message(
    sqlite_client: TestClient, query: str, says: str
) -> None:
    r = sqlite_client.get(query)
    assert r.status_code == 422
    body = r.json()
    assert set(body) == {"error"}
    assert says in body["error"]
    assert "\n" not in body["error"] and "Traceback" not in r.text


@pytest.mark.parametrize(
    ("path", "listed"),
    [
        ("/", ORDER),
        ("/dyad/IRN/IRQ?by=week", ["d5-0", "d4-1", "d2-1", "d1-1"]),
        ("/dyad/IRQ,USA/IRN?quad=1,4&since=2019-02", ["d2-0", "d2-1"]),
        ("/search?q=gas", ["d2-1"]),
        ("/actor/GBR?by=year", ["d3-0", "d6-0"]),
        ("/event/d2-1", []),
    ],
)
def test_pages_on_each_database(client: TestClient, path: str, listed: list) -> None:
    import re

    r = client.get(path)
    assert r.status_code == 200
    assert re.findall(r'data-event-id="([^"]+)"', r.text) == listed
