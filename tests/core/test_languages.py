"""Every page in every interface language: right lang and dir, nothing left untranslated."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from lms.config import ROOT, Config
from tests import factories

RTL = {"ar", "ur"}


def pages_for(db):
    """Every main page a learner sees, with the state it needs (an open quiz attempt, a result)."""
    from lms.quizzes import services

    module = factories.module("basi", "primo")
    user = factories.make_user("amina")
    attempt = services.start_attempt(user.id, module, "it")
    done = services.start_attempt(factories.make_user("bilal").id, module, "it")
    services.submit_attempt(done, services.attempt_questions(done), {})
    db.session.commit()
    return user, attempt


PUBLIC = [
    "/",
    "/login",
    "/register",
    "/courses/basi/",
    "/glossary/",
    "/courses/basi/glossary",
    "/toolkits/",
    "/nowhere",
]
LEARNER = ["/me/", "/courses/basi/primo/", "/courses/basi/primo/uno", "/courses/basi/primo/quiz", "/logout"]


@pytest.mark.parametrize("lang", list(Config.LANGUAGES))
def test_every_page_has_the_right_lang_and_dir(client, forms, db, courses, lang):
    pages_for(db)
    direction = "rtl" if lang in RTL else "ltr"
    tag = Config.HTML_LANG_TAGS.get(lang, lang)
    for url in PUBLIC:
        html = client.get(f"{url}?lang={lang}").get_data(as_text=True)
        assert f'<html lang="{tag}" dir="{direction}">' in html, url
    forms.post("/login", {"username": "amina", "password": factories.PASSWORD})
    for url in LEARNER:
        html = client.get(f"{url}?lang={lang}").get_data(as_text=True)
        assert f'<html lang="{tag}" dir="{direction}">' in html, url


def test_language_menu_names_each_language_in_its_own_script(client, db):
    html = client.get("/").get_data(as_text=True)
    for name in Config.LANGUAGES.values():
        assert name in html
    assert 'lang="ar" hreflang="ar" dir="rtl"' in html
    assert 'lang="zh-Hans" hreflang="zh-Hans" dir="ltr"' in html


def test_dates_numbers_and_plurals_follow_the_language(client, db, courses):
    assert "2 moduli" in client.get("/?lang=it").get_data(as_text=True)
    assert "2 modules" in client.get("/?lang=en").get_data(as_text=True)
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    assert "2 modules" not in arabic and "2 moduli" not in arabic


# --- pseudo-locale: every interface string goes through gettext ----------------------------

PSEUDO = "eo"  # a locale Babel knows and Ponte does not ship: stands in for the pseudo-locale
OPEN, CLOSE = "⟦", "⟧"


@pytest.fixture
def pseudo_app(app, tmp_path):
    """The app with a catalog that wraps every message in ⟦ ⟧."""
    with (ROOT / "translations/messages.pot").open("rb") as f:
        catalog = read_po(f, locale=PSEUDO)
    for message in catalog:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            wrapped = tuple(OPEN + i + CLOSE for i in ids)
            message.string = wrapped if isinstance(message.id, tuple) else wrapped[0]
    target = Path(tmp_path) / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as f:
        write_mo(f, catalog)
    app.config["LANGUAGES"] = {**app.config["LANGUAGES"], PSEUDO: "Pseudo"}
    babel_ext = app.extensions["babel"]
    babel_ext.translation_directories = [str(tmp_path), *babel_ext.translation_directories]
    from flask_babel import refresh

    refresh()
    return app


class _VisibleText(HTMLParser):
    """Text a person sees that comes from the interface (not from courses, names or the brand)."""

    SKIP_TAGS = {"script", "style", "bdi", "title"}

    def __init__(self):
        super().__init__()
        self.stack, self.chunks = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        foreign = "lang" in attrs or "hreflang" in attrs or attrs.get("class") == "brand"
        if tag not in ("br", "input", "img", "meta", "link", "hr"):
            self.stack.append(tag in self.SKIP_TAGS or foreign)

    def handle_endtag(self, tag):
        if tag not in ("br", "input", "img", "meta", "link", "hr") and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack[1:]):  # the outer <html lang> does not count
            self.chunks.append(data)


def untranslated(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    text = "".join(parser.chunks)
    outside = re.sub(r"⟦.*?⟧", "", text, flags=re.DOTALL)
    return [w for w in re.findall(r"[^\W\d_]{2,}", outside)]


def test_pseudo_locale_finds_no_unmarked_string(pseudo_app, client, forms, db, courses):
    pages_for(db)
    leftovers = {}
    for url in PUBLIC:
        words = untranslated(client.get(f"{url}?lang={PSEUDO}").get_data(as_text=True))
        if words:
            leftovers[url] = words
    forms.post("/login", {"username": "amina", "password": factories.PASSWORD})
    for url in LEARNER:
        words = untranslated(client.get(f"{url}?lang={PSEUDO}").get_data(as_text=True))
        if words:
            leftovers[url] = words
    assert leftovers == {}
