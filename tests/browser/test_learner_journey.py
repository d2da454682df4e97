"""On a phone-sized screen, a learner registers, reads a module, passes its quiz, and sees progress."""

from sqlalchemy import select

from lms.quizzes import services
from lms.quizzes.models import Attempt


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def fill_correct_answers(page, attempt, questions):
    for q in questions:
        name, spec = f"q{q.id}", q.spec
        if q.kind == "single":
            page.check(f"input[name={name}][value={spec['correct'][0]}]")
        elif q.kind == "multiple":
            for value in spec["correct"]:
                page.check(f"input[name={name}][value={value}]")
        elif q.kind == "truefalse":
            page.check(f"input[name={name}][value={'true' if spec['correct'] else 'false'}]")
        elif q.kind == "text":
            page.fill(f"input[name={name}]", "Sette ")
        elif q.kind == "ordering":
            for position, item in enumerate(spec["items"], start=1):
                page.select_option(f"select[name={name}-{item}]", str(position))
        elif q.kind == "matching":
            for left, right in spec["pairs"].items():
                page.select_option(f"select[name={name}-{left}]", right)


def test_learner_journey_on_a_phone(db, courses, live_server, phone):
    page = phone
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "it"
    assert fits_the_screen(page)

    page.get_by_role("link", name="Crea un account").first.click()
    page.get_by_label("Nome utente").fill("Mariam")
    page.get_by_label("Password", exact=True).fill("una-password-lunga")
    page.get_by_label("Ripeti la password").fill("una-password-lunga")
    page.get_by_role("button", name="Crea un account").click()
    assert "Ti diamo il benvenuto" in page.content()

    page.get_by_role("link", name="Le basi").click()
    page.get_by_role("button", name="Inizia questo corso").click()
    page.get_by_role("link", name="Inizia a leggere").click()
    assert page.get_by_role("heading", name="Pagina uno").is_visible()
    assert fits_the_screen(page)
    page.get_by_role("link", name="Avanti").click()
    assert page.get_by_role("heading", name="Pagina due").is_visible()
    page.get_by_role("link", name="Vai al quiz").click()
    page.get_by_role("button", name="Inizia il quiz").click()

    # Send with one answer missing: the others stay, and the page says what is missing.
    attempt = db.session.scalar(select(Attempt).where(Attempt.submitted_at.is_(None)))
    questions = services.attempt_questions(attempt)
    fill_correct_answers(page, attempt, questions[1:])
    page.get_by_role("button", name="Invia le mie risposte").click()
    assert page.get_by_role("alert").is_visible()
    assert fits_the_screen(page)
    fill_correct_answers(page, attempt, questions[:1])
    page.get_by_role("button", name="Invia le mie risposte").click()

    assert "100%" in page.locator(".score").inner_text()
    page.get_by_role("link", name="Torna al corso").click()
    assert page.locator(".module.completed").count() == 1
    page.get_by_role("link", name="Il mio percorso").click()
    assert "50%" in page.locator("#main").inner_text()
    assert fits_the_screen(page)
