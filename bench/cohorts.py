"""The cohort dashboard, the partner page, the funder report and the API's members page at 100, 1,000 and
10,000 learners: milliseconds (median of 5, in process through the test client) and SQL statements.

Run: LMS_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1/bench .venv/bin/python bench/cohorts.py
(the database is emptied first); without it, a throwaway SQLite file. It prints figures; it asserts nothing.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lms import create_app  # noqa: E402
from lms.catalog import importer, loader  # noqa: E402
from lms.cohorts import services  # noqa: E402
from lms.cohorts.seed import refresh_statistics, seed  # noqa: E402
from lms.extensions import db  # noqa: E402

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "100,1000,10000").split(",")]


def measure(client, url: str, headers=None) -> tuple[float, int]:
    statements = []
    listener = lambda *args: statements.append(1)  # noqa: E731
    runs = []
    for run in range(5):
        if run == 0:
            event.listen(db.engine, "before_cursor_execute", listener)
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        runs.append((time.perf_counter() - start) * 1000)
        if run == 0:
            event.remove(db.engine, "before_cursor_execute", listener)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(runs), len(statements)


def one_size(url: str, learners: int) -> dict[str, tuple[float, int]]:
    config = {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "TESTING": True}
    config.update(WTF_CSRF_ENABLED=False, RATELIMIT_ENABLED=False, SESSION_COOKIE_SECURE=False)
    app = create_app(config)
    with app.app_context():
        db.drop_all()
        db.create_all()
        specs, _problems = loader.load_courses(ROOT / "courses")
        importer.import_courses(specs, loader.load_shared_glossary(ROOT / "courses")[0])
        start = time.perf_counter()
        seeded = seed(learners)
        token = services.create_token(
            db.session.get(services.Partner, seeded.partner_id), "bench", seeded.staff
        )
        db.session.commit()
        refresh_statistics()
        seconds = time.perf_counter() - start
        client = app.test_client()
        client.post("/login", data={"username": seeded.staff.username, "password": seeded.password})
        cohort = seeded.cohorts[0].id
        auth = {"Authorization": f"Bearer {token}"}
        figures = {
            "seed s": (seconds, 0),
            "dashboard": measure(client, f"/cohorts/{cohort}/dashboard"),
            "partner page": measure(client, f"/cohorts/partners/{seeded.partner_id}/"),
            "funder report": measure(client, f"/cohorts/partners/{seeded.partner_id}/funder-report"),
            "API members": measure(client, f"/api/v1/cohorts/{cohort}/members?per_page=100", auth),
        }
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
    return figures


def main() -> None:
    url = os.environ.get("LMS_BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    print(f"database: {url.split('@')[-1]}")
    results = {n: one_size(url, n) for n in SIZES}
    names = list(results[SIZES[0]])
    print(f"{'learners':>9} " + " ".join(f"{name:>22}" for name in names))
    for n, figures in results.items():
        cells = [f"{figures['seed s'][0]:>21.1f}s"]
        cells += [
            f"{ms:>10.0f} ms {queries:>4} q" for name, (ms, queries) in figures.items() if name != "seed s"
        ]
        print(f"{n:>9} " + " ".join(f"{c:>22}" for c in cells))
    low, high = results[SIZES[0]], results[SIZES[-1]]
    for name in names[1:]:
        print(f"{name}: {SIZES[-1]}/{SIZES[0]} time ratio {high[name][0] / low[name][0]:.1f}, "
              f"queries {low[name][1]} -> {high[name][1]}")  # fmt: skip


if __name__ == "__main__":
    main()
