"""A trainer writes a course in the browser's forms: new course, module, page, quiz, review, publish."""

import pytest

from lms.authoring import services
from tests import factories


def _create_course(forms, title="Fondare un'associazione"):
    return forms.post(
        "/author/new",
        {"title": title, "summary": "Il primo passo.", "language": "it", "tier": "1", "sequential": "y"},
    )


def test_a_trainer_writes_and_publishes_a_course(client, forms, login_as, db):
    login_as("trainer", "tina")
    response = _create_course(forms)
    assert response.status_code == 302 and response.location.endswith("/author/fondare-un-associazione/")
    forms.post("/author/fondare-un-associazione/modules", {"module-title": "Perché associarsi"},
               page="/author/fondare-un-associazione/")  # fmt: skip
    base = "/author/fondare-un-associazione/modules/perche-associarsi/"
    response = forms.post(
        base, {"title": "Perché associarsi", "objectives": "Capire\nScegliere", "estimated_minutes": "20"}
    )
    assert response.status_code == 302
    response = forms.post(base + "pages", {"page-title": "Che cos'è"}, page=base)
    assert response.location.endswith(base + "pages/che-cos-e")
    page = base + "pages/che-cos-e"
    preview = forms.post(
        page, {"title": "Che cos'è", "body": "Un **gruppo** <script>alert(1)</script>", "action": "preview"}
    )
    html = preview.get_data(as_text=True)
    assert "<strong>gruppo</strong>" in html and "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html or "alert(1)" in html  # kept in the textarea, escaped
    forms.post(page, {"title": "Che cos'è", "body": "Un **gruppo** di persone.", "action": "save"})
    response = forms.post(
        base + "quiz/new/truefalse",
        {"prompt": "Serve uno statuto?", "correct_tf": "true"},
        page=base + "quiz/new/truefalse",
    )
    assert response.status_code == 302
    overview = client.get("/author/fondare-un-associazione/").get_data(as_text=True)
    assert "submit" in overview
    forms.post(
        "/author/fondare-un-associazione/submit",
        {"note": "Prima versione"},
        page="/author/fondare-un-associazione/",
    )
    forms.post("/author/fondare-un-associazione/publish", {}, page="/author/fondare-un-associazione/")
    course = factories.course("fondare-un-associazione")
    assert course is not None and course.active_modules[0].active_pages[0].texts["it"].body.startswith(
        "Un **gruppo**"
    )
    assert client.get("/courses/fondare-un-associazione/").status_code == 200


def test_the_draft_keeps_what_was_typed_when_a_field_is_missing(client, forms, login_as, db):
    login_as("trainer", "tina")
    response = forms.post(
        "/author/new", {"title": "", "summary": "Testo che resta", "language": "it", "tier": "1"}
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Testo che resta" in html and "Compila questo campo." in html


CHOICES = {"options-0-text": "Sì", "options-0-correct": "y", "options-1-text": "No"}
SEVERAL = {**CHOICES, "options-1-correct": "y", "options-2-text": "Forse"}
ORDER = {"items-0-text": "Assemblea", "items-1-text": "Statuto", "items-2-text": "Registrazione"}
PAIRS = {"pairs-0-left": "APS", "pairs-0-right": "Promozione sociale", "pairs-1-left": "ODV",
         "pairs-1-right": "Volontariato", "distractors": "Impresa"}  # fmt: skip
KINDS = [
    ("single", CHOICES, {"options": ["o1", "o2"], "correct": ["o1"]}),
    ("multiple", SEVERAL, {"options": ["o1", "o2", "o3"], "correct": ["o1", "o2"]}),
    ("truefalse", {"correct_tf": "false"}, {"correct": False}),
    ("text", {"accept": "RUNTS\nRegistro unico"}, {"accept": []}),
    ("ordering", ORDER, {"items": ["i1", "i2", "i3"]}),
    ("matching", PAIRS, {"pairs": {"l1": "r-l1", "l2": "r-l2"}, "distractors": ["x1"]}),
]


@pytest.mark.parametrize(("kind", "data", "expected"), KINDS)
def test_every_question_kind_can_be_written(client, forms, login_as, db, kind, data, expected):
    trainer = login_as("trainer", "tina")
    from tests.authoring.helpers import complete_course

    services.create_course(complete_course(), trainer)
    db.session.commit()
    url = f"/author/nuovo-corso/modules/primo-modulo/quiz/new/{kind}"
    response = forms.post(url, {"prompt": "Domanda?", **data})
    assert response.status_code == 302, response.get_data(as_text=True)
    version = services.open_version("nuovo-corso")
    question = services.spec_of(version).modules[0].questions[-1]
    assert question.kind == kind and question.spec == expected
    assert services.problems_of(version) == []


def test_a_question_with_too_few_options_is_refused_and_kept(client, forms, login_as, db):
    trainer = login_as("trainer", "tina")
    from tests.authoring.helpers import complete_course

    services.create_course(complete_course(), trainer)
    db.session.commit()
    url = "/author/nuovo-corso/modules/primo-modulo/quiz/new/single"
    response = forms.post(
        url, {"prompt": "Domanda rimasta?", "options-0-text": "Solo una", "options-0-correct": "y"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Scrivi almeno due opzioni." in html
    assert "Domanda rimasta?" in html and "Solo una" in html


def test_live_preview_uses_the_sanitising_renderer(client, forms, login_as, db):
    login_as("trainer", "tina")
    hostile = {"text": "**ciao** <img src=x onerror=alert(1)>"}
    response = forms.post("/author/preview", hostile, page="/author/")
    html = response.get_data(as_text=True)
    assert "<strong>ciao</strong>" in html and "<img" not in html


def test_live_preview_is_for_staff_only(client, forms, login_as, db):
    login_as("learner")
    assert forms.post("/author/preview", {"text": "x"}, page="/").status_code == 403
