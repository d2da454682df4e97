"""Regenerate NotoSansSC-Subset.otf, the Simplified Chinese font embedded in the certificates.

The full Noto Sans CJK collection is ~19 MB; the certificates only need the learner's name and the
course texts in Simplified Chinese, so this keeps the Simplified Chinese face (Noto Sans CJK SC
Regular, CFF outlines) reduced to:

- ASCII and Latin-1 (digits, dates and Latin words inside Chinese texts),
- the 6,763 hanzi of GB2312 (levels 1 and 2: every character in everyday use in mainland names),
- CJK punctuation: CJK Symbols and Punctuation (U+3000-303F: the ideographic full stop and comma,
  the corner and book title brackets), the fullwidth forms (U+FF01-FF65: the comma, colon,
  semicolon, question mark and parentheses of Chinese text) and the general punctuation it uses
  (U+2010-2027: curly quotes, dashes, the ellipsis).

Run from the repository root (needs fontTools and Debian's fonts-noto-cjk):

    .venv/bin/python lms/core/fonts/make_cjk_subset.py [path/to/NotoSansCJK-Regular.ttc]

The output is deterministic (no timestamp is recalculated), so regenerating it from the same
source font gives the same bytes.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = Path(__file__).resolve().parent / "NotoSansSC-Subset.otf"
FACE = "NotoSansCJKsc-Regular"  # PostScript name of the Simplified Chinese face in the collection
UNUSED_FEATURES = {"locl", "valt", "vchw", "vert", "vhal", "vjmo", "vkrn", "vpal", "vrt2"}


def gb2312_hanzi() -> list[str]:
    """The 6,763 hanzi of GB2312: rows 16-55 (level 1, 3,755) and 56-87 (level 2, 3,008)."""
    chars = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:  # the five unassigned cells at the end of row 55
                continue
    return chars


def codepoints() -> list[int]:
    points = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    points |= set(range(0x2010, 0x2028)) | set(range(0x3000, 0x3040)) | set(range(0xFF01, 0xFF66))
    points |= {ord(c) for c in gb2312_hanzi()}
    return sorted(points)


def face_number(source: Path) -> int:
    collection = TTCollection(str(source), lazy=True)
    try:
        for number, font in enumerate(collection.fonts):
            if font["name"].getDebugName(6) == FACE:
                return number
    finally:
        collection.close()
    raise SystemExit(f"{FACE} not found in {source}")


def main(source: Path = SOURCE, target: Path = TARGET) -> None:
    hanzi = gb2312_hanzi()
    assert len(hanzi) == 6763, len(hanzi)
    font = TTFont(str(source), fontNumber=face_number(source), recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright, licence and version strings
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    # Horizontal Simplified Chinese only: the vertical-writing alternates and the 'locl' variants
    # for Japanese, Korean and Traditional Chinese would double the glyph count for nothing.
    options.layout_features = [f for f in options.layout_features if f not in UNUSED_FEATURES]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    missing = [c for c in hanzi if ord(c) not in font.getBestCmap()]
    if missing:
        raise SystemExit(f"{len(missing)} GB2312 hanzi are missing from the source font")
    font.save(str(target))
    font.close()
    print(f"{target}: {target.stat().st_size:,} bytes, {len(font.getGlyphOrder()):,} glyphs")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
