"""Translating in the browser: a dashboard per course, a module's words and a page side by side."""

from flask import abort, current_app, render_template, request, url_for

from lms.auth.access import role_required
from lms.authoring import editor, translating
from lms.authoring.forms import ConfirmForm, PageForm
from lms.authoring.views import bp
from lms.authoring.views.common import current, page_form_step, save_edit, saved
from lms.core.i18n import _

STAFF = ("trainer", "admin")


def _target_language(now, lang):
    if lang not in current_app.config["LANGUAGES"] or lang == now.source:
        abort(404)
    return lang


@bp.route("/author/<slug>/translations")
@role_required(*STAFF)
def translations(slug):
    now = current(slug)
    others = [code for code in current_app.config["LANGUAGES"] if code != now.source]
    lang = request.args.get("into") or next(
        (code for code in others if any(code in m.texts for m in now.spec.modules)), others[0]
    )
    _target_language(now, lang)
    rows = [(m, translating.module_status(m, lang, now.source)) for m in now.spec.modules]
    summary = {
        code: sorted({translating.module_status(m, code, now.source)["state"] for m in now.spec.modules})
        for code in others
    }
    return render_template("authoring/translations.html", now=now, lang=lang, rows=rows, summary=summary)


@bp.route("/author/<slug>/modules/<module>/translate/<into>", methods=["GET", "POST"])
@role_required(*STAFF)
def translate_words(slug, module, into):
    lang = into
    now = current(slug)
    mod = now.module(module)
    _target_language(now, lang)
    form = ConfirmForm()
    fields = translating.word_fields(mod, lang, now.source)
    if form.validate_on_submit():
        values = {k: v for k, v in request.form.items() if k != "csrf_token"}
        if not values.get("title", "").strip():
            form.form_errors.append(_("Translate at least the module's title."))
            for f in fields:
                f.value = values.get(f.name, "")
        else:

            def change(spec):
                target = editor.module(spec, module)
                translating.apply_words(target, lang, values)
                editor.stamp_words(target, lang, spec.source_language)

            if save_edit(slug, change, f"module {module}: words ({lang})", "translated"):
                return saved(url_for(".translations", slug=slug, into=lang))
    return render_template(
        "authoring/translate_words.html", now=now, mod=mod, lang=lang, fields=fields, form=form
    )


@bp.route("/author/<slug>/modules/<module>/pages/<page>/translate/<into>", methods=["GET", "POST"])
@role_required(*STAFF)
def translate_page(slug, module, page, into):
    lang = into
    now = current(slug)
    mod = now.module(module)
    _target_language(now, lang)
    target = now.page(mod, page)
    if now.source not in target.texts:
        abort(404)
    title, body = target.texts.get(lang, ("", ""))
    form = PageForm(title=title, body=body)
    done, preview = page_form_step(
        slug, module, page, lang, form, url_for(".translations", slug=slug, into=lang)
    )
    if done:
        return done
    outdated = lang in target.texts and page in translating.module_status(mod, lang, now.source)["outdated"]
    return render_template(
        "authoring/translate_page.html", now=now, mod=mod, page=target, lang=lang, form=form, preview=preview,
        outdated=outdated,
    )  # fmt: skip
