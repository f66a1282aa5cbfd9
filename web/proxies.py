"""The client's address and scheme behind a reverse proxy (README "Deployment": nginx or Caddy in front).

Behind a proxy every request comes from the proxy's address over plain HTTP. Sign-in lockouts count
failures per client address (ledger/services/throttle.py), so without this one guesser would lock out
everyone, and HSTS and Secure cookies would not know the request was HTTPS. With PROXY_HOPS=n the app
trusts the last n X-Forwarded-For/-Proto values, which those proxies set (werkzeug's ProxyFix). The
default 0 trusts none: a client cannot pretend another address by sending the headers itself.
"""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    """Read the client's address and scheme from the trusted proxies' headers (outermost middleware)."""
    hops = int(app.config.get("PROXY_HOPS", 0))
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
