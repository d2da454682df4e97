"""Requests per second for a module page and a lesson page under gunicorn, beside a minimal Flask page.

Run: `make bench` (or .venv/bin/python bench/module_page.py [--seconds 10 --concurrency 8]).
It builds a throwaway SQLite database (or uses LMS_BENCH_DATABASE_URL), imports courses/, signs in a
learner, starts gunicorn on loopback and prints figures. It asserts nothing: it measures.
"""

import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COURSE = "fare-associazione"
MODULE = "perche-associarsi"


def flask(env, *args):
    subprocess.run(
        [BIN / "flask", "--app", "wsgi", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def prepare(env) -> None:
    flask(env, "db", "upgrade")
    flask(env, "lms", "import-courses")
    subprocess.run(
        [BIN / "flask", "--app", "wsgi", "lms", "create-user", "bench", "--password-stdin"],
        cwd=ROOT,
        env=env,
        input="bench-password\n",
        text=True,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def request(port, method, path, cookie="", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    all_headers = {"Cookie": cookie, **(headers or {})}
    conn.request(method, path, body=body, headers=all_headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def login(port) -> str:
    response, html = request(port, "GET", "/login")
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1).decode()
    body = urllib.parse.urlencode({"csrf_token": token, "username": "bench", "password": "bench-password"})
    response, _ = request(
        port, "POST", "/login", cookie, body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status == 302, "login failed"
    return response.getheader("Set-Cookie").split(";")[0]


def load(port, path, cookie, seconds, concurrency) -> tuple[float, int, int]:
    """Hammer one path from `concurrency` threads for `seconds`; return (req/s, requests, bytes)."""
    counts, sizes, stop = [0] * concurrency, [0] * concurrency, time.monotonic() + seconds

    def worker(i):
        while time.monotonic() < stop:
            response, data = request(port, "GET", path, cookie)
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
            counts[i] += 1
            sizes[i] = len(data)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return sum(counts) / elapsed, sum(counts), max(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=5099)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="ponte-bench-")
    env = {
        **os.environ,
        "LMS_DATABASE_URL": os.environ.get("LMS_BENCH_DATABASE_URL", f"sqlite:///{tmp}/b.db"),
        "LMS_SECRET_KEY": "bench",
        "LMS_SESSION_COOKIE_SECURE": "false",
        "LMS_RATELIMIT_ENABLED": "false",
    }
    prepare(env)
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "--chdir",
            str(ROOT / "bench"),
            "--pythonpath",
            str(ROOT),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            "bench_app:app",
        ],
        env=env,
    )
    try:
        for _ in range(100):
            try:
                request(args.port, "GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        cookie = login(args.port)
        paths = {
            "minimal Flask page": "/bench/minimal",
            "module page": f"/courses/{COURSE}/{MODULE}/",
            "lesson page (records the view)": f"/courses/{COURSE}/{MODULE}/gruppo-o-associazione",
            "catalog": "/",
        }
        for path in paths.values():  # warm up: imports, template compilation, Markdown cache
            request(args.port, "GET", path, cookie)
        print(
            f"gunicorn {args.workers} sync workers, {args.concurrency} client threads, "
            f"{args.seconds:.0f} s per page, database {env['LMS_DATABASE_URL'].split(':')[0]}"
        )
        results = {
            name: load(args.port, path, cookie, args.seconds, args.concurrency)
            for name, path in paths.items()
        }
        base = results["minimal Flask page"][0]
        print(f"{'page':<32}{'req/s':>10}{'ratio':>10}{'bytes':>10}")
        for name, (rps, _, size) in results.items():
            print(f"{name:<32}{rps:>10.1f}{rps / base:>10.2f}{size:>10}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
