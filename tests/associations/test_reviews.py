"""Accompaniment: hand in work, trainers review it in a thread, versions are kept, people are told."""

import io

import pytest

from lms.associations import reviews, services
from lms.associations.models import Submission
from lms.notifications.models import Notification, OutgoingMail
from tests import factories

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def people(make_association, db):
    association = make_association()
    services.add_member(association, factories.make_user("bilal"), "member")
    factories.make_user("tina", role="trainer", email="tina@example.org")
    factories.make_user("tom", role="trainer")
    factories.make_user("pia", role="partner")
    factories.make_user("outsider")
    db.session.commit()
    return association


def _hand_in(forms, association, **extra):
    data = {
        "kind": "statute",
        "title": "Bozza di statuto",
        "module": "",
        "text": "Art. 1 - Denominazione",
        **extra,
    }
    return forms.post(f"/associations/{association.id}/work/new", data, content_type="multipart/form-data")


def test_a_member_hands_in_text_and_a_file_and_every_trainer_is_told(client, forms, people, sign_in, db):
    sign_in("bilal")
    response = _hand_in(forms, people, files=[(io.BytesIO(PDF), "statuto.pdf")])
    assert response.status_code == 302
    submission = db.session.scalars(db.select(Submission)).one()
    assert submission.status == "waiting" and submission.versions[0].files[0].filename == "statuto.pdf"
    told = {n.user_id for n in db.session.scalars(db.select(Notification))}
    assert told == {factories.get_user("tina").id, factories.get_user("tom").id}
    mail = db.session.scalars(db.select(OutgoingMail)).all()  # queued, sent once the hand-in is committed
    assert [m.to_address for m in mail] == ["tina@example.org"] and "Bozza di statuto" in mail[0].subject


