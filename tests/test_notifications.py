"""Notifications: written in the recipient's language, listed, counted in the menu, marked as read."""

from lms.core.i18n import _
from lms.extensions import db
from lms.notifications import services
from tests import factories


def test_a_notification_is_in_the_recipients_language_and_counted_until_read(client, forms, login_as, app):
    reader = login_as("learner", "samira")
    reader.locale = "en"
    db.session.commit()
    with app.test_request_context("/?lang=it"):
        services.notify([reader], lambda: _("New message about “%(title)s”.", title="Statuto"), "/work/1")
    db.session.commit()
    html = client.get("/me/notifications").get_data(as_text=True)
    assert "New message about “Statuto”." in html and 'href="/work/1"' in html
    assert '<span class="count">1' in client.get("/me/").get_data(as_text=True)
    forms.post("/me/notifications/read", {}, page="/me/notifications")
    assert services.unread_count(factories.get_user("samira")) == 0


def test_notifications_are_private(client):
    assert client.get("/me/notifications").status_code == 302
    assert client.post("/me/notifications/read").status_code in (302, 400)
