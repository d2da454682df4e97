"""A live server and Debian's chromium driven by Playwright. Missing chromium: loud skip, or fail in CI."""

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("LMS_REQUIRE_BROWSER"):
            pytest.fail("Debian's chromium is required (LMS_REQUIRE_BROWSER is set) but not installed")
        pytest.skip(
            "BROWSER TESTS DID NOT RUN: Debian's chromium is not installed (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture
def phone(browser):
    """A page the size of a small Android phone."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="it-IT",
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login_as_page(db):
    """Sign a user (a learner unless told) in through the real login form of a browser page."""
    from tests import factories

    def _login(page, server: str, username: str = "lettrice", role: str = "learner"):
        factories.make_user(username, role=role)
        db.session.commit()
        page.goto(server + "/login")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", factories.PASSWORD)
        page.locator("form.stack button[type=submit]").click()
        page.wait_for_url("**/me/")

    return _login
