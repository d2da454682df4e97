"""The shipped curriculum: three tiers, real quizzes, feedback in every language, tier 1 in six languages."""

import pytest

from lms.catalog import loader
from lms.catalog.questions import feedback_keys
from tests.catalog.test_loader import SHIPPED

COURSES, PROBLEMS = loader.load_courses(SHIPPED)
MODULES = [(c, m) for c in COURSES for m in c.modules]


def test_three_tiers_each_requiring_the_one_before():
    tiers = {c.tier: c for c in COURSES}
    assert sorted(tiers) == [1, 2, 3]
    assert tiers[1].requires == []
    assert tiers[2].requires == [tiers[1].slug]
    assert tiers[3].requires == [tiers[2].slug]
    assert [len(tiers[t].modules) for t in (1, 2, 3)] == [6, 6, 6]


@pytest.mark.parametrize(("course", "module"), MODULES, ids=[f"{c.slug}/{m.slug}" for c, m in MODULES])
def test_module_has_a_real_quiz_with_feedback_in_every_language(course, module):
    assert len(module.questions) >= 6
    assert len({q.kind for q in module.questions}) >= 3
    assert {"it", "en"} <= set(module.texts)
    for question in module.questions:
        wanted = feedback_keys(question.kind, question.spec)
        for lang, words in question.texts.items():
            # Every option of a choice or true/false question teaches something, in every language.
            assert set(words.get("feedback", {})) == wanted, (question.slug, lang)
    for page in module.pages:
        assert set(page.texts) == set(module.texts)


def test_every_question_type_is_used_across_the_curriculum():
    assert {q.kind for _, m in MODULES for q in m.questions} == {
        "single",
        "multiple",
        "truefalse",
        "text",
        "ordering",
        "matching",
    }


def test_tier_one_is_complete_in_six_languages():
    tier_one = next(c for c in COURSES if c.tier == 1)
    for module in tier_one.modules:
        assert {"it", "en", "ar", "fr", "bn", "uk"} <= set(module.texts), module.slug
    assert {"it", "en", "ar", "fr", "bn", "uk"} <= set(tier_one.texts)


def test_each_module_ends_with_a_what_to_do_next_checklist():
    for _, module in MODULES:
        _, body = module.pages[-1].texts["it"]
        assert "## Cosa fare adesso" in body, module.slug
        assert "## What to do next" in module.pages[-1].texts["en"][1], module.slug
