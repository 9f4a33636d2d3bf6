"""The fetcher against a local HTTP server on 127.0.0.1 (no outside network is ever used)."""

from __future__ import annotations

import csv
import re
import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.sources.fetch import FetchError, fetch_html, fetch_manifest, format_results, read_manifest, user_agent
from analysis.sources.loading import split_front_matter
from analysis.sources.store import Store

from .html_pages import BOILERPLATE_MARKERS, MAIN_PARAGRAPHS, boilerplate_page, russian_page

ROOT = Path(__file__).resolve().parent.parent
HTML = "text/html; charset=utf-8"
#: Fast settings for tests: short deadline, one retry, tiny backoff, 64 KiB cap.
FAST = {"timeout": 0.4, "retries": 1, "backoff": 0.01, "max_bytes": 64 * 1024}


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between 1 KiB chunks of the body
    send_length: bool = True
    fail_first: int = 0  # answer 503 to the first N requests


def page(title: str, paragraphs: tuple[str, ...] = MAIN_PARAGRAPHS) -> bytes:
    return boilerplate_page(title, paragraphs).encode("utf-8")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.0"  # close-delimited bodies: no Content-Length needed

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.server.hits[self.path] += 1
        self.server.agents.append(self.headers.get("User-Agent", ""))
        route = self.server.routes.get(self.path, Route(404, b"<html><body>not found</body></html>"))
        try:
            time.sleep(route.delay)
            if self.server.hits[self.path] <= route.fail_first:
                self.send_response(503)
                self.send_header("Content-Type", HTML)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            for k, v in route.headers.items():
                self.send_header(k, v)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if route.drip:
                for i in range(0, len(route.body), 1024):
                    self.wfile.write(route.body[i : i + 1024])
                    self.wfile.flush()
                    time.sleep(route.drip)
            else:
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def write_manifest(path: Path, urls: list[str], **extra: str) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["url", "outlet", "date", "title", "language", "kind", "event"])
        for u in urls:
            w.writerow([u, extra.get("outlet", "Local Test"), extra.get("date", ""), "Label", "en", "news", "e1"])
    return path


def files(store: Path) -> list[str]:
    return sorted(p.name for p in store.rglob("*") if p.is_file()) if store.exists() else []


# ------------------------------------------------------------------ single pages


def test_boilerplate_page_is_fetched_and_extracted_cleanly(server: Server, tmp_path: Path) -> None:
    server.routes["/news/bridge"] = Route(body=page("Ministers agree on new bridge"))
    manifest = write_manifest(tmp_path / "m.csv", [server.url("/news/bridge")], date="2021-02-22")
    [res] = fetch_manifest(manifest, tmp_path / "s", **FAST)
    assert res.status == "added", res.detail
    text = res.path.read_text(encoding="utf-8")
    fm, body = split_front_matter(text)
    for marker in BOILERPLATE_MARKERS:
        assert marker not in body, marker
    assert body.split("\n\n") == ["Ministers agree on new bridge", *MAIN_PARAGRAPHS[:-1], MAIN_PARAGRAPHS[-1] + "\n"]
    assert fm["url"] == server.url("/news/bridge") and fm["outlet"] == "Local Test" and fm["event"] == "e1"
    assert fm["title"] == "Ministers agree on new bridge"  # the page's own title, not the manifest label
    assert fm["date"] == "2021-02-22" and fm["extractor"] == "trafilatura" and fm["language"] == "en"
    assert server.agents == [user_agent()] and user_agent().startswith("media-analysis/")


def test_redirect_is_followed_and_recorded(server: Server, tmp_path: Path) -> None:
    server.routes["/old"] = Route(301, b"", headers={"Location": "/new"})
    server.routes["/new"] = Route(body=page("Moved story"))
    [res] = fetch_manifest(write_manifest(tmp_path / "m.csv", [server.url("/old")]), tmp_path / "s", **FAST)
    assert res.status == "added", res.detail
    fm, _ = split_front_matter(res.path.read_text(encoding="utf-8"))
    assert fm["url"] == server.url("/old") and fm["final_url"] == server.url("/new")


