"""Course files: every problem names its file and line, and a broken course changes nothing."""

import shutil
from pathlib import Path

import pytest

from lms.catalog import loader
from tests.factories import TEST_COURSES

SHIPPED = Path(__file__).parents[2] / "courses"


@pytest.fixture
def tree(tmp_path) -> Path:
    """A writable copy of the test courses."""
    target = tmp_path / "courses"
    shutil.copytree(TEST_COURSES, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def problems_of(tree: Path) -> list[str]:
    courses, problems = loader.load_courses(tree)
    problems += loader.check_prerequisites(courses, set())
    return [str(p) for p in problems]


def test_shipped_courses_have_no_problems():
    courses, problems = loader.load_courses(SHIPPED)
    assert problems == []
    assert courses, "the project ships at least one course"


def test_test_courses_have_no_problems(tree):
    assert problems_of(tree) == []


# (file to edit, text to replace, replacement, expected "file:line: message" fragment)
BROKEN = [
    ("basi/course.yaml", "tier: 1", "tier: 7", "basi/course.yaml:1: 'tier' must be a whole number"),
    ("basi/course.yaml", "order: sequential", "order: random", "basi/course.yaml:2: 'order' must be"),
    (
        "basi/course.yaml",
        "modules: [primo, secondo]",
        "modules: [primo, secondo, terzo]",
        "basi/course.yaml:3: module folder 'terzo' does not exist",
    ),
    ("basi/course.yaml", "tier: 1", "tier: 1\ncolour: red", "basi/course.yaml:2: unknown key 'colour'"),
    (
        "basi/course.yaml",
        "modules: [primo, secondo]",
        "modules: [primo, secondo",
        "basi/course.yaml:4: YAML syntax",
    ),
    (
        "basi/primo/module.yaml",
        "correct: sette",
        "correct: otto",
        "basi/primo/module.yaml:11: correct answer 'otto' is not one of the options",
    ),
    (
        "basi/primo/module.yaml",
        "type: truefalse",
        "type: essay",
        "basi/primo/module.yaml:17: 'type' must be one of",
    ),
    (
        "basi/primo/module.yaml",
        "pass_mark: 70",
        "pass_mark: 170",
        "basi/primo/module.yaml:4: 'pass_mark' must be",
    ),
    (
        "basi/primo/module.yaml",
        "pages: [uno, due]",
        "pages: [uno, due, tre]",
        "basi/primo/tre.it.md:1: file is missing",
    ),
    (
        "basi/primo/module.yaml",
        "- id: documenti",
        "- id: fondatori",
        "basi/primo/module.yaml:12: question id 'fondatori' is used twice",
    ),
    (
        "basi/primo/module.it.yaml",
        "    prompt: Quali documenti firmate?\n",
        "",
        "basi/primo/module.it.yaml:12: the question has no 'prompt'",
    ),
    (
        "basi/primo/module.en.yaml",
        "statuto: Statuto, passaporto: Passport",
        "statuto: Statuto",
        "basi/primo/module.en.yaml:14: 'options' has no label for 'passaporto'",
    ),
    (
        "basi/primo/module.it.yaml",
        "      due: No, troppo poche.",
        "      quattro: Quattro.",
        "basi/primo/module.it.yaml:11: feedback for 'quattro', which is not an option",
    ),
    (
        "basi/primo/module.it.yaml",
        "objectives:\n  - Capire le basi\n",
        "",
        "basi/primo/module.it.yaml:1: 'objectives' must be a non-empty list",
    ),
    (
        "basi/primo/uno.en.md",
        "# Page one",
        "Page one",
        "basi/primo/uno.en.md:1: a page starts with its title",
    ),
    (
        "avanzato/course.yaml",
        "requires: [basi]",
        "requires: [nessuno]",
        "avanzato/course.yaml:3: required course 'nessuno' does not exist",
    ),
    (
        "basi/course.yaml",
        "order: sequential",
        "order: sequential\nrequires: [avanzato]",
        "basi/course.yaml:3: courses require each other in a circle",
    ),
    (
        "avanzato/unico/module.yaml",
        "draw: 1",
        "draw: 5",
        "avanzato/unico/module.yaml:3: 'draw' is larger than the number of questions",
    ),
    ("basi/primo/module.yaml", "pages: [uno, due]", "pages: [uno, quiz]", "'quiz' cannot be a page name"),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"), BROKEN, ids=[b[3].split(": ", 1)[-1][:40] for b in BROKEN]
)
def test_broken_file_is_reported_with_file_and_line(tree, file, old, new, expected):
    edit(tree / file, old, new)
    found = problems_of(tree)
    assert any(expected in p for p in found), found


def test_duplicate_yaml_key_is_reported(tree):
    edit(tree / "basi/course.it.yaml", "title: Le basi", "title: Le basi\ntitle: Ancora")
    assert any("basi/course.it.yaml:2: YAML syntax: duplicate key 'title'" in p for p in problems_of(tree))


def test_page_in_a_language_without_module_text(tree):
    (tree / "basi/primo/uno.fr.md").write_text("# Une\n\nTexte.\n")
    assert any("uno.fr.md:1: there is no module.fr.yaml" in p for p in problems_of(tree))


def test_unlisted_page_and_module_folder(tree):
    (tree / "basi/primo/extra.it.md").write_text("# Extra\n\nx\n")
    (tree / "basi/vecchio").mkdir()
    found = problems_of(tree)
    assert any("'extra.it.md' is not listed in 'pages'" in p for p in found)
    assert any("folder 'vecchio' is not listed in 'modules'" in p for p in found)


def test_yes_and_no_stay_strings(tree):
    """YAML 1.1 would turn an option called `no` into False; ours keeps it an identifier."""
    courses, problems = loader.load_courses(tree)
    secondo = next(c for c in courses if c.slug == "basi").modules[1]
    assert problems == []
    assert secondo.questions[1].spec == {"options": ["si", "no"], "correct": ["si"]}


def test_structure_and_words_are_separate(tree):
    courses, _ = loader.load_courses(tree)
    primo = courses[1].modules[0] if courses[0].slug == "avanzato" else courses[0].modules[0]
    question = primo.questions[0]
    assert question.spec["correct"] == ["sette"]
    assert set(question.texts) == {"it", "en"}
    assert question.texts["en"]["options"]["sette"] == "7 people"
