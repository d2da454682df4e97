"""Configuration defaults; instance/config.py and LMS_* environment variables override them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Config:
    """Defaults that are safe for a single-machine demo and strict where security matters."""

    # Database: SQLite in instance/ unless LMS_DATABASE_URL says otherwise (see create_app).
    DATABASE_URL: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    # Languages: code -> name in its own language and script. Italian is the default.
    LANGUAGES = {
        "it": "Italiano",
        "en": "English",
        "ar": "العربية",
        "fr": "Français",
        "es": "Español",
        "bn": "বাংলা",
        "uk": "Українська",
        "zh": "简体中文",
        "pa": "ਪੰਜਾਬੀ",
        "ur": "اردو",
        "sq": "Shqip",
        "tl": "Tagalog",
    }
    # BCP 47 tags for <html lang> where the bare code is ambiguous (script).
    HTML_LANG_TAGS = {"zh": "zh-Hans", "pa": "pa-Guru"}
    BABEL_DEFAULT_LOCALE = "it"
    BABEL_DEFAULT_TIMEZONE = "Europe/Rome"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    # Course content fallback order when a module is missing in the learner's language.
    CONTENT_FALLBACK = ("it", "en")

    COURSES_DIR = str(ROOT / "courses")

    # Sessions: secure cookies by default; plain-http development turns SECURE off explicitly.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 24 * 14
    LANGUAGE_COOKIE = "lms_lang"

    WTF_CSRF_TIME_LIMIT = None  # a learner may leave a quiz open for hours on a phone

    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_LOGIN = "10 per minute;50 per hour"
    RATELIMIT_REGISTER = "10 per hour"
    RATELIMIT_HEADERS_ENABLED = True

    MAX_CONTENT_LENGTH = 26 * 1024 * 1024  # five 5 MB files handed in for review; a course zip with images

    # Authoring: uploads per file, a course zip once unpacked, and whether a second person must publish.
    MEDIA_MAX_BYTES = 2 * 1024 * 1024
    MEDIA_IMAGE_MAX_SIDE = 1280  # pixels: larger photos are scaled down for learners' data plans
    COURSE_ZIP_MAX_BYTES = 30 * 1024 * 1024
    AUTHORING_FOUR_EYES = False

    # Email for notifications (people without an address are told on the platform only).
    # No server: messages are logged, not sent. Set LMS_MAIL_SERVER and friends in production.
    MAIL_SERVER = ""
    MAIL_PORT = 587
    MAIL_USE_TLS = True
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_FROM = "Ponte <noreply@ponte.invalid>"

    # Accompaniment: files an association hands in for review.
    SUBMISSION_MAX_BYTES = 5 * 1024 * 1024
    SUBMISSION_MAX_FILES = 5

    # Public address of this site: Open Badges documents and QR codes point here.
    BASE_URL = "http://127.0.0.1:5000"
    BADGE_ISSUER_NAME = "Ponte"
    BADGE_ISSUER_URL = "http://127.0.0.1:5000/"
    BADGE_ISSUER_EMAIL = "badges@ponte.invalid"

    # Number of trusted reverse proxies in front of gunicorn (0: none; then X-Forwarded-* are ignored).
    PROXY_FIX_X_FOR = 0
