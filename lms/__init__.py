"""Ponte: a learning platform for migrant associations."""

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from lms.config import Config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: defaults, then instance/config.py, then LMS_* variables (or a mapping)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(Config)
    if config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("LMS")
    else:
        app.config.from_mapping(config)
    _configure_database(app)
    _configure_secret_key(app)
    app.config.setdefault("TOOLKITS_DIR", os.path.join(app.instance_path, "toolkits"))
    register_extensions(app)
    register_blueprints(app)
    register_core(app)
    register_commands(app)
    return app


def _configure_database(app: Flask) -> None:
    url = app.config.get("SQLALCHEMY_DATABASE_URI") or app.config.get("DATABASE_URL")
    if not url:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        url = "sqlite:///" + os.path.join(app.instance_path, "ponte.sqlite3")
    if url.startswith(("postgres://", "postgresql://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    app.config["SQLALCHEMY_DATABASE_URI"] = url


def _configure_secret_key(app: Flask) -> None:
    """Use the configured key, or one generated once and kept in instance/ (never in the repo)."""
    if app.config.get("SECRET_KEY"):
        return
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    app.config["SECRET_KEY"] = key_file.read_text().strip()


def register_extensions(app: Flask) -> None:
    from lms.core import i18n
    from lms.extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = i18n._l("Please sign in to open this page.")
    login_manager.login_message_category = "info"
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    limiter.init_app(app)


def register_blueprints(app: Flask) -> None:
    from lms.associations.views import bp as associations_bp
    from lms.auth.views import bp as auth_bp
    from lms.authoring.views import bp as authoring_bp
    from lms.badges.views import bp as badges_bp
    from lms.catalog.views import bp as catalog_bp
    from lms.cohorts.views import bp as cohorts_bp
    from lms.learning.views import bp as learning_bp
    from lms.notifications.views import bp as notifications_bp
    from lms.quizzes.views import bp as quizzes_bp
    from lms.toolkits.views import bp as toolkits_bp

    for bp in (
        auth_bp,
        catalog_bp,
        learning_bp,
        quizzes_bp,
        toolkits_bp,
        badges_bp,
        authoring_bp,
        cohorts_bp,
        associations_bp,
        notifications_bp,
    ):
        app.register_blueprint(bp)


def register_core(app: Flask) -> None:
    from lms.core import cli, errors, health, i18n, security, templating

    security.init_app(app)
    health.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    cli.init_app(app)


def register_commands(app: Flask) -> None:
    from lms.auth import cli as auth_cli
    from lms.badges import cli as badges_cli
    from lms.catalog import cli as catalog_cli
    from lms.cohorts import cli as cohorts_cli
    from lms.core.cli import lms_cli
    from lms.notifications import cli as notifications_cli
    from lms.toolkits import cli as toolkits_cli

    for command in (
        auth_cli.create_user,
        auth_cli.create_demo_users,
        catalog_cli.check_courses,
        catalog_cli.import_courses,
        catalog_cli.translation_status,
        catalog_cli.stamp_translations,
        toolkits_cli.build_toolkits,
        badges_cli.award_badge,
        badges_cli.revoke_badge,
        badges_cli.rotate_badge_key,
        cohorts_cli.seed_demo,
        notifications_cli.send_mail,
    ):
        lms_cli.add_command(command)
