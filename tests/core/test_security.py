"""Security headers, and the reverse-proxy setting that rate limits depend on."""

from flask import request

from lms import create_app


def test_security_headers_on_every_page(client, db):
    for url in ("/", "/login", "/no/such/page"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"


def test_forwarded_for_is_ignored_unless_a_proxy_is_configured(database_url):
    seen = []
    for hops in (0, 1):
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "x", "PROXY_FIX_X_FOR": hops}
        )
        app.add_url_rule("/ip", "ip", lambda: request.remote_addr)
        response = app.test_client().get("/ip", headers={"X-Forwarded-For": "203.0.113.9"})
        seen.append(response.get_data(as_text=True))
    assert seen == ["127.0.0.1", "203.0.113.9"]
