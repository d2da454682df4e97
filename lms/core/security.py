"""Security headers on every response, trusting a reverse proxy only when configured, local redirects."""

from urllib.parse import urlsplit

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

# Everything is served by Ponte itself: no CDN, no third-party script, font or analytics.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def local_path(target: str | None) -> str | None:
    """The target if it is a path on this site, else None: never redirect to another host."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    return target if not urlsplit(target).netloc else None


def _add_headers(response):
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
    hops = int(app.config.get("PROXY_FIX_X_FOR", 0))
    if hops:
        # Behind N trusted proxies, take the client's address (rate limits) and scheme from them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