@pytest.mark.parametrize(
    ("routes", "path", "reason"),
    [
        ({"/gone": Route(404, b"<html>gone</html>")}, "/gone", "HTTP 404"),
        ({"/loop": Route(302, b"", headers={"Location": "/loop"})}, "/loop", "redirect loop"),
        ({"/ftp": Route(302, b"", headers={"Location": "ftp://127.0.0.1/x.html"})}, "/ftp", "non-http(s) address"),
        ({"/pdf": Route(body=b"%PDF-1.4 ...", content_type="application/pdf")}, "/pdf", "not an HTML page"),
        ({"/json": Route(body=b"{}", content_type="application/json")}, "/json", "content type application/json"),
        ({"/untyped": Route(body=page("x"), content_type=None)}, "/untyped", "no content type"),
        ({"/big": Route(body=page("Big") + b" " * 70_000)}, "/big", "page too large"),
        ({"/stream": Route(body=page("Big") + b" " * 70_000, send_length=False)}, "/stream", "over the 65,536-byte"),
    ],
)
def test_bad_responses_fail_with_a_reason_and_write_nothing(
    server: Server, tmp_path: Path, routes: dict[str, Route], path: str, reason: str
) -> None:
    server.routes.update(routes)
    [res] = fetch_manifest(write_manifest(tmp_path / "m.csv", [server.url(path)]), tmp_path / "s", **FAST)
    assert res.status == "failed" and reason in res.detail, res.detail
    assert files(tmp_path / "s") == []
    if reason.startswith(("HTTP 404", "not an HTML", "content type", "no content", "page too")):
        assert server.hits[path] == 1  # permanent failures are not retried


def test_slow_response_times_out_after_retries(server: Server, tmp_path: Path) -> None:
    server.routes["/slow"] = Route(body=page("Slow"), delay=1.5)
    t0 = time.monotonic()
    [res] = fetch_manifest(write_manifest(tmp_path / "m.csv", [server.url("/slow")]), tmp_path / "s", **FAST)
    elapsed = time.monotonic() - t0
    assert res.status == "failed" and "timed out after 0.4 s" in res.detail and "after 2 attempts" in res.detail
    assert server.hits["/slow"] == 2 and elapsed < 1.4
    assert files(tmp_path / "s") == []


def test_slow_drip_body_hits_the_deadline(server: Server) -> None:
    server.routes["/drip"] = Route(body=page("Drip") + b" " * 8000, drip=0.1)
    with pytest.raises(FetchError, match="body still arriving"):
        fetch_html(server.url("/drip"), timeout=0.4, retries=0)


def test_transient_503_is_retried_with_backoff(server: Server, tmp_path: Path) -> None:
    server.routes["/flaky"] = Route(body=page("Flaky but fine"), fail_first=2)
    delays: list[float] = []
    got = fetch_html(server.url("/flaky"), retries=2, backoff=0.05, sleep=delays.append)
    assert b"Flaky but fine" in got.content and server.hits["/flaky"] == 3
    assert delays == [0.05, 0.1]
    server.routes["/down"] = Route(fail_first=99)
    with pytest.raises(FetchError, match=r"HTTP 503 .*gave up after 3 attempts"):
        fetch_html(server.url("/down"), retries=2, backoff=0.0)


def test_only_http_and_https(tmp_path: Path) -> None:
    for url, scheme in (("file:///etc/passwd", "file"), ("ftp://example.org/x", "ftp"), ("example.org/x", "none")):
        with pytest.raises(FetchError, match=f"only http:// and https:// .*scheme: {scheme}"):
            fetch_html(url)


# ------------------------------------------------------------------ manifests


def test_manifest_run_table_and_idempotent_rerun(server: Server, tmp_path: Path) -> None:
    server.routes["/a"] = Route(body=page("Story A"))
    server.routes["/b"] = Route(body=page("Story B", MAIN_PARAGRAPHS[:3]))
    server.routes["/ru"] = Route(body=russian_page().encode("utf-8"))
    server.routes["/a-copy"] = Route(body=page("Story A"))  # same text under another address
    urls = [server.url(p) for p in ("/a", "/missing", "/b", "/a", "/ru", "/a-copy")]
    manifest = write_manifest(tmp_path / "m.csv", [*urls, "file:///etc/passwd"])
    store = tmp_path / "s"
    results = fetch_manifest(manifest, store, **FAST)
    assert [r.status for r in results] == ["added", "failed", "added", "skipped", "added", "skipped", "failed"]
    assert "listed twice (first on row 1)" in results[3].detail
    assert "language ru" in results[4].detail
    assert "same text already stored as" in results[5].detail
    assert "only http:// and https://" in results[6].detail
    table = format_results(results)
    assert table.splitlines()[-1] == "3 added, 2 skipped, 2 failed (of 7 rows)"
    assert files(store) == sorted(["story-a.md", "story-b.md", f"{results[4].path.stem}.md"])
    assert len(results[4].path.stem) == 12  # a Cyrillic title has no ASCII slug: the digest names the file

    hits = sum(server.hits.values())
    again = fetch_manifest(manifest, store, **FAST)
    assert [r.status for r in again][:3] == ["skipped", "failed", "skipped"]
    assert "already in the store" in again[0].detail
    assert sum(server.hits.values()) - hits == 2  # only /missing and /a-copy were requested again


