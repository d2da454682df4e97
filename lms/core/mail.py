"""Sending one email with the standard library's SMTP client.

Features never call this directly: they queue mail in the outbox (lms.notifications), which is sent
only once the change that caused it is committed. Without MAIL_SERVER a message is logged, not sent.
"""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger(__name__)


class MailError(Exception):
    """The mail server refused or could not be reached; the message says why."""


def send(to: str, subject: str, body: str) -> bool:
    """Send a plain-text message: True if sent, False if only logged (no server); MailError on failure."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if not config["MAIL_SERVER"]:
        log.info("Mail not sent (no MAIL_SERVER): to=%s subject=%s", to, subject)
        return False
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"{type(error).__name__}: {error}") from error
    return True
