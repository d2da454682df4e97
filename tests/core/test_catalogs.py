"""The interface catalogs: extraction up to date, every shipped language complete, placeholders kept."""

import pytest

from lms.config import ROOT, Config
from lms.core import i18n_checks


def test_extraction_is_up_to_date():
    stale = i18n_checks.extracted_ids(ROOT) ^ i18n_checks.template_ids(ROOT)
    assert stale == set(), "run `make i18n-update` and translate the new messages"


@pytest.mark.parametrize("lang", list(Config.LANGUAGES))
def test_shipped_language_is_complete_with_same_placeholders(lang):
    coverage, problems = i18n_checks.catalog_problems(ROOT, lang)
    assert problems == []
    assert coverage.percent == 100.0


def test_placeholder_mismatch_is_caught(tmp_path):
    (tmp_path / "translations/xx/LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "translations/messages.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Hello, %(name)s!"\nmsgstr ""\n\nmsgid "Bye"\nmsgstr ""\n'
    )
    (tmp_path / "translations/xx/LC_MESSAGES/messages.po").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Hello, %(name)s!"\nmsgstr "Ciao, %(nome)s!"\n\n'
        '#, fuzzy\nmsgid "Bye"\nmsgstr "Ciao"\n'
    )
    coverage, problems = i18n_checks.catalog_problems(tmp_path, "xx")
    assert coverage.translated == 1
    assert any("placeholders differ" in p for p in problems)
    assert any("not translated: 'Bye'" in p for p in problems)


def test_cli_reports_coverage(app):
    result = app.test_cli_runner().invoke(args=["lms", "i18n-check"])
    assert "  it  100.0%" in result.output
