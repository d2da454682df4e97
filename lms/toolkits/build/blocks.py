"""A small Markdown subset for templates: headings, paragraphs, lists, bold, page breaks."""

import re
from dataclasses import dataclass

Run = tuple[str, bool]  # (text, bold)


@dataclass
class Block:
    kind: str  # heading | paragraph | bullet | number | pagebreak
    runs: list[Run]
    level: int = 0  # heading level, or the item's number in a numbered list


def runs(text: str) -> list[Run]:
    """Split **bold** spans from plain text."""
    parts = re.split(r"(\*\*[^*]+\*\*)", text)
    return [(p[2:-2], True) if p.startswith("**") and p.endswith("**") else (p, False) for p in parts if p]


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", runs(" ".join(paragraph))))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        bullet = re.match(r"^[-*]\s+(.*)$", line)
        number = re.match(r"^(\d+)[.)]\s+(.*)$", line)
        if not line:
            flush()
        elif line == "---":
            flush()
            blocks.append(Block("pagebreak", []))
        elif heading:
            flush()
            blocks.append(Block("heading", runs(heading.group(2)), len(heading.group(1))))
        elif bullet:
            flush()
            blocks.append(Block("bullet", runs(bullet.group(1))))
        elif number:
            flush()
            blocks.append(Block("number", runs(number.group(2)), int(number.group(1))))
        else:
            paragraph.append(line)
    flush()
    return blocks
