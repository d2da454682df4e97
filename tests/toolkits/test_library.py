"""The toolkit library page, downloads, module pages and the build command."""

from datetime import date
from pathlib import Path

import pytest

from lms.toolkits import services
from tests import factories


@pytest.fixture
def toolkits(app, db, courses, tmp_path):
    app.config["TOOLKITS_DIR"] = str(tmp_path / "toolkits")
    lines, problems = services.build_all(
        factories.TEST_COURSES, Path(app.config["TOOLKITS_DIR"]), date.today()
    )
    assert problems == []
    db.session.commit()
    return lines


def test_library_lists_toolkits_by_tier_and_topic_with_type_and_size(client, toolkits):
    html = client.get("/toolkits/?lang=en").get_data(as_text=True)
    assert "Test statute" in html and "Lista di prova" in html  # English where written, else Italian
    assert "legal model" in html
    assert "Founding the association" in html and "Money and accounts" in html
    assert 'href="/toolkits/cassa-prova/cassa-prova.xlsx"' in html
    assert "Excel spreadsheet" in html and "(.xlsx," in html and " kB)" in html


def test_download_serves_the_generated_file(client, toolkits):
    response = client.get("/toolkits/cassa-prova/cassa-prova.xlsx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data[:2] == b"PK"
    response.close()


@pytest.mark.parametrize(
    "url",
    [
        "/toolkits/cassa-prova/cassa-prova.exe",
        "/toolkits/cassa-prova/statuto-prova.docx",
        "/toolkits/nessuno/x.pdf",
        "/toolkits/cassa-prova/..%2F..%2Fsecret_key",
        "/toolkits/cassa-prova/",
    ],
)
def test_only_files_of_the_toolkit_are_served(client, toolkits, url):
    assert client.get(url).status_code == 404


def test_module_page_offers_its_toolkits(client, toolkits, login_as):
    login_as()
    html = client.get("/courses/basi/primo/").get_data(as_text=True)
    assert 'href="/toolkits/statuto-prova/statuto-prova.docx"' in html
    assert 'href="/toolkits/lista-prova/lista-prova.pdf"' in html
    assert "cassa-prova" not in html  # attached to another module


def test_build_command_reports_and_is_repeatable(app, db, courses, tmp_path):
    app.config["TOOLKITS_DIR"] = str(tmp_path / "out")
    app.config["COURSES_DIR"] = str(factories.TEST_COURSES)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["lms", "build-toolkits"])
    assert first.exit_code == 0, first.output
    assert "statuto-prova: statuto-prova.docx, statuto-prova.odt" in first.output
    assert runner.invoke(args=["lms", "build-toolkits"]).exit_code == 0
    assert len(services.library()) == 4


def test_toolkit_attached_to_a_missing_module_builds_nothing(app, db, tmp_path):
    factories.import_test_courses()
    factories.course("basi").modules[0].retired = True
    db.session.commit()
    lines, problems = services.build_all(factories.TEST_COURSES, tmp_path, date.today())
    assert lines == [] and any("module 'basi/primo' does not exist" in str(p) for p in problems)
    assert services.library() == []
