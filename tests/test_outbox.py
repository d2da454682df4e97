"""Email goes through an outbox: queued with the change that causes it, sent once by `lms send-mail`."""

import socket
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from lms.core.i18n import _
from lms.extensions import db
from lms.notifications import outbox, services
from lms.notifications.models import OutgoingMail
from tests import factories


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp(app):
    """A real SMTP server on a free local port; the app is configured to send through it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_TLS=False)
    yield inbox
    controller.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tell(app, users, title="Statuto"):
    with app.test_request_context("/"):
        services.notify(users, lambda: _("New message about “%(title)s”.", title=title), "/work/1")


def test_a_change_rolled_back_sends_no_mail(app):
    _tell(app, [factories.make_user("samira", email="samira@example.org")])
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(OutgoingMail.id))) == 0


def test_queued_mail_is_sent_once_through_a_real_smtp_server(app, smtp):
    user = factories.make_user("samira", email="samira@example.org")
    user.locale = "en"
    _tell(app, [user, factories.make_user("omar")], title="Bilancio\r\nBcc: evil@example.org")
    db.session.commit()
    assert outbox.send_pending().sent == 1
    assert outbox.send_pending().sent == 0  # once only
    [message] = smtp.messages
    assert message["To"] == "samira@example.org" and message["Bcc"] is None
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Ponte: New message about “Bilancio Bcc: evil@example.org”."  # one line, no new header
    assert "/work/1" in message.get_payload(decode=True).decode()


def test_a_server_that_fails_is_retried_then_left_with_its_error(app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port(), MAIL_USE_TLS=False)  # nobody listens
    _tell(app, [factories.make_user("samira", email="samira@example.org")])
    db.session.commit()
    for _attempt in range(outbox.MAX_ATTEMPTS + 2):
        outbox.send_pending()
    queued = db.session.scalars(db.select(OutgoingMail)).one()
    assert queued.sent_at is None and queued.attempts == outbox.MAX_ATTEMPTS
    assert "ConnectionRefusedError" in queued.last_error


def test_the_command_without_a_server_logs_the_mail(app):
    _tell(app, [factories.make_user("samira", email="samira@example.org")])
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["lms", "send-mail"])
    assert result.exit_code == 0 and "sent 0, logged 1, failed 0" in result.output
