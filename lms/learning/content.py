"""Which language a learner reads a module in, and the notice when it is not their own."""

from dataclasses import dataclass

from flask import current_app, request

from lms.catalog.models import Module
from lms.catalog.services import pick_language
from lms.core.i18n import get_locale


@dataclass
class ContentLanguage:
    lang: str  # the language the module is shown in
    wanted: str  # the learner's interface language
    available: list[str]

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.wanted


def content_language(module: Module) -> ContentLanguage:
    """Use ?content= if the module has it, else the interface language, else the fallback chain."""
    wanted = str(get_locale())
    available = module.languages
    chosen = request.args.get("content")
    if chosen not in available:
        chosen = pick_language(available, wanted, current_app.config["CONTENT_FALLBACK"])
    return ContentLanguage(chosen, wanted, available)
