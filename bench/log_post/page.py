"""What a tablet downloads on a first load of the log screen: the page and all it pulls in, as served."""

import gzip
import json
import re
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin
from urllib.request import OpenerDirector, Request

HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept": "text/html,*/*"}
_ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"]+)"')
_CSS_URL = re.compile(r"url\(['\"]?([^'\")]+)['\"]?\)")


@dataclass(frozen=True)
class Weight:
    """Bytes on the wire (headers + body as sent) per URL, and how long fetching them one by one took."""

    items: list[tuple[str, int, str]]  # (path, bytes, content-encoding)
    seconds: float

    @property
    def total(self) -> int:
        return sum(size for _path, size, _enc in self.items)


def _fetch(client: OpenerDirector, url: str) -> tuple[bytes, int, str]:
    with client.open(Request(url, headers=HEADERS), timeout=30) as response:  # noqa: S310 - http://127.0.0.1
        raw = response.read()
        head = len(f"HTTP/1.1 {response.status} {response.reason}\r\n") + len(str(response.headers))
        encoding = response.headers.get("Content-Encoding", "")
    return _decoded(raw, encoding), head + len(raw), encoding


def _decoded(raw: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(raw)
    if encoding == "deflate":
        return zlib.decompress(raw)
    if encoding:
        raise RuntimeError(f"cannot read a {encoding} body")
    return raw


def _references(url: str, body: bytes, kind: str) -> list[str]:
    text = body.decode("utf-8", "replace")
    if kind == "html":
        found = _ASSET.findall(text)
    elif kind == "css":
        found = [u for u in _CSS_URL.findall(text) if not u.startswith("data:")]
    else:  # the web app manifest: its icons
        found = [icon["src"] for icon in json.loads(text).get("icons", [])]
    return [urljoin(url, u.replace("&amp;", "&")) for u in found]


def first_load(client: OpenerDirector, page_url: str) -> Weight:
    """Fetch the page, then its stylesheets, scripts, icons and manifest (and what those name), once each."""
    start, seen, items = time.perf_counter(), set(), []
    queue = [(page_url, "html")]
    while queue:
        url, kind = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        body, size, encoding = _fetch(client, url)
        items.append(("/" + url.split("://", 1)[-1].split("/", 1)[-1], size, encoding or "none"))
        for ref in _references(url, body, kind) if kind in ("html", "css", "manifest") else []:
            queue.append((ref, _kind(ref)))
    return Weight(items=items, seconds=time.perf_counter() - start)


def _kind(url: str) -> str:
    path = url.split("?", 1)[0]
    if path.endswith(".css"):
        return "css"
    if path.endswith(".webmanifest"):
        return "manifest"
    return "other"
