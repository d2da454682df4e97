"""Building complete courses through the same editing functions the views use."""

from lms.authoring import editor, services
from lms.catalog.specs import QuestionSpec


def complete_course(slug: str = "nuovo-corso", lang: str = "it"):
    """A course spec with one module, one page and one question: ready to be published."""
    spec = editor.new_course(slug, lang, "Corso nuovo", "Per provare.", 1)
    mod = editor.add_module(spec, "Primo modulo")
    mod.texts[lang]["objectives"] = ["Capire le basi"]
    editor.add_page(mod, lang, "Prima pagina", "Un testo **breve**.")
    mod.questions.append(
        QuestionSpec(
            "q1", "truefalse", {"correct": True}, {lang: {"prompt": "Un'associazione ha uno statuto?"}}
        )
    )
    return spec


def published_course(user, slug: str = "nuovo-corso"):
    version = services.create_course(complete_course(slug), user)
    services.submit(version, user, "", False)
    services.publish(version, user)
    return version
