"""Translating in the browser: words and pages side by side, stamps, and the outdated flag."""

from lms.auth.services import get_by_username
from lms.authoring import editor, services, translating
from lms.catalog.translations import outdated_parts
from tests import factories
from tests.authoring.helpers import complete_course


def _course(db):
    trainer = factories.make_user("tina", "trainer")
    services.create_course(complete_course(), trainer)
    db.session.commit()
    return trainer


def _module():
    return services.spec_of(services.open_version("nuovo-corso")).modules[0]


def test_a_new_language_is_missing_then_complete_and_current(client, forms, login_as, db):
    login_as("trainer", "tina")
    services.create_course(complete_course(), get_by_username("tina"))
    db.session.commit()
    mod = _module()
    assert translating.module_status(mod, "ar", "it")["state"] == "missing"
    base = "/author/nuovo-corso/modules/primo-modulo"
    response = forms.post(f"{base}/translate/ar", {"title": "الوحدة الأولى", "objectives": "فهم الأساسيات",
                                                   "q.q1.prompt": "هل للجمعية نظام أساسي؟"})  # fmt: skip
    assert response.status_code == 302
    assert translating.module_status(_module(), "ar", "it")["state"] == "incomplete"  # the page is missing
    forms.post(f"{base}/pages/prima-pagina/translate/ar", {"title": "الصفحة الأولى", "body": "نص **قصير**."})
    mod = _module()
    assert translating.module_status(mod, "ar", "it")["state"] == "current"
    assert mod.pages[0].texts["ar"] == ("الصفحة الأولى", "نص **قصير**.\n")
    assert services.problems_of(services.open_version("nuovo-corso")) == []
    page = client.get("/author/nuovo-corso/translations?into=ar").get_data(as_text=True)
    assert 'lang="ar"' in page


def test_changing_the_source_marks_the_translation_outdated(db):
    trainer = _course(db)
    version = services.open_version("nuovo-corso")
    spec = services.spec_of(version)
    mod = spec.modules[0]
    translating.apply_words(
        mod, "en", {"title": "First module", "objectives": "Basics", "q.q1.prompt": "Statute?"}
    )
    editor.stamp_words(mod, "en", "it")
    editor.set_page_text(mod.pages[0], "en", "First page", "A short text.")
    editor.stamp_page(mod, mod.pages[0], "en", "it")
    assert outdated_parts(mod, "en", "it") == []
    editor.set_page_text(mod.pages[0], "it", "Prima pagina", "Un testo cambiato.")
    assert outdated_parts(mod, "en", "it") == ["prima-pagina"]
    services.save(version, spec, trainer, "x")
    assert translating.module_status(services.spec_of(version).modules[0], "en", "it")["state"] == "outdated"


def test_an_empty_title_is_refused_and_the_typed_words_stay(client, forms, login_as, db):
    login_as("trainer", "tina")
    services.create_course(complete_course(), get_by_username("tina"))
    db.session.commit()
    response = forms.post(
        "/author/nuovo-corso/modules/primo-modulo/translate/fr", {"title": " ", "q.q1.prompt": "Un statut ?"}
    )
    assert response.status_code == 200 and "Un statut ?" in response.get_data(as_text=True)
    assert "fr" not in _module().texts


def test_the_source_language_cannot_be_translated_into(client, login_as, db):
    login_as("trainer", "tina")
    services.create_course(complete_course(), get_by_username("tina"))
    db.session.commit()
    assert client.get("/author/nuovo-corso/modules/primo-modulo/translate/it").status_code == 404
    assert client.get("/author/nuovo-corso/modules/primo-modulo/translate/xx").status_code == 404


def test_removing_an_option_drops_its_translated_label(db):
    from lms.catalog.specs import QuestionSpec

    texts = {
        "it": {"prompt": "?", "options": {"a": "A", "b": "B"}},
        "en": {"prompt": "?", "options": {"a": "A", "b": "B", "c": "C"}, "feedback": {"c": "no"}},
    }
    q = QuestionSpec("q", "single", {"options": ["a", "b"], "correct": ["a"]}, texts)
    editor.prune_translations(q, "it")
    assert q.texts["en"] == {"prompt": "?", "options": {"a": "A", "b": "B"}}
