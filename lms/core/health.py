"""/healthz: the application answers and its database is reachable."""

from flask import Flask, jsonify
from sqlalchemy import text

from lms.extensions import db, limiter


def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")


def init_app(app: Flask) -> None:
    app.add_url_rule("/healthz", "healthz", limiter.exempt(healthz))
