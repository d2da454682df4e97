"""Sending the queued mail: each message once, failures retried a few times, then left for a person."""

import logging
from dataclasses import dataclass

from sqlalchemy import select

from lms.core import mail
from lms.core.clock import utcnow
from lms.extensions import db
from lms.notifications.models import OutgoingMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


@dataclass
class Round:
    sent: int = 0
    logged: int = 0
    failed: int = 0


def send_pending(limit: int = 100) -> Round:
    """Send up to ``limit`` waiting messages, oldest first, and record each outcome in one commit.

    On PostgreSQL the batch's rows stay locked (SKIP LOCKED) until that commit, so two senders never
    send the same message; a sender that dies mid-batch sends its messages again next time (at least
    once, never lost)."""
    done = Round()
    query = (
        select(OutgoingMail)
        .where(OutgoingMail.sent_at.is_(None), OutgoingMail.attempts < MAX_ATTEMPTS)
        .order_by(OutgoingMail.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    for message in db.session.scalars(query).all():
        try:
            really = mail.send(message.to_address, message.subject, message.body)
        except mail.MailError as error:
            message.attempts += 1
            message.last_error = str(error)[:500]
            done.failed += 1
            log.warning("Mail %s to %s failed (attempt %s): %s", message.id, message.to_address,
                        message.attempts, error)  # fmt: skip
        else:
            message.attempts += 1
            message.sent_at = utcnow()
            if really:
                done.sent += 1
            else:
                done.logged += 1
    db.session.commit()
    return done
