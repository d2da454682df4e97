"""Sending email with the standard library's SMTP client; without a server configured, mail is logged.

Tests and development sites set no MAIL_SERVER: messages then go to the log and, under TESTING, to
``app.extensions["mail_outbox"]`` so tests can read what a user would have received.
"""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger(__name__)


def send(to: str, subject: str, body: str) -> bool:
    """Send a plain-text message; a mail server that fails is logged, never shown to the user."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if not config["MAIL_SERVER"]:
        log.info("Mail not sent (no MAIL_SERVER): to=%s subject=%s", to, subject)
        if current_app.testing:
            current_app.extensions.setdefault("mail_outbox", []).append(message)
        return False
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_TLS"]:
                smtp.starttls()
            if config["MAIL_USERNAME"]:
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException):
        log.exception("Mail to %s failed", to)
        return False
    return True
