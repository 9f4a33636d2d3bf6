"""Download web pages for the article store, carefully, with the standard library only.

This is the only module that touches the network, and only when a user runs
``media-analysis fetch MANIFEST.csv`` or ``media-analysis add URL``. Rules:

* only ``http://`` and ``https://`` addresses without a user name or password,
  also after redirects (at most :data:`MAX_REDIRECTS`);
* a deadline per attempt (:data:`DEFAULT_TIMEOUT` seconds for connecting, the TLS
  handshake, the headers *and* the whole body): every socket operation may take only
  what is left of it (:class:`Deadline`), so a server sending one byte every few
  seconds is cut off on time too;
* a size cap (:data:`MAX_PAGE_BYTES`), checked against ``Content-Length`` and while reading;
* HTML content types only (``text/html``, ``application/xhtml+xml``);
* :data:`DEFAULT_RETRIES` retries with exponential backoff (1 s, 2 s) for transient
  failures only: timeouts, dropped connections, HTTP 429 and 5xx. A failed name
  lookup, a refused connection, a 4xx answer or a wrong content type fails at
  once, so an offline run fails fast for every row;
* an honest ``User-Agent``: ``media-analysis/<version> (...)``.

Reading manifests and adding what is downloaded to the store is :mod:`analysis.sources.fetch`'s;
this module knows nothing of the store.
"""

from __future__ import annotations

import errno
import functools
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from analysis.errors import InputError

