"""Writing specs back to course files: loading what was written gives the same specs."""

import dataclasses
from pathlib import Path

import pytest
import yaml

from lms.catalog import loader, writer
from lms.catalog.specs import CourseSpec, ModuleSpec, PageSpec, QuestionSpec, TermSpec
from tests.factories import TEST_COURSES

SHIPPED = Path(__file__).parents[2] / "courses"


def comparable(course: CourseSpec) -> CourseSpec:
    """The course without where `requires` happened to be in the original file (it may be absent there)."""
    return dataclasses.replace(course, requires_line=0)


def export(courses: list[CourseSpec], tree: Path, glossary: list[TermSpec] | None = None) -> Path:
    for course in courses:
        writer.write_course(course, tree / course.slug)
    if glossary:
        for name, text in writer.glossary_files(glossary).items():
            (tree / loader.glossary_files.SHARED_FOLDER).mkdir(parents=True, exist_ok=True)
            (tree / loader.glossary_files.SHARED_FOLDER / name).write_text(text, encoding="utf-8")
    return tree


@pytest.mark.parametrize("source", [SHIPPED, TEST_COURSES], ids=["shipped", "test-courses"])
def test_round_trip(source, tmp_path):
    courses, problems = loader.load_courses(source)
    glossary, glossary_problems = loader.load_shared_glossary(source)
    assert courses and glossary and problems == glossary_problems == []

    tree = export(courses, tmp_path / "courses", glossary)
    again, problems = loader.load_courses(tree)
    again_glossary, glossary_problems = loader.load_shared_glossary(tree)

    assert problems == glossary_problems == []
    assert [c.slug for c in again] == [c.slug for c in courses]
    for original, written in zip(courses, again, strict=True):
        assert comparable(written) == comparable(original), original.slug
    assert again_glossary == glossary
    # Writing what was read back gives the same text: the output is deterministic and stable.
    for original, written in zip(courses, again, strict=True):
        assert writer.course_files(written) == writer.course_files(original)
    assert writer.glossary_files(again_glossary) == writer.glossary_files(glossary)


def test_shipped_layout_keeps_requires_line(tmp_path):
    courses, _ = loader.load_courses(SHIPPED)
    again, _ = loader.load_courses(export(courses, tmp_path / "courses"))
    assert again == courses


def test_page_file_is_title_blank_line_body():
    page = PageSpec("uno", {"it": ("Titolo", "Primo paragrafo.\n\n- punto\n")})
    assert writer.page_text(page, "it") == "# Titolo\n\nPrimo paragrafo.\n\n- punto\n"


def test_files_of_a_course_folder():
    courses, _ = loader.load_courses(TEST_COURSES / "basi")
    files = writer.course_files(courses[0])
    assert list(files)[:3] == ["course.yaml", "course.en.yaml", "course.it.yaml"]
    assert {"glossary.yaml", "glossary.it.yaml", "primo/module.yaml", "primo/module.en.yaml"} <= set(files)
    assert {"primo/uno.it.md", "primo/due.en.md", "secondo/solo.it.md"} <= set(files)
    assert "pages: [uno, due]" in files["primo/module.yaml"]
    assert "  - primo\n" in files["course.yaml"]
    stamp = files["primo/module.en.yaml"]
    assert stamp.index("translated_from:") > stamp.index("questions:")
    assert "# Written by `flask lms stamp-translations`" in stamp


TRICKY = [
    "Dice: \"ciao\" e 'arrivederci'",
    "Colonna: valore",
    "# non è un commento",
    "- non è una lista",
    "no",
    "yes",
    "y",
    "n",
    "on",
    "off",
    "null",
    "~",
    "7",
    "1:20",
    "2026-01-01",
    "&ancora *alias !tag %25 @ `",
    "[non] {una} lista, davvero",
    "لماذا نؤسس جمعية: «سؤال»؟",
]
MULTILINE = "Riga uno: con due punti.\n\n- punto uno\n  rientrato\n# titolo?\nRiga con spazio finale \nfine"