def test_offline_every_row_fails_fast_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's real manifest with name lookup failing, as on a machine without network."""

    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    manifest = tmp_path / "comparables.csv"
    shutil.copy(ROOT / "data" / "comparables.csv", manifest)
    t0 = time.monotonic()
    results = fetch_manifest(manifest, tmp_path / "s", retries=2, backoff=5.0)
    assert time.monotonic() - t0 < 3  # no retries, no backoff sleeps for a failed lookup
    assert len(results) == len(read_manifest(manifest)) == 11
    assert all(r.status == "failed" and r.detail.startswith("cannot resolve host") for r in results)
    assert not (tmp_path / "s").exists()
    assert format_results(results).splitlines()[-1].startswith("note: no host could be reached")


def test_cli_fetch_prints_the_table_and_exit_status(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/a"] = Route(body=page("Story A"))
    manifest = write_manifest(tmp_path / "m.csv", [server.url("/a"), server.url("/nope")])
    code = main(["fetch", str(manifest), "--store", str(tmp_path / "s"), "--timeout", "2", "--retries", "0"])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""  # no progress bar when stderr is not a terminal
    lines = out.splitlines()
    assert lines[0].split() == ["status", "row", "url", "detail"]
    assert lines[1].startswith("added") and "story-a.md" in lines[1]
    assert lines[2].startswith("failed") and "HTTP 404" in lines[2]
    assert lines[-1] == "1 added, 0 skipped, 1 failed (of 2 rows)"
    assert main(["fetch", str(manifest), "--store", str(tmp_path / "s"), "--retries", "0"]) == 1
    assert "already in the store" in capsys.readouterr().out


def test_progress_bar_when_asked(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/a"] = Route(body=page("Story A"))
    fetch_manifest(write_manifest(tmp_path / "m.csv", [server.url("/a")]), tmp_path / "s", progress=True, **FAST)
    assert "fetch: 100%" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,outlet\nA,B\n", "needs a 'url' column"),
        ("url,outlet\n", "no rows"),
        ("", "empty"),
    ],
)
def test_bad_manifests_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    m = tmp_path / "m.csv"
    m.write_text(content, encoding="utf-8")
    assert main(["fetch", str(m), "--store", str(tmp_path / "s")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert main(["fetch", str(tmp_path / "absent.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_committed_manifest_lists_addresses_and_titles_only() -> None:
    rows = read_manifest(ROOT / "data" / "comparables.csv")
    assert len(rows) == 11 and all(r["url"].startswith("https://") for r in rows)
    assert set(rows[0]) == {"url", "outlet", "date", "title", "language", "kind", "event"}


def test_store_index_uses_recorded_urls(tmp_path: Path) -> None:
    st = Store(tmp_path)
    st.add(MAIN_PARAGRAPHS, {"title": "t", "url": "https://example.org/a"})
    assert Store(tmp_path).find_url("https://example.org/a") == tmp_path / "t.md"
    assert Store(tmp_path).find_url("https://example.org/b") is None


def test_cli_add_url_uses_the_fetcher(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/story"] = Route(body=page("Story from the web"))
    store = tmp_path / "s"
    code = main(["add", server.url("/story"), "--store", str(store), "--outlet", "Local", "--kind", "wire"])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith(f"added {store}/story-from-the-web.md"), err
    fm, _ = split_front_matter((store / "story-from-the-web.md").read_text(encoding="utf-8"))
    assert fm["url"] == server.url("/story") and fm["outlet"] == "Local" and fm["kind"] == "wire"
    assert main(["add", server.url("/absent"), "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "HTTP 404" in err and err.count("\n") == 1
    assert files(store) == ["story-from-the-web.md"]


def test_same_title_other_text_gets_a_suffix_and_force_refetches(server: Server, tmp_path: Path) -> None:
    server.routes["/one"] = Route(body=page("Talks in Sochi"))
    server.routes["/two"] = Route(body=page("Talks in Sochi", MAIN_PARAGRAPHS[:2]))
    manifest = write_manifest(tmp_path / "m.csv", [server.url("/one"), server.url("/two")])
    store = tmp_path / "s"
    first = fetch_manifest(manifest, store, **FAST)
    assert [r.status for r in first] == ["added", "added"]
    assert first[0].path.name == "talks-in-sochi.md"
    assert re.fullmatch(r"talks-in-sochi-[0-9a-f]{8}\.md", first[1].path.name)
    # The page at /one changes; --force fetches it again and replaces the file it was stored in.
    server.routes["/one"] = Route(body=page("Talks in Sochi", MAIN_PARAGRAPHS[1:]))
    again = fetch_manifest(manifest, store, force=True, **FAST)
    assert [r.status for r in again] == ["added", "skipped"]  # /two: same text as stored, a duplicate
    assert again[0].detail == f"replaced {first[0].path}"
    assert again[0].path == first[0].path and MAIN_PARAGRAPHS[0] not in first[0].path.read_text(encoding="utf-8")
    assert len(files(store)) == 2


# ------------------------------------------------------------------ hostile servers

#: (sent at once, then dripped one byte at a time)
DRIP_HEADERS = (b"HTTP/1.0 200 OK\r\n", b"Content-Type: text/html\r\nX-Slow: " + b"a" * 10_000)
DRIP_BODY = (b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 200000\r\n\r\n", b"<p>x</p>" * 25_000)


def _drip_server(answer: tuple[bytes, bytes], interval: float, stop: threading.Event) -> int:
    """A server on 127.0.0.1 answering every request with ``answer``: its start at once, the rest one byte every
    ``interval`` seconds."""
    start, payload = answer
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        with listener:
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except TimeoutError:
                    continue
                with conn:
                    conn.recv(65536)
                    conn.sendall(start)
                    for i in range(len(payload)):
                        if stop.is_set():
                            break
                        try:
                            conn.sendall(payload[i : i + 1])
                        except OSError:  # the client gave up
                            break
                        time.sleep(interval)

    threading.Thread(target=serve, daemon=True).start()
    return int(listener.getsockname()[1])


@pytest.mark.parametrize("answer", [DRIP_HEADERS, DRIP_BODY], ids=["headers", "body"])
def test_a_server_dripping_one_byte_at_a_time_is_cut_off_at_the_deadline(answer: tuple[bytes, bytes]) -> None:
    """The deadline was checked only between 64 KiB reads, each of which waited for all 64 KiB."""
    stop = threading.Event()
    port = _drip_server(answer, 0.05, stop)
    outcome: list[BaseException | object] = []

    def fetch() -> None:
        try:
            outcome.append(fetch_html(f"http://127.0.0.1:{port}/drip", timeout=1.0, retries=0))
        except BaseException as exc:  # noqa: BLE001 - recorded for the assertion below
            outcome.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=fetch, daemon=True)
    worker.start()
    worker.join(20)
    stop.set()
    elapsed = time.monotonic() - started
    assert outcome and isinstance(outcome[0], FetchError), "still reading 20 s later"
    assert "timed out after 1 s" in str(outcome[0]) and elapsed < 5


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://user:pass@127.0.0.1/a.html", "addresses with a user name or password are not fetched"),
        ("https://token@example.org/a.html", "addresses with a user name or password are not fetched"),
    ],
)
def test_credentials_in_an_address_are_refused_by_name(url: str, reason: str) -> None:
    """``http://user:pass@127.0.0.1/...`` was reported as 'cannot resolve host'."""
    with pytest.raises(FetchError, match=reason):
        fetch_html(url, retries=0)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "data:text/html,<p>x</p>", "ftp://127.0.0.1/x.html"])
def test_a_redirect_off_http_is_named_not_called_a_loop(server: Server, target: str) -> None:
    server.routes["/away"] = Route(302, b"", headers={"Location": target})
    with pytest.raises(FetchError, match=f"redirected to a non-http\\(s\\) address \\({re.escape(target)}\\)"):
        fetch_html(server.url("/away"), retries=0)
