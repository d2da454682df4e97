"""The application under benchmark: Ponte plus a minimal Flask page on the same app and server."""

from lms import create_app

app = create_app()


@app.get("/bench/minimal")
def minimal():
    return "ok"
