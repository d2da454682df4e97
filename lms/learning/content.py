"""Which language a learner reads a module in; notices when it is not theirs or is outdated."""

from dataclasses import dataclass

from flask import current_app, request, session

from lms.catalog.models import Module, Page
from lms.catalog.services import pick_language
from lms.core.i18n import current_language

#: Session key of the version the learner picked last (used when their language is missing).
CHOSEN = "content_lang"


@dataclass
class ContentLanguage:
    lang: str  # the language the module is shown in
    wanted: str  # the learner's interface language
    available: list[str]
    source: str  # the language translations are made from
    explicit: bool  # chosen with ?content= (then links keep it)

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.wanted


def content_language(module: Module) -> ContentLanguage:
    """Use ?content= if the module has it, else the interface language, else the learner's last
    choice, else the configured fallback (Italian, then English)."""
    wanted = current_language()
    available = module.languages
    chosen = request.args.get("content")
    explicit = chosen in available
    if explicit:
        session[CHOSEN] = chosen
    else:
        fallback = (session.get(CHOSEN), *current_app.config["CONTENT_FALLBACK"])
        chosen = pick_language(available, wanted, [lang for lang in fallback if lang])
    return ContentLanguage(chosen, wanted, available, module.course.source_language, explicit)


def page_is_outdated(page: Page, lang: str, source: str) -> bool:
    """A translation is outdated when the source page changed after it was translated."""
    if lang == source or lang not in page.texts or source not in page.texts:
        return False
    return page.texts[lang].source_hash != page.texts[source].content_hash


def module_is_outdated(module: Module, lang: str, source: str) -> bool:
    """Outdated when the source title, objectives or quiz words changed after translation."""
    if lang == source or lang not in module.texts or source not in module.texts:
        return False
    return module.texts[lang].source_hash != module.texts[source].words_hash
