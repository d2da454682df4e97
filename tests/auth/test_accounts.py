"""Accounts: registration without email, login, logout, CSRF, rate limits, cookies, CLI."""

import pytest
from sqlalchemy import func, select

from lms.auth import services
from lms.auth.models import User
from lms.extensions import limiter
from tests import factories
from tests.conftest import csrf_from

GOOD = {"username": "Fatou", "email": "", "password": "Pw-segreta-42", "confirm": "Pw-segreta-42"}


def test_register_without_email_and_land_signed_in(client, forms, db):
    response = forms.post("/register", GOOD)
    assert response.status_code == 302
    user = services.get_by_username("fatou")
    assert user.email is None and user.role == "learner"
    assert user.password_hash != GOOD["password"] and user.check_password(GOOD["password"])
    assert client.get("/me/").status_code == 200


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"username": "ab"}, "3"),
        ({"username": "due parole"}, "."),
        ({"password": "corta", "confirm": "corta"}, "8"),
        ({"confirm": "diversa!!"}, "password"),
        ({"email": "not-an-email"}, "email"),
    ],
)
def test_register_errors_keep_what_was_typed(forms, db, change, message):
    data = {**GOOD, "email": "fatou@example.org", **change}
    response = forms.post("/register", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'class="errors"' in html and message in html
    assert f'value="{data["username"]}"' in html
    assert f'value="{data["email"]}"' in html
    assert data["password"] not in html  # passwords are never echoed back
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_username_is_unique_ignoring_case(forms, db):
    factories.make_user("fatou")
    db.session.commit()
    html = forms.post("/register", GOOD).get_data(as_text=True)
    assert "fatou" in html.lower() and 'class="errors"' in html
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_login_and_logout(client, forms, db):
    factories.make_user("amina")
    db.session.commit()
    bad = forms.post("/login", {"username": "amina", "password": "wrong password"})
    assert bad.status_code == 200 and 'value="amina"' in bad.get_data(as_text=True)
    good = forms.post("/login", {"username": "AMINA", "password": factories.PASSWORD})
    assert good.status_code == 302 and good.headers["Location"] == "/me/"
    assert forms.post("/logout", page="/me/").status_code == 302
    assert client.get("/me/").status_code == 302


def test_login_follows_only_local_next(forms, db):
    factories.make_user("amina")
    db.session.commit()
    data = {"username": "amina", "password": factories.PASSWORD}
    evil = forms.post("/login?next=https://evil.example/", data)
    assert evil.headers["Location"] == "/me/"


def test_forms_without_csrf_token_are_refused(client, db):
    factories.make_user("amina")
    db.session.commit()
    response = client.post("/login", data={"username": "amina", "password": factories.PASSWORD})
    assert response.status_code == 400
    assert client.get("/me/").status_code == 302  # not signed in


def test_logout_without_csrf_is_refused(client, login_as):
    login_as()
    assert client.post("/logout").status_code == 400
    assert client.get("/me/").status_code == 200


def test_login_is_rate_limited(app, client, forms, db):
    app.config["RATELIMIT_ENABLED"] = True
    limiter.init_app(app)
    limiter.reset()
    factories.make_user("amina")
    db.session.commit()
    codes = [forms.post("/login", {"username": "amina", "password": "wrong"}).status_code for _ in range(12)]
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429, 429]
    limited = forms.post("/login", {"username": "amina", "password": factories.PASSWORD})
    assert limited.status_code == 429
    assert "<h1>" in limited.get_data(as_text=True)


def test_session_cookie_flags(app, client, db):
    app.config.update(SESSION_COOKIE_SECURE=True)
    factories.make_user("amina")
    db.session.commit()
    https = {"base_url": "https://localhost", "headers": {"Referer": "https://localhost/login"}}
    token = csrf_from(client.get("/login", **https).get_data(as_text=True))
    response = client.post(
        "/login", data={"username": "amina", "password": factories.PASSWORD, "csrf_token": token}, **https
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secure_cookies_are_the_default():
    from lms.config import Config

    assert Config.SESSION_COOKIE_SECURE and Config.REMEMBER_COOKIE_SECURE


def test_create_user_cli_reads_password_from_stdin(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "lms",
            "create-user",
            "Trainer1",
            "--role",
            "trainer",
            "--email",
            "t@example.org",
            "--password-stdin",
        ],
        input="segreta lunga\n",
    )
    assert result.exit_code == 0, result.output
    user = services.get_by_username("trainer1")
    assert user.role == "trainer" and user.email == "t@example.org"
    assert user.check_password("segreta lunga")
    again = runner.invoke(args=["lms", "create-user", "trainer1", "--password-stdin"], input="altra lunga\n")
    assert again.exit_code == 1


def test_create_demo_users_prints_passwords_that_work(app, db):
    result = app.test_cli_runner().invoke(args=["lms", "create-demo-users"])
    assert result.exit_code == 0
    for role in ("learner", "trainer", "partner", "admin"):
        line = next(line for line in result.output.splitlines() if f"username: {role} " in line)
        password = line.split("password:")[1].strip()
        assert services.get_by_username(role).check_password(password)
        assert services.get_by_username(role).role == role
