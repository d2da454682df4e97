"""What the course editor costs: checking a draft, saving an edit, publishing, a zip out and back in.

Run: .venv/bin/python bench/authoring.py (or `make bench`). It uses a throwaway SQLite database (or
LMS_BENCH_DATABASE_URL), imports courses/, and times each step on every shipped course, in process (no HTTP).
It prints figures; it asserts nothing.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lms import create_app  # noqa: E402
from lms.auth import services as auth  # noqa: E402
from lms.authoring import editor, exchange, services  # noqa: E402
from lms.catalog import importer, loader  # noqa: E402
from lms.extensions import db  # noqa: E402

REPEAT = 5


def timed(step, repeat: int = REPEAT) -> float:
    """Median milliseconds of `repeat` runs of step() (the check runs uncached: the cost after each edit)."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    tmp = tempfile.mkdtemp()
    url = os.environ.get("LMS_BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "TESTING": True})
    with app.app_context():
        db.drop_all()
        db.create_all()
        specs, problems = loader.load_courses(ROOT / "courses")
        assert not problems, problems
        importer.import_courses(specs, loader.load_shared_glossary(ROOT / "courses")[0])
        admin = auth.create_user("bench-admin", "bench-password", role="admin")
        db.session.commit()
        print(f"{'course':<28}{'files':>6}{'JSON KB':>9}{'check ms':>10}{'save ms':>9}{'publish ms':>12}"
              f"{'zip KB':>8}{'zip ms':>8}{'unzip ms':>10}")  # fmt: skip
        for spec in specs:
            draft = services.start_draft(spec.slug, admin)
            files = len(exchange.writer.course_files(services.spec_of(draft)))
            size = len(str(draft.spec).encode()) / 1024
            check = timed(lambda d=draft: (services._problems.cache_clear(), services.problems_of(d)))

            def save(d=draft):
                edited = services.spec_of(d)
                page = edited.modules[0].pages[0]
                title, body = page.texts[edited.source_language]
                editor.set_page_text(page, edited.source_language, title, body + "\nX")
                services.save(d, edited, admin, "bench")

            save_ms = timed(save)
            data = services.export_course(draft)
            zip_ms = timed(lambda d=draft: services.export_course(d))
            unzip_ms = timed(lambda z=data: exchange.read_zip(z, 30 << 20, {s.slug for s in specs}))
            services.submit(draft, admin, "bench", False)
            start = time.perf_counter()
            services.publish(draft, admin)
            publish_ms = (time.perf_counter() - start) * 1000
            db.session.commit()
            print(f"{spec.slug:<28}{files:>6}{size:>9.0f}{check:>10.0f}{save_ms:>9.0f}{publish_ms:>12.0f}"
                  f"{len(data) / 1024:>8.0f}{zip_ms:>8.0f}{unzip_ms:>10.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
