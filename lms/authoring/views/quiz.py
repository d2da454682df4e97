"""The quiz editor: settings (pass mark, attempts, shuffle, draw) and one form per question."""

from flask import abort, flash, redirect, render_template, request, url_for

from lms.auth.access import role_required
from lms.authoring import editor
from lms.authoring.forms import ConfirmForm, QuizSettingsForm
from lms.authoring.quiz_forms import KIND_LABELS, QuestionError, QuestionForm, blank_form_data, build
from lms.authoring.views import bp
from lms.authoring.views.common import check_can_edit, current, save_edit, saved
from lms.catalog.questions import KINDS
from lms.catalog.specs import QuestionSpec
from lms.core.i18n import _, ngettext

STAFF = ("trainer", "admin")


@bp.route("/author/<slug>/modules/<module>/quiz", methods=["GET", "POST"])
@role_required(*STAFF)
def quiz(slug, module):
    now = current(slug)
    mod = now.module(module)
    form = QuizSettingsForm(
        pass_mark=mod.pass_mark,
        max_attempts=mod.max_attempts or 0,
        shuffle=mod.shuffle,
        draw_count=mod.draw_count,
    )
    if form.validate_on_submit():
        if form.draw_count.data and form.draw_count.data > len(mod.questions):
            count = len(mod.questions)
            form.draw_count.errors.append(
                ngettext("There is only %(num)d question.", "There are only %(num)d questions.", count)
            )
        else:

            def change(spec):
                target = editor.module(spec, module)
                target.pass_mark, target.shuffle = form.pass_mark.data, form.shuffle.data
                target.max_attempts = form.max_attempts.data or None
                target.draw_count = form.draw_count.data or None

            if save_edit(slug, change, f"module {module}: quiz settings"):
                return saved(url_for(".quiz", slug=slug, module=module))
    return render_template(
        "authoring/quiz.html", now=now, mod=mod, form=form, kinds=KIND_LABELS, confirm=ConfirmForm()
    )


@bp.route("/author/<slug>/modules/<module>/quiz/new/<kind>", methods=["GET", "POST"])
@bp.route("/author/<slug>/modules/<module>/quiz/<question>", methods=["GET", "POST"])
@role_required(*STAFF)
def question(slug, module, kind=None, question=None):
    now = current(slug)
    mod = now.module(module)
    existing = _question_or_404(mod, question) if question else None
    kind = existing.kind if existing else kind
    if kind not in KINDS:
        abort(404)
    form = QuestionForm(data=None if request.method == "POST" else blank_form_data(existing, now.source))
    if form.validate_on_submit():
        try:
            spec_data, words = build(kind, form, existing.spec if existing else {})
        except QuestionError as error:
            form.form_errors.append(str(error))
        else:
            if _save_question(now, mod, module, existing, kind, spec_data, words):
                return saved(url_for(".quiz", slug=slug, module=module))
    return render_template(
        "authoring/question.html",
        now=now,
        mod=mod,
        form=form,
        kind=kind,
        kind_label=KIND_LABELS[kind],
        existing=existing,
    )


def _save_question(now, mod, module, existing, kind, spec_data, words) -> bool:
    taken = {q.slug for q in mod.questions} | {"new"}
    slug = existing.slug if existing else editor.slugify(words["prompt"][:40], taken, "q")

    def change(spec):
        target_module = editor.module(spec, module)
        if existing is None:
            target = QuestionSpec(slug, kind, spec_data, {})
            target_module.questions.append(target)
        else:
            target = editor.question(target_module, slug)
            target.spec = spec_data
        target.texts[spec.source_language] = words
        editor.prune_translations(target, spec.source_language)

    action = "changed" if existing else "added"
    return save_edit(now.slug, change, f"module {module}: question {slug}", action)


@bp.post("/author/<slug>/modules/<module>/quiz/<question>/<any(up, down, delete):action>")
@role_required(*STAFF)
def question_action(slug, module, question, action):
    check_can_edit(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)

    def change(spec):
        target = editor.module(spec, module)
        if action == "delete":
            editor.remove(target.questions, question)
            if target.draw_count and target.draw_count > len(target.questions):
                target.draw_count = None
        else:
            editor.move(target.questions, question, -1 if action == "up" else 1)

    if save_edit(
        slug, change, f"module {module}: question {question}", "deleted" if action == "delete" else "moved"
    ):
        flash(_("Saved in the draft. Learners see it once it is published."), "success")
    return redirect(url_for(".quiz", slug=slug, module=module))


def _question_or_404(mod, slug):
    try:
        return editor.question(mod, slug)
    except editor.EditError:
        abort(404)
