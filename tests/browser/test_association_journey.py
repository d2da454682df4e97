"""An association on a phone: profile, self-assessment, an event plan handed in, a trainer approves it."""

from datetime import timedelta

from lms.core.clock import utcnow
from tests import factories

PHONE_WIDTH = 360


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a {PHONE_WIDTH}px phone"


def _click(page, selector: str) -> None:
    page.locator(selector).first.click()
    page.wait_for_load_state()
    _fits(page)


def _sign_in(page, server: str, username: str) -> None:
    page.goto(server + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", factories.PASSWORD)
    _click(page, "form.stack button[type=submit]")


def _sign_out(page) -> None:
    _click(page, "header form button[type=submit]")


def _self_assessment(page) -> None:
    _click(page, "a[href$='/self-assessment']")
    page.check("input[name=statute][value=yes]")
    _click(page, "button[value=save]")  # half-way: saved, to go on later
    assert page.locator("input[name=statute][value=yes]").is_checked()
    for question in page.locator("fieldset.question").all():
        name = question.locator("input").first.get_attribute("name")
        answer = "partly" if name in ("minutes", "permits") else "yes"
        page.check(f"input[name={name}][value={answer}]")
    _click(page, "button[value=finish]")
    assert "/self-assessment/" in page.url
    assert "2" in page.locator(".score .big").inner_text()  # governance is the lowest gap: tier 2
    assert page.locator("main article.card").count() == 2  # governance and permits, each with its reason


def _event_plan(page, day: str) -> None:
    _click(page, "a[href$='/events/new']")
    page.fill("input[name=title]", "Festa dei popoli")
    page.fill("input[name=starts_on]", day)
    page.fill("input[name=expected_people]", "150")
    page.select_option("select[name=venue_kind]", "public_municipio")
    page.check("input[name=features][value=music]")
    page.fill("textarea[name=goals]", "Farci conoscere nel quartiere")
    _click(page, "main form button[type=submit]")
    assert page.locator("#permits ~ article").count() >= 3  # public land, safety plan, SIAE
    _click(page, "a[href$='/budget']")
    page.select_option("select[name='lines-0-type']", "donations")
    page.fill("input[name='lines-0-planned']", "300")
    page.select_option("select[name='lines-1-type']", "equipment")
    page.fill("input[name='lines-1-label']", "Impianto audio")
    page.fill("input[name='lines-1-planned']", "250")
    _click(page, "main form button[type=submit]")
    page.fill("textarea[name=note]", "Prima versione del piano")
    _click(page, "form[action$='/submit'] button[type=submit]")
    assert "/work/" in page.url


def test_an_association_plans_an_event_and_a_trainer_approves_it(db, live_server, phone, login_as_page):
    errors = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    factories.make_user("tina", role="trainer")
    db.session.commit()
    login_as_page(phone, live_server, "awa")
    phone.goto(live_server + "/associations/new")
    _fits(phone)
    phone.fill("input[name=name]", "Donne in rete")
    phone.select_option("select[name=legal_form]", "unrecognised")
    phone.fill("input[name=municipality]", "Roma")
    _click(phone, "main form button[type=submit]")
    _self_assessment(phone)
    phone.goto(phone.url.split("/self-assessment")[0] + "/")
    _event_plan(phone, (utcnow().date() + timedelta(days=60)).isoformat())
    _sign_out(phone)

    _sign_in(phone, live_server, "tina")
    phone.goto(live_server + "/review-queue")
    _fits(phone)
    _click(phone, "main ol a")
    assert "Prima versione del piano" in phone.inner_text("main")
    phone.fill("textarea[name=body]", "Bel piano: ricordate la SIAE.")
    phone.check("input[name=status][value=approved]")
    _click(phone, "form[action$='/review'] button[type=submit]")
    assert phone.locator("main ol li.card").count() == 0  # nothing left waiting
    _sign_out(phone)

    _sign_in(phone, live_server, "awa")
    assert phone.locator("header .count").inner_text().startswith("1")
    _click(phone, "a[href='/me/notifications']")
    _click(phone, "main a[href^='/work/']")
    assert phone.locator("span.status.done").count() >= 1 and "ricordate la SIAE" in phone.inner_text("main")
    assert not errors
