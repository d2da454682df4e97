"""Editing a module and its pages in the course's source language, with a preview that needs no JavaScript."""

from flask import abort, flash, redirect, render_template, request, url_for

from lms.auth.access import role_required
from lms.authoring import editor
from lms.authoring.forms import ConfirmForm, ModuleForm, NewPageForm, PageForm, UploadForm
from lms.authoring.views import bp
from lms.authoring.views.common import check_can_edit, current, page_form_step, save_edit, saved
from lms.core.i18n import _

STAFF = ("trainer", "admin")


@bp.route("/author/<slug>/modules/<module>/", methods=["GET", "POST"])
@role_required(*STAFF)
def module(slug, module):
    now = current(slug)
    mod = now.module(module)
    words = mod.texts.get(now.source, {"title": "", "objectives": []})
    form = ModuleForm(
        title=words["title"],
        objectives="\n".join(words["objectives"]),
        estimated_minutes=mod.estimated_minutes,
    )
    if form.validate_on_submit():

        def change(spec):
            target = editor.module(spec, module)
            target.texts[spec.source_language] = {
                "title": form.title.data.strip(),
                "objectives": [line.strip() for line in form.objectives.data.splitlines() if line.strip()],
            }
            target.estimated_minutes = form.estimated_minutes.data

        if save_edit(slug, change, f"module {module}"):
            return saved(url_for(".module", slug=slug, module=module))
    return render_template(
        "authoring/module.html",
        now=now,
        mod=mod,
        form=form,
        page_form=NewPageForm(prefix="page"),
        confirm=ConfirmForm(),
    )


@bp.post("/author/<slug>/modules/<module>/pages")
@role_required(*STAFF)
def add_page(slug, module):
    now = current(slug)
    now.module(module)
    form = NewPageForm(prefix="page")
    if not form.validate_on_submit():
        flash(_("Write the new page's title."), "error")
        return redirect(url_for(".module", slug=slug, module=module))
    added = {}

    def change(spec):
        placeholder = _("Write the text of this page here.")
        added["page"] = editor.add_page(
            editor.module(spec, module), spec.source_language, form.title.data, placeholder
        )

    if save_edit(slug, change, f"module {module}: new page {form.title.data}", "added"):
        return redirect(url_for(".page", slug=slug, module=module, page=added["page"].slug))
    return redirect(url_for(".module", slug=slug, module=module))


@bp.route("/author/<slug>/modules/<module>/pages/<page>", methods=["GET", "POST"])
@role_required(*STAFF)
def page(slug, module, page):
    now = current(slug)
    mod = now.module(module)
    target = now.page(mod, page)
    title, body = target.texts.get(now.source, ("", ""))
    form = PageForm(title=title, body=body)
    done, preview = page_form_step(
        slug, module, page, now.source, form, url_for(".page", slug=slug, module=module, page=page)
    )
    if done:
        return done
    return render_template(
        "authoring/page.html", now=now, mod=mod, page=target, form=form, preview=preview, upload=UploadForm()
    )


@bp.post("/author/<slug>/modules/<module>/pages/<page>/<any(up, down, delete):action>")
@role_required(*STAFF)
def page_action(slug, module, page, action):
    check_can_edit(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)

    def change(spec):
        mod = editor.module(spec, module)
        if action == "delete":
            editor.remove(mod.pages, page)
            editor.forget_page_stamps(mod, page)
        else:
            editor.move(mod.pages, page, -1 if action == "up" else 1)

    if save_edit(slug, change, f"module {module}: page {page}", "deleted" if action == "delete" else "moved"):
        flash(_("Saved in the draft. Learners see it once it is published."), "success")
    return redirect(url_for(".module", slug=slug, module=module))


@bp.post("/author/preview")
@role_required(*STAFF)
def live_preview():
    """The sanitised HTML of some Markdown, for the editor's live preview (the same renderer as learners')."""
    from lms.core.markdown import render_markdown

    return render_markdown(request.form.get("text", "")[:50_000])
