"""Where to send someone next: only ever a path on this site, whatever a form, a link or a header says."""

from urllib.parse import urlsplit

from flask import request, url_for
from werkzeug.routing import BuildError


def safe_next(target: str | None) -> str | None:
    """`target` when it is a path on this site ("/..."), else None (no other hosts, no tricks)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def local_referrer() -> str | None:
    """The Referer header as a safe path on this site, else None."""
    referrer, host = request.referrer or "", request.host_url.rstrip("/")
    return safe_next(referrer[len(host):]) if referrer.startswith(host + "/") else None


def url_or(endpoint: str, fallback: str, **values) -> str:
    """url_for(endpoint), or url_for(fallback) while that endpoint does not exist yet."""
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return url_for(fallback)
