"""Interface language: Italian by default, ?lang= remembered, browser preference, complete catalogs."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from lms.auth import services
from tests import factories

TRANSLATIONS = Path(__file__).parents[2] / "translations"


def test_italian_is_the_default(client, db):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="it" dir="ltr">' in html
    assert "Corsi" in html


def test_browser_preference_is_used(client, db):
    html = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html


def test_lang_parameter_switches_and_is_remembered(client, db):
    response = client.get("/?lang=en")
    assert '<html lang="en"' in response.get_data(as_text=True)
    assert "lms_lang=en" in response.headers["Set-Cookie"]
    assert '<html lang="en"' in client.get("/login").get_data(as_text=True)
    assert '<html lang="it"' in client.get("/login?lang=it").get_data(as_text=True)


def test_unknown_language_is_ignored(client, db):
    assert '<html lang="it"' in client.get("/?lang=xx").get_data(as_text=True)


def test_learners_choice_is_kept_in_their_profile(client, db, login_as):
    user = login_as()
    client.get("/me/?lang=en")
    assert services.get_by_username(user.username).locale == "en"
    client.delete_cookie("lms_lang")
    assert '<html lang="en"' in client.get("/me/").get_data(as_text=True)


def test_language_menu_keeps_the_page(client, db, courses):
    html = client.get("/courses/basi/").get_data(as_text=True)
    assert 'href="/courses/basi/?lang=en"' in html
    assert 'lang="en" hreflang="en"' in html


def test_course_content_follows_the_language(client, db, courses):
    assert "Le basi" in client.get("/courses/basi/").get_data(as_text=True)
    assert "The basics" in client.get("/courses/basi/?lang=en").get_data(as_text=True)


def test_missing_translation_falls_back_with_a_notice(client, db, courses, login_as):
    login_as("trainer")  # staff may open the second module directly
    html = client.get("/courses/basi/secondo/solo?lang=en").get_data(as_text=True)
    assert "Solo italiano." in html
    assert "not available in English yet" in html and "Italian" in html
    assert 'lang="it"' in html


def test_error_pages_are_translated(client, db):
    html = client.get("/no/such/page").get_data(as_text=True)
    assert "Pagina non trovata" in html or "non" in html.lower()
    assert "Page not found" in client.get("/no/such/page?lang=en").get_data(as_text=True)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_shipped_catalogs_are_complete(lang):
    with open(TRANSLATIONS / "messages.pot", "rb") as f:
        template = read_po(f)
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalog = read_po(f)
    missing = [
        m.id
        for m in template
        if m.id
        and not (
            catalog.get(m.id)
            and all(
                catalog.get(m.id).string
                if isinstance(catalog.get(m.id).string, tuple)
                else [catalog.get(m.id).string]
            )
        )
    ]
    assert missing == []
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert fuzzy == []


def test_plural_forms_are_translated(client, db, courses):
    factories.make_user()
    html = client.get("/").get_data(as_text=True)
    assert "2 moduli" in html and "1 modulo" in html
    assert "2 modules" in client.get("/?lang=en").get_data(as_text=True)