def test_a_refused_file_is_named_and_the_typed_text_stays(forms, people, sign_in, db):
    sign_in("bilal")
    response = _hand_in(
        forms, people, text="Il mio testo", files=[(io.BytesIO(b"MZ\x90\x00evil"), "virus.exe")]
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "virus.exe" in html and "Il mio testo" in html
    assert db.session.scalar(db.select(db.func.count(Submission.id))) == 0


def test_review_resubmit_approve_keeps_every_version_and_message(client, forms, people, sign_in, db):
    sign_in("awa")
    _hand_in(forms, people)
    submission = db.session.scalars(db.select(Submission)).one()
    url = f"/work/{submission.id}"
    sign_in("tina")
    response = forms.post(f"{url}/review", {"body": "Manca lo scopo.", "status": "needs_changes"}, page=url)
    assert response.status_code == 302
    queued = db.session.scalars(db.select(OutgoingMail.to_address)).all()
    assert queued == ["tina@example.org"]  # from the hand-in; the review told awa on the platform: no email
    awa = factories.get_user("awa")
    assert db.session.scalar(db.select(Notification).where(Notification.user_id == awa.id)) is not None
    sign_in("awa")
    forms.post(f"{url}/versions", {"text": "Art. 2 - Scopo"}, page=url, content_type="multipart/form-data")
    db.session.refresh(submission)
    assert submission.status == "waiting" and [v.number for v in submission.versions] == [1, 2]
    sign_in("tina")
    forms.post(f"{url}/review", {"body": "Ottimo.", "status": "approved"}, page=url)
    html = client.get(url + "?lang=en").get_data(as_text=True)
    assert "Art. 1 - Denominazione" in html and "Art. 2 - Scopo" in html  # both versions readable
    assert html.index("Manca lo scopo.") < html.index("Art. 2 - Scopo") < html.index("Ottimo.")
    db.session.refresh(submission)
    assert submission.status == "approved"
    with pytest.raises(reviews.ReviewError):
        reviews.resubmit(submission, awa, "again", [])


def test_a_review_needs_a_comment_and_keeps_what_was_typed(client, forms, people, sign_in, db):
    sign_in("awa")
    _hand_in(forms, people)
    submission = db.session.scalars(db.select(Submission)).one()
    sign_in("tina")
    url = f"/work/{submission.id}"
    response = forms.post(f"{url}/review", {"body": "Quasi", "status": ""}, page=url)
    assert response.status_code == 422 and "Quasi" in response.get_data(as_text=True)
    db.session.refresh(submission)
    assert submission.status == "waiting" and not submission.messages


def test_the_queue_shows_waiting_work_oldest_first(client, forms, people, sign_in, db):
    sign_in("awa")
    _hand_in(forms, people, title="Primo")
    _hand_in(forms, people, title="Secondo")
    sign_in("tom")
    html = client.get("/review-queue").get_data(as_text=True)
    assert html.index("Primo") < html.index("Secondo")
    first = db.session.scalar(db.select(Submission).where(Submission.title == "Primo"))
    forms.post(f"/work/{first.id}/review", {"body": "Bene", "status": "approved"}, page=f"/work/{first.id}")
    html = client.get("/review-queue").get_data(as_text=True)
    assert "Primo" not in html and "Secondo" in html


@pytest.mark.parametrize(
    ("user", "page", "review", "hand_in"),
    [
        ("awa", 200, 403, 302),
        ("bilal", 200, 403, 302),
        ("tina", 200, 302, 403),
        ("pia", 403, 403, 403),
        ("outsider", 403, 403, 403),
    ],
)
def test_who_may_do_what(client, forms, people, sign_in, db, user, page, review, hand_in):
    submission = reviews.hand_in(people, factories.get_user("awa"), kind="minutes", title="Verbale",
                                 module_id=None, text="Verbale del 3 marzo", files=[])  # fmt: skip
    version_file = reviews.check_files([("v.pdf", PDF)])
    reviews.resubmit(submission, factories.get_user("awa"), "v2", version_file)
    db.session.commit()
    file_id = submission.versions[1].files[0].id
    sign_in(user)
    url = f"/work/{submission.id}"
    assert client.get(url).status_code == page
    assert client.get(f"{url}/files/{file_id}").status_code == page
    token_page = url if page == 200 else "/me/"
    assert (
        forms.post(f"{url}/review", {"body": "x", "status": "approved"}, page=token_page).status_code
        == review
    )
    new = f"/associations/{people.id}/work/new"
    status = forms.post(
        new, {"kind": "other", "title": "t", "text": "x"}, page=new if hand_in != 403 else "/me/"
    )
    assert status.status_code == hand_in


def test_a_file_downloads_as_an_attachment_never_inline(client, people, sign_in, db):
    files = reviews.check_files([("b.pdf", PDF)])
    awa = factories.get_user("awa")
    submission = reviews.hand_in(
        people, awa, kind="budget", title="Bilancio", module_id=None, text="", files=files
    )
    db.session.commit()
    sign_in("awa")
    response = client.get(f"/work/{submission.id}/files/{submission.versions[0].files[0].id}")
    assert response.data == PDF and response.headers["Content-Disposition"].startswith("attachment")


def test_anyone_in_the_conversation_can_write_and_the_others_are_told(client, forms, people, sign_in, db):
    submission = reviews.hand_in(people, factories.get_user("awa"), kind="project", title="Progetto",
                                 module_id=None, text="Idea", files=[])  # fmt: skip
    db.session.commit()
    sign_in("bilal")
    url = f"/work/{submission.id}"
    assert (
        forms.post(f"{url}/messages", {"message": "Possiamo aggiungere il budget?"}, page=url).status_code
        == 302
    )
    assert "Possiamo aggiungere il budget?" in client.get(url).get_data(as_text=True)
    awa = factories.get_user("awa")
    assert db.session.scalar(db.select(Notification).where(Notification.user_id == awa.id)) is not None


def test_a_long_queue_is_paged_oldest_first(client, people, sign_in, db, monkeypatch):
    monkeypatch.setattr(reviews, "QUEUE_PAGE", 2)
    awa = factories.get_user("awa")
    for n in range(3):
        reviews.hand_in(people, awa, kind="other", title=f"Lavoro {n}", module_id=None, text="x", files=[])
    db.session.commit()
    sign_in("tom")
    first, second = client.get("/review-queue").get_data(as_text=True), client.get("/review-queue?page=2")
    assert "Lavoro 0" in first and "Lavoro 1" in first and "Lavoro 2" not in first
    assert "Lavoro 2" in second.get_data(as_text=True)


def test_too_many_or_too_big_files_are_refused_with_the_files_name(app):
    with app.test_request_context("/"):
        with pytest.raises(reviews.ReviewError, match=r"^big\.pdf: .* 5 MB"):
            reviews.check_files([("big.pdf", PDF + b"0" * (5 * 1024 * 1024))])
        with pytest.raises(reviews.ReviewError, match="5"):
            reviews.check_files([(f"{n}.pdf", PDF) for n in range(6)])


def test_a_trainer_who_accompanies_an_association_gets_its_work_and_reads_its_page(
    client, forms, people, sign_in, db
):
    first = reviews.hand_in(people, factories.get_user("awa"), kind="other", title="Prima", module_id=None,
                            text="x", files=[])  # fmt: skip
    db.session.commit()
    sign_in("tina")
    assert client.get(f"/associations/{people.id}/").status_code == 403  # not yet accompanying
    page = f"/work/{first.id}"
    forms.post(f"/associations/{people.id}/accompany", {"next": page}, page=page)
    db.session.expire_all()
    assert [t.username for t in people.trainers] == ["tina"]
    html = client.get(f"/associations/{people.id}/").get_data(as_text=True)
    assert "Donne in rete" in html and f"/associations/{people.id}/work/new" not in html  # reads, never acts
    assert client.get(f"/associations/{people.id}/work/new").status_code == 403
    assert client.get(f"/associations/{people.id}/events/new").status_code == 403
    db.session.execute(db.delete(Notification))
    db.session.commit()
    reviews.hand_in(people, factories.get_user("awa"), kind="other", title="Seconda", module_id=None,
                    text="y", files=[])  # fmt: skip
    db.session.commit()
    told = db.session.scalars(db.select(Notification.user_id)).all()
    assert told == [factories.get_user("tina").id]  # only the accompanying trainer, not tom
    assert "Seconda" in client.get("/review-queue?mine=1").get_data(as_text=True)
    sign_in("tom")
    assert "Seconda" not in client.get("/review-queue?mine=1").get_data(as_text=True)
    assert "Seconda" in client.get("/review-queue").get_data(as_text=True)


def test_only_trainers_accompany_and_the_way_back_stays_on_this_site(client, forms, people, sign_in, db):
    submission = reviews.hand_in(people, factories.get_user("awa"), kind="other", title="Prima",
                                 module_id=None, text="x", files=[])  # fmt: skip
    db.session.commit()
    sign_in("pia")
    assert forms.post(f"/associations/{people.id}/accompany", {}, page="/me/").status_code == 403
    sign_in("tina")
    page = f"/work/{submission.id}"
    response = forms.post(f"/associations/{people.id}/accompany", {"next": "//evil.example/"}, page=page)
    assert response.location == "/review-queue"