#: Seconds allowed per attempt (connect + headers + body).
DEFAULT_TIMEOUT = 20.0
#: Retries after the first attempt, for transient failures only.
DEFAULT_RETRIES = 2
#: First backoff delay in seconds; doubled for each further retry.
DEFAULT_BACKOFF = 1.0
#: Largest page accepted, in bytes (10 MiB; news pages are typically 0.1-2 MiB).
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
TRANSIENT_HTTP = frozenset({408, 425, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024


class FetchError(InputError):
    """A page could not be fetched; ``reason`` is the short cause, ``transient`` whether a retry may help."""

    def __init__(self, url: str, reason: str, transient: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class Page:
    """A downloaded HTML page; ``url`` is the address after redirects."""

    url: str
    content: bytes
    content_type: str
    charset: str | None

    def text_or_bytes(self) -> str | bytes:
        """Text decoded with the declared charset, or the raw bytes for trafilatura to sniff."""
        if self.charset:
            try:
                return self.content.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return self.content


def user_agent() -> str:
    """``media-analysis/<version> (...)``: says who is asking and why, nothing private."""
    from analysis import __version__

    return f"media-analysis/{__version__} (offline news-text analysis; one request per listed article; Python-urllib)"


def check_url(url: str) -> None:
    """Raise :class:`FetchError` unless ``url`` is an absolute http(s) address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "none"
        raise FetchError(url, f"only http:// and https:// addresses are fetched (scheme: {shown})")
    if not parts.hostname:
        raise FetchError(url, "address has no host name")
    if parts.username is not None or parts.password is not None:
        raise FetchError(url, "addresses with a user name or password are not fetched (the store would keep them)")


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        """Refuse a redirect to a non-http(s) address before urllib does (it called that a redirect loop)."""
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location)
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise FetchError(req.full_url, f"redirected to a non-http(s) address ({target})")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(req.full_url, f"redirected to a non-http(s) address ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Deadline:
    """The end of one attempt; each socket operation is given what is left of it, in seconds.

    A per-operation timeout alone never fires while a server sends one byte every
    few seconds, and ``read(65536)`` waits for all 64 KiB: the attempt's deadline
    is what ends it. :meth:`left` raises :class:`TimeoutError` once it has passed.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.end = clock() + seconds

    def left(self) -> float:
        left = self.end - self.clock()
        if left <= 0:
            raise TimeoutError("timed out")
        return left


class _DeadlineSocket(socket.socket):
    """A TCP socket whose every send and receive is limited to what is left of ``deadline``."""

    deadline: Deadline

    @classmethod
    def adopt(cls, sock: socket.socket, deadline: Deadline) -> _DeadlineSocket:
        new = cls(sock.family, sock.type, sock.proto, fileno=sock.detach())
        new.deadline = deadline
        return new

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self.settimeout(self.deadline.left())
        return super().recv(bufsize, flags)

    def recv_into(self, buffer, nbytes: int = 0, flags: int = 0) -> int:  # type: ignore[no-untyped-def, override]
        self.settimeout(self.deadline.left())
        return super().recv_into(buffer, nbytes, flags)

    def sendall(self, data, flags: int = 0) -> None:  # type: ignore[no-untyped-def, override]
        self.settimeout(self.deadline.left())
        super().sendall(data, flags)


class _DeadlineSSLSocket(ssl.SSLSocket):
    """:class:`_DeadlineSocket` for TLS: the handshake, reads and writes are limited to ``deadline``."""

    deadline: Deadline | None = None

    def _limit(self) -> None:
        if self.deadline is not None:
            self.settimeout(self.deadline.left())

    def do_handshake(self, block: bool = False) -> None:  # type: ignore[override]
        self._limit()
        super().do_handshake(block)

    def read(self, len: int = 1024, buffer=None):  # type: ignore[no-untyped-def]  # noqa: A002 - base signature
        self._limit()
        return super().read(len, buffer)

    def recv(self, buflen: int = 1024, flags: int = 0) -> bytes:
        self._limit()
        return super().recv(buflen, flags)

    def recv_into(self, buffer, nbytes=None, flags: int = 0):  # type: ignore[no-untyped-def]
        self._limit()
        return super().recv_into(buffer, nbytes, flags)

    def sendall(self, data, flags: int = 0):  # type: ignore[no-untyped-def]
        self._limit()
        return super().sendall(data, flags)


class _HTTPConnection(http.client.HTTPConnection):
    """An HTTP connection whose socket keeps the attempt's :class:`Deadline` (connecting included)."""

    def __init__(self, host: str, *, deadline: Deadline, **kwargs: object) -> None:
        super().__init__(host, **kwargs)  # type: ignore[arg-type]
        self._deadline = deadline

        def create_connection(address, timeout=None, source_address=None):  # type: ignore[no-untyped-def]
            sock = socket.create_connection(address, deadline.left(), source_address)
            return _DeadlineSocket.adopt(sock, deadline)

        self._create_connection = create_connection


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The TLS version: the handshake, then every read and write, within the deadline."""

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)
        host = self._tunnel_host or self.host  # type: ignore[attr-defined]
        sock = self._context.wrap_socket(  # type: ignore[attr-defined]
            self.sock, server_hostname=host, do_handshake_on_connect=False
        )
        sock.deadline = self._deadline
        sock.do_handshake()
        self.sock = sock


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(functools.partial(_HTTPConnection, deadline=self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        context = ssl.create_default_context()
        context.sslsocket_class = _DeadlineSSLSocket  # this attempt's own context: nothing shared is changed
        super().__init__(context=context)
        self.deadline = deadline

    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(functools.partial(_HTTPSConnection, deadline=self.deadline), req, context=self._context)


def _opener(deadline: Deadline) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_RedirectHandler, _HTTPHandler(deadline), _HTTPSHandler(deadline))


def _attempt(url: str, timeout: float, max_bytes: int) -> Page:
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": user_agent(),
            "Accept": "text/html,application/xhtml+xml;q=0.9",
            "Accept-Language": "en;q=1.0, *;q=0.5",
        },
    )
    deadline = Deadline(timeout)
    try:
        with _opener(deadline).open(request, timeout=timeout) as resp:
            raw_type = resp.headers.get("Content-Type")
            if not raw_type:
                raise FetchError(url, "server sent no content type; only HTML pages are stored")
            ctype = resp.headers.get_content_type()
            if ctype not in HTML_CONTENT_TYPES:
                raise FetchError(url, f"not an HTML page (content type {ctype})")
            length = resp.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise FetchError(url, f"page too large ({int(length):,} bytes; limit {max_bytes:,})")
            chunks, total = [], 0
            while True:
                try:
                    deadline.left()
                    chunk = resp.read(_CHUNK)
                except TimeoutError:
                    raise FetchError(
                        url, f"timed out after {timeout:g} s (body still arriving)", transient=True
                    ) from None
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise FetchError(url, f"page too large (over the {max_bytes:,}-byte limit)")
                chunks.append(chunk)
            return Page(resp.geturl(), b"".join(chunks), ctype, resp.headers.get_content_charset())
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            raise FetchError(url, f"too many redirects or a redirect loop (HTTP {exc.code})") from None
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}", transient=exc.code in TRANSIENT_HTTP) from None
    except urllib.error.URLError as exc:
        raise _from_os_error(url, exc.reason, timeout) from None
    except (http.client.HTTPException, OSError) as exc:
        raise _from_os_error(url, exc, timeout) from None


def _from_os_error(url: str, reason: object, timeout: float) -> FetchError:
    host = urlsplit(url).hostname or "?"
    if isinstance(reason, socket.gaierror):
        return FetchError(url, f"cannot resolve host {host} (offline, or no such host)")
    if isinstance(reason, TimeoutError):
        return FetchError(url, f"timed out after {timeout:g} s", transient=True)
    if isinstance(reason, ConnectionRefusedError):
        return FetchError(url, f"connection refused by {host}")
    if isinstance(reason, ssl.SSLError):
        return FetchError(url, f"TLS error ({getattr(reason, 'reason', None) or reason})")
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL):
        return FetchError(url, "network unreachable (offline?)")
    if isinstance(reason, (ConnectionError, http.client.HTTPException)):
        return FetchError(url, f"connection dropped ({type(reason).__name__})", transient=True)
    return FetchError(url, f"network error ({reason})", transient=isinstance(reason, OSError))


def fetch_html(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_PAGE_BYTES,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
) -> Page:
    """Download one HTML page; raise :class:`FetchError` (a one-line :class:`InputError`) on failure.

    ``timeout`` is in seconds per attempt; ``retries`` extra attempts follow
    transient failures after ``backoff``, ``2 * backoff``, ... seconds.
    """
    url = url.strip()
    check_url(url)
    attempt = 0
    while True:
        try:
            return _attempt(url, timeout, max_bytes)
        except FetchError as exc:
            if not exc.transient or attempt >= retries:
                if attempt:
                    raise FetchError(url, f"{exc.reason} (gave up after {attempt + 1} attempts)") from None
                raise
            sleep(backoff * 2**attempt)
            attempt += 1
