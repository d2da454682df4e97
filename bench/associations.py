"""Association pages at 100 and 1,000 associations (each with 3 members, a finished self-assessment, a piece
of work waiting for review and an event plan): milliseconds (median of 5, in process through the test
client) and SQL statements, plus the PDF and XLSX exports.

Run: LMS_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench .venv/bin/python bench/associations.py
(the database is emptied first); without it, a throwaway SQLite file. It prints figures; it asserts nothing.
"""

import os
import random
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask import g  # noqa: E402

from bench.cohorts import measure  # noqa: E402
from lms import create_app  # noqa: E402
from lms.associations import assessments, events, needs, reviews, services  # noqa: E402
from lms.auth.models import User  # noqa: E402
from lms.core.clock import utcnow  # noqa: E402
from lms.extensions import db  # noqa: E402

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "100,1000").split(",")]
PROVINCES = ["RM", "LT", "FR", "RI", "VT"]
UNUSABLE = "!"  # not a hash: these accounts never sign in (the bench sets the session)


def _seed(count: int) -> User:
    rng = random.Random(8)
    trainer = User(username="trainer", role="trainer", password_hash=UNUSABLE)
    db.session.add(trainer)
    for n in range(count):
        people = [User(username=f"u{n}-{k}", password_hash=UNUSABLE) for k in range(3)]
        db.session.add_all(people)
        db.session.flush()
        association = services.create(people[0], name=f"Associazione {n}", province=rng.choice(PROVINCES))
        for person in people[1:]:
            services.add_member(association, person, "member").share_progress = True
        done = assessments.start_or_resume(association, people[0])
        assessments.save(done, {q.key: rng.choice(q.answers) for q in needs.QUESTIONS})
        assessments.finish(done)
        reviews.hand_in(association, people[0], kind="statute", title=f"Statuto {n}", module_id=None,
                        text="Art. 1\n" * 40, files=[])  # fmt: skip
        day = utcnow().date() + timedelta(days=40)
        values = {
            "title": f"Festa {n}",
            "starts_on": day,
            "venue_kind": "public_municipio",
            "features": ["food"],
        }
        plan = events.create(association, values)
        plan.budget = [
            {"side": "income", "type": "donations", "label": "", "planned": 30000, "actual": None}
        ] * 6
    db.session.commit()
    return trainer


def one_size(url: str, count: int) -> dict[str, tuple[float, int]]:
    config = {
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "bench",
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(RATELIMIT_ENABLED=False, SESSION_COOKIE_SECURE=False)
    app = create_app(config)
    with app.app_context():
        db.drop_all()
        db.create_all()
        trainer = _seed(count)
        member = db.session.scalar(db.select(User).where(User.username == "u0-0"))
        results = {}
        with app.test_client() as client:
            with client.session_transaction() as session:
                session["_user_id"] = str(member.id)
            for name, page in (("association page", "/associations/1/"), ("event plan", "/events/1/"),
                               ("plan PDF", "/events/1/plan.pdf"), ("budget XLSX", "/events/1/budget.xlsx"),
                               ("dashboard", "/me/")):  # fmt: skip
                results[name] = measure(client, page)
        g.pop("_login_user", None)  # requests share this app context, and Flask-Login caches the user in g
        with app.test_client() as client:
            with client.session_transaction() as session:
                session["_user_id"] = str(trainer.id)
            results["review queue"] = measure(client, "/review-queue")
            results["territory"] = measure(client, "/associations/territory")
            results["territory CSV"] = measure(client, "/associations/territory.csv")
        db.session.remove()
        db.drop_all()
    return results


def main() -> None:
    url = os.environ.get("LMS_BENCH_DATABASE_URL")
    if not url:
        url = "sqlite:///" + os.path.join(tempfile.mkdtemp(), "bench.sqlite3")
    print(f"database: {url.split('@')[-1]}")
    rows = {size: one_size(url, size) for size in SIZES}
    print("| page | " + " | ".join(f"{size} assoc. ms (queries)" for size in SIZES) + " |")
    print("|---|" + "---|" * len(SIZES))
    for name in rows[SIZES[0]]:
        cells = [f"{rows[size][name][0]:.0f} ({rows[size][name][1]})" for size in SIZES]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
