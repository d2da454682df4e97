"""Edits to a course spec, as pure functions: the views call these, then services.save stores the result."""

import re
import unicodedata

from lms.catalog.loader import RESERVED_PAGES, SLUG
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, QuestionSpec


class EditError(ValueError):
    """The edit refers to something the draft does not have."""


def slugify(text: str, taken: set[str], fallback: str) -> str:
    """A web address from a title: lowercase ASCII letters, digits and -, unique among `taken`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or fallback
    taken = taken | RESERVED_PAGES
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def is_slug(value: str) -> bool:
    return bool(SLUG.match(value or ""))


def new_course(slug: str, lang: str, title: str, summary: str, tier: int) -> CourseSpec:
    texts = {"title": title.strip()}
    if summary.strip():
        texts["summary"] = summary.strip()
    return CourseSpec(
        slug=slug,
        tier=tier,
        sequential=True,
        position=100,
        source_language=lang,
        requires=[],
        texts={lang: texts},
    )


def _find(items: list, slug: str):
    found = next((item for item in items if item.slug == slug), None)
    if found is None:
        raise EditError(slug)
    return found


def module(spec: CourseSpec, slug: str) -> ModuleSpec:
    return _find(spec.modules, slug)


def page(mod: ModuleSpec, slug: str) -> PageSpec:
    return _find(mod.pages, slug)


def question(mod: ModuleSpec, slug: str) -> QuestionSpec:
    return _find(mod.questions, slug)


def add_module(spec: CourseSpec, title: str) -> ModuleSpec:
    slug = slugify(title, {m.slug for m in spec.modules}, "modulo")
    new = ModuleSpec(
        slug=slug, estimated_minutes=15, pass_mark=60, max_attempts=None, shuffle=True, draw_count=None,
        texts={spec.source_language: {"title": title.strip(), "objectives": []}},
    )  # fmt: skip
    spec.modules.append(new)
    return new


def add_page(mod: ModuleSpec, lang: str, title: str, body: str) -> PageSpec:
    slug = slugify(title, {p.slug for p in mod.pages}, "pagina")
    new = PageSpec(slug)
    set_page_text(new, lang, title, body)
    mod.pages.append(new)
    return new


def clean_body(body: str) -> str:
    """Line endings as in the files, no trailing blanks, one final newline (as the loader reads pages)."""
    return "\n".join(line.rstrip() for line in body.strip().splitlines()) + "\n"


def set_page_text(target: PageSpec, lang: str, title: str, body: str) -> None:
    target.texts[lang] = (" ".join(title.split()), clean_body(body))


def stamp_page(mod: ModuleSpec, target: PageSpec, lang: str, source: str) -> None:
    """Record that the translation into lang was made from the current source page."""
    stamp = mod.translated_from.setdefault(lang, {"texts": None, "pages": {}})
    stamp["pages"][target.slug] = target.fingerprint(source)


def stamp_words(mod: ModuleSpec, lang: str, source: str) -> None:
    stamp = mod.translated_from.setdefault(lang, {"texts": None, "pages": {}})
    stamp["texts"] = mod.words_fingerprint(source)


def move(items: list, slug: str, step: int) -> None:
    """Move the item with this slug one place up (-1) or down (+1)."""
    index = next((i for i, item in enumerate(items) if item.slug == slug), None)
    if index is None:
        raise EditError(slug)
    other = index + step
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]


def remove(items: list, slug: str) -> None:
    """Take an item out of the draft; once published, learners' history of it is kept (retired)."""
    before = len(items)
    items[:] = [item for item in items if item.slug != slug]
    if len(items) == before:
        raise EditError(slug)


def forget_page_stamps(mod: ModuleSpec, slug: str) -> None:
    for stamp in mod.translated_from.values():
        stamp.get("pages", {}).pop(slug, None)


def prune_translations(target: QuestionSpec, source: str) -> None:
    """Drop other languages' labels for options the question no longer has (added ones stay missing)."""
    from lms.catalog.questions import feedback_keys, labels_needed

    groups = labels_needed(target.kind, target.spec)
    allowed_feedback = feedback_keys(target.kind, target.spec)
    for lang, words in target.texts.items():
        if lang == source:
            continue
        for group in ("options", "items", "left", "right"):
            if group in words:
                if group in groups:
                    words[group] = {k: v for k, v in words[group].items() if k in groups[group]}
                else:
                    del words[group]
        if "feedback" in words:
            words["feedback"] = {k: v for k, v in words["feedback"].items() if k in allowed_feedback}
            if not words["feedback"]:
                del words["feedback"]
        if target.kind != "text":
            words.pop("accept", None)
