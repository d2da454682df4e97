"""A trainer, on a phone, goes from nothing to a published two-module course with quizzes."""

from lms.authoring import services
from tests import factories

PHONE_WIDTH = 360


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a {PHONE_WIDTH}px phone"


def _submit(page, form_selector: str) -> None:
    page.locator(f"{form_selector} button[type=submit]").first.click()
    page.wait_for_load_state()


def _add_module(page, title: str, page_title: str, body: str) -> None:
    page.fill("input[name='module-title']", title)
    _submit(page, "form[action$='/modules']")
    _fits(page)
    page.fill("textarea[name=objectives]", "Capire a cosa serve\nSapere da dove cominciare")
    page.locator("main form.stack").first.locator("button[type=submit]").click()
    page.wait_for_load_state()
    page.fill("input[name='page-title']", page_title)
    _submit(page, "form[action$='/pages']")
    _fits(page)
    page.fill("textarea[name=body]", body)
    page.wait_for_selector("#live-preview .lesson strong")  # the live preview, with JavaScript
    page.click("button[value=preview]")  # the same without it: a round trip to the server
    page.wait_for_load_state()
    assert page.locator(".preview strong").first.inner_text() == "associazione"
    page.click("button[value=save]")
    page.wait_for_load_state()


def _add_questions(page, module_url: str) -> None:
    page.goto(module_url + "quiz")
    _fits(page)
    page.click("a[href$='/quiz/new/truefalse']")
    page.fill("textarea[name=prompt]", "Un'associazione può avere un conto in banca a suo nome?")
    page.check("input[name=correct_tf][value=true]")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    page.click("a[href$='/quiz/new/single']")
    _fits(page)
    page.fill("textarea[name=prompt]", "Chi approva il bilancio?")
    page.fill("input[name='options-0-text']", "L'assemblea dei soci")
    page.check("input[name='options-0-correct']")
    page.fill("input[name='options-0-feedback']", "Sì: lo dice lo statuto.")
    page.fill("input[name='options-1-text']", "Il presidente da solo")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("ol.rows > li").count() == 2


def test_from_an_empty_course_to_a_published_one_on_a_phone(db, live_server, phone, login_as_page):
    errors = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    login_as_page(phone, live_server, "formatrice", role="trainer")
    phone.goto(live_server + "/author/")
    phone.click("a[href$='/author/new']")
    phone.fill("input[name=title]", "Il nostro primo corso")
    phone.fill("textarea[name=summary]", "Per chi comincia.")
    _submit(phone, "main form.stack")
    _fits(phone)
    course_url = phone.url
    assert course_url.endswith("/author/il-nostro-primo-corso/")
    body = "Una **associazione** è un gruppo di persone.\n\n- uno scopo\n- delle regole"
    _add_module(phone, "Perché associarsi", "Che cos'è", body)
    _add_questions(phone, live_server + "/author/il-nostro-primo-corso/modules/perche-associarsi/")
    phone.goto(course_url)
    _add_module(phone, "I soldi del gruppo", "Il fondo comune", body)
    _add_questions(phone, live_server + "/author/il-nostro-primo-corso/modules/i-soldi-del-gruppo/")
    phone.goto(course_url)
    assert phone.locator(".problems").count() == 0
    phone.fill("textarea[name=note]", "Prima versione")
    _submit(phone, "form[action$='/submit']")
    _submit(phone, "form[action$='/publish']")
    _fits(phone)
    course = factories.course("il-nostro-primo-corso")
    assert [m.slug for m in course.active_modules] == ["perche-associarsi", "i-soldi-del-gruppo"]
    assert services.published_version("il-nostro-primo-corso").number == 1
    phone.goto(live_server + "/courses/il-nostro-primo-corso/")
    assert phone.locator("main").inner_text().count("Perché associarsi") >= 1
    phone.goto(live_server + "/courses/il-nostro-primo-corso/perche-associarsi/quiz")
    phone.locator("main form button[type=submit]").first.click()
    phone.wait_for_load_state()
    assert "Chi approva il bilancio?" in phone.locator("main").inner_text()
    assert errors == []