def tricky_course() -> CourseSpec:
    words_it = {
        "prompt": "no",
        "options": {"no": "No", "y": "y", "on": "on", "1": "# uno", "true": "- vero"},
        "feedback": {"no": 'Giusto: "no" è giusto.', "y": MULTILINE},
        "explanation": MULTILINE,
    }
    words_ar = {
        "prompt": "هل هذا صحيح؟ نعم: «لا»",
        "options": {"no": "لا", "y": "نعم", "on": "on", "1": "١", "true": "صحيح"},  # noqa: RUF001
        "feedback": {"no": "صحيح.", "y": "لا.\n\nالسطر الثاني"},  # noqa: RUF001
    }
    module = ModuleSpec(
        slug="no",
        estimated_minutes=12,
        pass_mark=0,
        max_attempts=None,
        shuffle=False,
        draw_count=3,
        texts={
            "it": {"title": 'Titolo: "citato" # davvero', "objectives": TRICKY},
            "ar": {"title": "لماذا نؤسس جمعية", "objectives": ["- أن تشرح", "no"]},
        },
        pages=[
            PageSpec(
                "on",
                {
                    "it": ("# Titolo con cancelletto: sì", "# Sottotitolo\n\n- punto\n\n" + MULTILINE + "\n"),
                    "ar": ("عنوان", "نص: «مرحبا»\n"),
                },
            ),
            PageSpec("y", {"it": ("no", "no\n"), "ar": ("لا", "لا\n")}),
        ],
        questions=[
            QuestionSpec(
                "yes",
                "single",
                {"options": ["no", "y", "on", "1", "true"], "correct": ["no"]},
                {"it": words_it, "ar": words_ar},
            ),
            QuestionSpec(
                "off",
                "truefalse",
                {"correct": False},
                {
                    "it": {"prompt": "Vero?", "feedback": {"true": "no", "false": "yes"}},
                    "ar": {"prompt": "صحيح؟", "feedback": {"true": "لا", "false": "نعم"}},
                },
            ),
            QuestionSpec(
                "n",
                "text",
                {"accept": ["7", "no", " spazi ", "1:20"]},
                {
                    "it": {"prompt": "Quanti?", "accept": ["sette", "y"]},
                    "ar": {"prompt": "كم؟", "accept": ["٧"]},  # noqa: RUF001
                },
            ),
            QuestionSpec(
                "ordine",
                "ordering",
                {"items": ["off", "on", "2"]},
                {
                    "it": {"prompt": "Ordina.", "items": {"off": "off", "on": "on", "2": "- due"}},
                    "ar": {"prompt": "رتّب.", "items": {"off": "أ", "on": "ب", "2": "ج"}},
                },
            ),
            QuestionSpec(
                "abbina",
                "matching",
                {"pairs": {"yes": "no", "true": "null"}, "distractors": ["n"]},
                {
                    "it": {
                        "prompt": "Abbina: tutto.",
                        "left": {"yes": "yes", "true": "true"},
                        "right": {"no": "no", "null": "null", "n": "~"},
                    },
                    "ar": {
                        "prompt": "اربط.",
                        "left": {"yes": "نعم", "true": "صحيح"},
                        "right": {"no": "لا", "null": "لا شيء", "n": "ن"},
                    },
                },
            ),
        ],
        translated_from={
            "ar": {"texts": "012345678901", "pages": {"on": "0e1234567890", "y": "0e12345678ab"}}
        },
    )
    return CourseSpec(
        slug="corso-difficile",
        tier=3,
        sequential=False,
        position=42,
        source_language="it",
        requires=[],
        path="courses/corso-difficile/course.yaml",
        texts={
            "it": {"title": 'Corso: "difficile" # sì', "summary": MULTILINE},
            "ar": {"title": "دورة: صعبة", "summary": "- ملخص\n\nفقرة ثانية: نعم"},
        },
        modules=[module],
        glossary=[
            TermSpec("no", "no", ["no"], {"it": "no", "ar": "لا: «لا»"}),
            TermSpec("on", "on: off", ["on", "off", "y", "a, b"], {"it": MULTILINE}),
        ],
    )


def test_tricky_strings_survive(tmp_path):
    course = tricky_course()
    writer.write_course(course, tmp_path / "courses" / course.slug)
    again, problems = loader.load_courses(tmp_path / "courses")
    assert problems == []
    assert comparable(again[0]) == comparable(course)


def test_tricky_strings_stay_strings_for_any_yaml_reader():
    files = writer.course_files(tricky_course())
    # PyYAML's own reader follows YAML 1.1: yes/no/on/off are booleans there unless quoted.
    structure = yaml.safe_load(files["no/module.yaml"])
    assert structure["quiz"]["questions"][0]["options"] == ["no", "y", "on", "1", "true"]
    assert structure["quiz"]["questions"][0]["correct"] == "no"
    assert structure["quiz"]["questions"][1]["correct"] is False
    assert structure["quiz"]["questions"][4]["pairs"] == {"yes": "no", "true": "null"}
    words = yaml.safe_load(files["no/module.it.yaml"])
    assert words["objectives"] == TRICKY
    assert words["questions"]["off"]["feedback"] == {"true": "no", "false": "yes"}
    assert yaml.safe_load(files["course.yaml"])["modules"] == ["no"]
    # Fingerprints that YAML 1.2 readers would take for numbers are quoted.
    assert "texts: '012345678901'" in files["no/module.ar.yaml"]
    assert "'on': '0e1234567890'" in files["no/module.ar.yaml"]
    for name, text in files.items():
        if name.endswith(".yaml"):
            for line in text.splitlines():
                assert not line.rstrip().endswith((": y", ": n", ": no", ": yes", "- y", "- on")), (
                    name,
                    line,
                )


def test_output_is_readable():
    files = writer.course_files(tricky_course())
    words = files["no/module.ar.yaml"]
    assert "لماذا نؤسس جمعية" in words  # Unicode as is, not \u escapes
    assert (
        "summary: |-\n  - ملخص\n\n  فقرة ثانية: نعم\n" in files["course.ar.yaml"]
    )  # multi-line: literal block
    assert 'summary: "Riga uno' in files["course.it.yaml"]  # ...or quoted, when a line ends with a space
    glossary = writer.glossary_files(loader.load_shared_glossary(SHIPPED)[0])
    longest = max(glossary["glossary.it.yaml"].splitlines(), key=len)
    assert len(longest) > 200  # long definitions stay on one line
    assert "&id" not in "".join(files.values())


def test_output_is_deterministic():
    assert writer.course_files(tricky_course()) == writer.course_files(tricky_course())


def test_identifiers_that_are_not_file_names_are_refused():
    course = tricky_course()
    course.modules[0].slug = "../fuori"
    with pytest.raises(ValueError, match="not a valid identifier"):
        writer.course_files(course)


def test_written_tree_passes_check_courses(app, tmp_path):
    courses, _ = loader.load_courses(SHIPPED)
    glossary, _ = loader.load_shared_glossary(SHIPPED)
    tree = export([*courses, tricky_course()], tmp_path / "courses", glossary)

    loaded, problems = loader.load_courses(tree)
    assert problems + loader.check_prerequisites(loaded, set()) == []

    result = app.test_cli_runner().invoke(args=["lms", "check-courses", str(tree)])
    assert result.exit_code == 0, result.output
    assert f"OK: {len(courses) + 1} course(s)" in result.output
