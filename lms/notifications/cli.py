"""lms send-mail: send the queued notification emails, once or as a long-running sender."""

import time

import click

from lms.notifications.outbox import send_pending


@click.command("send-mail")
@click.option("--loop", is_flag=True, help="Keep sending, every --interval seconds (run it beside gunicorn).")
@click.option("--interval", type=click.IntRange(5, 3600), default=30, show_default=True)
def send_mail(loop, interval):
    """Send the emails waiting in the outbox (without LMS_MAIL_SERVER they are only logged)."""
    while True:
        done = send_pending()
        if done.sent or done.logged or done.failed or not loop:
            click.echo(f"sent {done.sent}, logged {done.logged}, failed {done.failed}")
        if not loop:
            return
        time.sleep(interval)
