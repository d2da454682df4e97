"""Hostile Markdown written by an author never runs in a learner's real browser."""

from tests.core.test_markdown import XSS_VECTORS

EXTRA = [
    "<svg><script>window.__xss = 1</script></svg>",
    '<img src=x onerror="window.__xss = 1">',
    "[x](javascript:window.__xss=1)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<div style="background-image:url(javascript:alert(1))">x</div>',
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    '"><script>alert(1)</script>',
    "`<script>alert(1)</script>`",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
]


def test_hostile_page_runs_nothing_in_chromium(db, courses, live_server, phone, login_as_page):
    page_text = courses[0].active_modules[0].active_pages[0].texts["it"]
    page_text.body = "\n\n".join(XSS_VECTORS + EXTRA) + "\n\nFine della pagina.\n"
    db.session.commit()
    dialogs, errors = [], []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.on("pageerror", lambda error: errors.append(str(error)))
    login_as_page(phone, live_server)
    phone.goto(live_server + "/courses/basi/primo/uno")
    phone.wait_for_load_state("networkidle")
    for link in phone.locator("article.lesson a").all():
        href = link.get_attribute("href") or ""
        assert not href.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")), href
    assert "Fine della pagina." in phone.locator("article.lesson").inner_text()
    assert phone.evaluate("window.__xss === undefined")
    assert phone.locator("article.lesson script, article.lesson iframe, article.lesson svg").count() == 0
    assert dialogs == []


def test_hostile_text_in_the_editor_preview_runs_nothing(db, courses, live_server, phone, login_as_page):
    dialogs, errors = [], []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.on("pageerror", lambda error: errors.append(str(error)))
    login_as_page(phone, live_server, "redattrice", role="admin")
    phone.goto(live_server + "/author/basi/modules/primo/pages/uno")
    phone.fill("textarea[name=body]", "\n\n".join(XSS_VECTORS + EXTRA) + "\n\nFine della prova.")
    phone.click("button[value=preview]")
    phone.wait_for_load_state("networkidle")
    assert "Fine della prova." in phone.locator(".preview").inner_text()
    assert phone.evaluate("window.__xss === undefined")
    assert phone.locator(".preview script, .preview iframe, .preview svg").count() == 0
    assert dialogs == []
