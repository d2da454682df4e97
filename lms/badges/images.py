"""Badge images: one design per course tier, carrying the course title, as SVG and as PNG.

Both formats are drawn from one list of shapes (``_design``), so the SVG served to browsers and the
PNG baked for badge backpacks look the same. The title is wrapped on at most three lines with the
metrics of Noto Sans Bold (shipped in lms/core/fonts), shrinking the font for long titles, and cut
with an ellipsis only when even the smallest size cannot hold it.

Tiers: 1 a plain round medal (green), 2 a wavy-edged seal (blue), 3 a pointed rosette (amber);
one, two or three stars under the ribbon. The motif is a bridge (Ponte): an arch over the deck.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PIL import Image, ImageDraw, ImageFont

SIZE = 512
CENTRE = SIZE / 2
FONTS = Path(__file__).resolve().parents[1] / "core" / "fonts"
BOLD_FONT = FONTS / "NotoSans-Bold.ttf"
REGULAR_FONT = FONTS / "NotoSans-Regular.ttf"
FONT_FAMILY = "Noto Sans, DejaVu Sans, sans-serif"

TIER_COLOURS = {1: "#0b5d4b", 2: "#1f4e8c", 3: "#8a3b00"}
CREAM = "#fbf7ee"
INK = "#1c232b"

# Geometry (in the 512x512 viewBox).
INNER_RADIUS = 202  # the cream disc holding the texts
TITLE_MAX_WIDTH = 300  # measured in Noto Sans Bold; the disc's chord is >= 340 across the title area
TITLE_TOP, TITLE_BOTTOM = 238, 350  # the title block is centred in this band
TITLE_SIZES = range(36, 15, -1)  # largest first
TITLE_LINE_HEIGHT = 1.2
MAX_TITLE_LINES = 3
MAX_TITLE_CHARS = 400
FEWER_LINES_SIZE_RATIO = 0.88  # two lines at 88% of the size three lines would allow are better
ELLIPSIS = "\u2026"
SUPERSAMPLING = 4  # the PNG is drawn at 4x and scaled down, for smooth edges

# Characters XML 1.0 does not allow (and that have no business in a title).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Shapes ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0


@dataclass(frozen=True)
class Line:
    """An open polyline with round caps and joins."""

    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float


@dataclass(frozen=True)
class Text:
    """One line of text centred on x, with its baseline at y."""

    x: float
    y: float
    text: str
    size: float
    fill: str
    bold: bool = True
    spacing: float = 0  # extra space between letters


Shape = Polygon | Circle | Line | Text


@dataclass(frozen=True)
class TitleLayout:
    size: int
    lines: tuple[str, ...]

    @property
    def line_height(self) -> float:
        return self.size * TITLE_LINE_HEIGHT


# Colours --------------------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    a, b = _rgb(colour), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


# Title layout ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _font(size: float, bold: bool = True) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD_FONT if bold else REGULAR_FONT), size)


def clean_title(title: str) -> str:
    """The title on one line: whitespace collapsed, characters XML cannot carry removed."""
    return " ".join(_NOT_XML.sub("", title).split())


def _balanced(words: list[str], count: int, width) -> list[str] | None:
    """``words`` on ``count`` lines: the longest line as short as possible, then the lines as even as
    possible (centred text reads best balanced). None when a line cannot fit."""
    n = len(words)
    if count > n or width(" ".join(words)) > count * TITLE_MAX_WIDTH:
        return None
    best_key, best_lines = None, None
    for breaks in itertools.combinations(range(1, n), count - 1):
        lines = [" ".join(words[a:b]) for a, b in itertools.pairwise((0, *breaks, n))]
        widths = [width(line) for line in lines]
        longest = max(widths)
        if longest > TITLE_MAX_WIDTH:
            continue
        key = (longest, sum((longest - w) ** 2 for w in widths))
        if best_key is None or key < best_key:
            best_key, best_lines = key, lines
    return best_lines


def _split_long_word(word: str, width, max_width: float) -> list[str]:
    """A word too wide for a line, cut into hyphenated pieces that fit."""
    pieces = []
    while width(word) > max_width and len(word) > 1:
        low, high = 1, len(word) - 1  # the longest piece that fits, by bisection
        while low < high:
            middle = (low + high + 1) // 2
            if width(word[:middle] + "-") <= max_width:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[:low] + "-")
        word = word[low:]
    return [*pieces, word]


def _greedy(pieces: list[str], width) -> list[str]:
    lines: list[str] = []
    for piece in pieces:
        if lines and width(f"{lines[-1]} {piece}") <= TITLE_MAX_WIDTH:
            lines[-1] = f"{lines[-1]} {piece}"
        else:
            lines.append(piece)
    return lines


def _truncate(text: str, width, max_width: float) -> str:
    while text and width(text + ELLIPSIS) > max_width:
        text = text[:-1]
    return text.rstrip(" ,;:.-") + ELLIPSIS


def _max_lines(size: int) -> int:
    return min(MAX_TITLE_LINES, int((TITLE_BOTTOM - TITLE_TOP) // (size * TITLE_LINE_HEIGHT)))


def title_layout(title: str) -> TitleLayout:
    """The font size and lines for ``title``: large, on at most three balanced lines, never wider than
    TITLE_MAX_WIDTH nor taller than the title band. Fewer lines win over a slightly larger font (the
    title's phrases stay together). Words are cut (with a hyphen) only if one is too wide even at the
    smallest size, and the title is cut (with an ellipsis) only if it cannot fit at all."""
    # Nothing past MAX_TITLE_CHARS can fit on three lines, even at the smallest size.
    words = clean_title(title)[:MAX_TITLE_CHARS].split(" ")
    if words == [""]:
        return TitleLayout(TITLE_SIZES[0], ())
    fits: dict[int, tuple[int, list[str]]] = {}  # number of lines -> the largest size, its lines
    for count in range(1, MAX_TITLE_LINES + 1):
        for size in TITLE_SIZES:
            if count > _max_lines(size):
                continue
            lines = _balanced(words, count, functools.cache(_font(size).getlength))
            if lines is not None:
                fits[count] = (size, lines)
                break
    if fits:
        largest = max(size for size, _ in fits.values())
        count = min(c for c, (size, _) in fits.items() if size >= FEWER_LINES_SIZE_RATIO * largest)
        size, lines = fits[count]
        return TitleLayout(size, tuple(lines))
    for size in TITLE_SIZES:
        width = functools.cache(_font(size).getlength)
        pieces = [piece for word in words for piece in _split_long_word(word, width, TITLE_MAX_WIDTH)]
        lines = _greedy(pieces, width)
        if len(lines) <= _max_lines(size):
            return TitleLayout(size, tuple(lines))
    # Too long even at the smallest size: keep what fits, and end with an ellipsis.
    kept = [*lines[: MAX_TITLE_LINES - 1], _truncate(lines[MAX_TITLE_LINES - 1], width, TITLE_MAX_WIDTH)]
    return TitleLayout(size, tuple(kept))


# The design -----------------------------------------------------------------------------------------


def _ring(radius_at, samples: int = 720) -> tuple[tuple[float, float], ...]:
    """A closed outline around the centre whose radius depends on the angle."""
    points = []
    for i in range(samples):
        angle = 2 * math.pi * i / samples
        r = radius_at(angle)
        points.append((CENTRE + r * math.sin(angle), CENTRE - r * math.cos(angle)))
    return tuple(points)


def _outline(tier: int, colour: str) -> Shape:
    if tier == 1:
        return Circle(CENTRE, CENTRE, 246, fill=colour)
    if tier == 2:  # a seal with 30 soft waves
        return Polygon(_ring(lambda a: 242 + 6 * math.cos(30 * a)), colour)
    # a rosette with 40 points
    points = []
    for i in range(80):
        angle = math.pi * i / 40
        r = 252 if i % 2 == 0 else 236
        points.append((CENTRE + r * math.sin(angle), CENTRE - r * math.cos(angle)))
    return Polygon(tuple(points), colour)


def _star(cx: float, cy: float, r: float, colour: str) -> Polygon:
    points = []
    for i in range(10):
        angle = math.pi * i / 5
        radius = r if i % 2 == 0 else r * 0.45
        points.append((cx + radius * math.sin(angle), cy - radius * math.cos(angle)))
    return Polygon(tuple(points), colour)


def _bridge(colour: str, light: str) -> list[Shape]:
    """An arch over the deck, with hangers, its two feet and a little water underneath."""
    deck_y, left, right, rise = 164.0, 188.0, 324.0, 50.0

    def arch_y(x: float) -> float:  # a parabola through the feet, ``rise`` high at the middle
        t = (x - left) / (right - left)
        return deck_y - 4 * rise * t * (1 - t)

    arch = tuple((x, arch_y(x)) for x in (left + (right - left) * i / 48 for i in range(49)))
    shapes: list[Shape] = []
    for x in (210.0, 233.0, 256.0, 279.0, 302.0):
        shapes.append(Line(((x, arch_y(x) + 3), (x, deck_y)), colour, 3.5))
    shapes += [
        Line(arch, colour, 9),
        Line(((156, deck_y), (356, deck_y)), colour, 8),
    ]
    for foot in (left, right):  # the piers under the arch's feet
        shapes.append(
            Polygon(
                ((foot - 7, deck_y), (foot + 7, deck_y), (foot + 9, deck_y + 20), (foot - 9, deck_y + 20)),
                colour,
            )
        )
    for y, half in ((deck_y + 24, 92.0), (deck_y + 32, 64.0)):
        wave = tuple(
            (x, y + 2.2 * math.sin((x - CENTRE) / 7))
            for x in (CENTRE - half + 2 * half * i / 40 for i in range(41))
        )
        shapes.append(Line(wave, light, 2.5))
    return shapes


def _mirrored(points, side: int) -> tuple[tuple[float, float], ...]:
    """Points given as (distance from the vertical axis, y), on the left (-1) or right (1) side."""
    return tuple((CENTRE + side * distance, y) for distance, y in points)


def _ribbon(tier: int, colour: str) -> list[Shape]:
    """A banner across the lower part of the badge, its notched tails folded behind, "LIVELLO N"."""
    face_colour = _mix(colour, "#000000", 0.12)
    tail_colour = _mix(colour, "#000000", 0.38)
    fold_colour = _mix(colour, "#000000", 0.6)
    top, bottom, drop = 360.0, 408.0, 14.0  # the tails hang ``drop`` lower than the face
    face, tail_inner, tail_outer, notch = 178.0, 154.0, 216.0, 16.0  # distances from the axis
    tail = (
        (tail_inner, top + drop),
        (tail_outer, top + drop),
        (tail_outer - notch, (top + bottom) / 2 + drop),
        (tail_outer, bottom + drop),
        (tail_inner, bottom + drop),
    )
    fold = ((face, bottom), (tail_inner, bottom), (tail_inner, bottom + drop))
    shapes: list[Shape] = []
    for side in (-1, 1):
        shapes += [Polygon(_mirrored(tail, side), tail_colour), Polygon(_mirrored(fold, side), fold_colour)]
    shapes.append(
        Polygon(_mirrored(((-face, top), (face, top), (face, bottom), (-face, bottom)), 1), face_colour)
    )
    stitch = _mix(face_colour, CREAM, 0.45)
    for y in (top + 5, bottom - 5):
        shapes.append(Line(_mirrored(((-face + 6, y), (face - 6, y)), 1), stitch, 1.5))
    shapes.append(Text(CENTRE, 392, f"LIVELLO {tier}", 22, CREAM, spacing=3))
    return shapes


def _design(title: str, tier: int) -> list[Shape]:
    if tier not in TIER_COLOURS:
        raise ValueError(f"unknown badge tier {tier!r}")
    colour = TIER_COLOURS[tier]
    disc = _mix(CREAM, colour, 0.03)
    shapes: list[Shape] = [
        _outline(tier, colour),
        Circle(CENTRE, CENTRE, 230, stroke=_mix(colour, CREAM, 0.55), width=2),
        Circle(CENTRE, CENTRE, INNER_RADIUS, fill=disc),
        Circle(CENTRE, CENTRE, INNER_RADIUS - 8, stroke=_mix(disc, colour, 0.35), width=1.5),
        *_bridge(colour, _mix(disc, colour, 0.45)),
        Text(CENTRE, 228, "PONTE", 24, colour, spacing=7),
    ]
    layout = title_layout(title)
    middle = (TITLE_TOP + TITLE_BOTTOM) / 2
    first = middle - (len(layout.lines) - 1) * layout.line_height / 2 + 0.36 * layout.size
    for i, line in enumerate(layout.lines):
        shapes.append(Text(CENTRE, first + i * layout.line_height, line, layout.size, INK))
    shapes += _ribbon(tier, colour)
    for i in range(tier):
        shapes.append(_star(CENTRE + (i - (tier - 1) / 2) * 32, 441, 12, colour))
    return shapes


# SVG ------------------------------------------------------------------------------------------------


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _points(points) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Circle):
        paint = f'fill="{shape.fill}"' if shape.fill else 'fill="none"'
        if shape.stroke:
            paint += f' stroke="{shape.stroke}" stroke-width="{_n(shape.width)}"'
        return f'<circle cx="{_n(shape.cx)}" cy="{_n(shape.cy)}" r="{_n(shape.r)}" {paint}/>'
    if isinstance(shape, Polygon):
        return f'<polygon points="{_points(shape.points)}" fill="{shape.fill}"/>'
    if isinstance(shape, Line):
        return (
            f'<polyline points="{_points(shape.points)}" fill="none" stroke="{shape.stroke}" '
            f'stroke-width="{_n(shape.width)}" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    # letter-spacing also follows the last letter: move right by half of it to stay centred
    spacing = f' letter-spacing="{_n(shape.spacing)}"' if shape.spacing else ""
    return (
        f'<text x="{_n(shape.x + shape.spacing / 2)}" y="{_n(shape.y)}" font-size="{_n(shape.size)}" '
        f'font-weight="{700 if shape.bold else 400}" fill="{shape.fill}"{spacing}>{escape(shape.text)}</text>'
    )


def badge_svg(title: str, tier: int) -> str:
    """The badge as a standalone SVG document (no scripts, no external references)."""
    shapes = _design(title, tier)
    label = f"Ponte \u2013 Livello {tier} \u2013 {clean_title(title)}"
    body = "\n".join(f"    {_svg_shape(shape)}" for shape in shapes)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label={quoteattr(label)}>\n'
        f"  <title>{escape(label)}</title>\n"
        f'  <g font-family="{FONT_FAMILY}" text-anchor="middle">\n'
        f"{body}\n"
        "  </g>\n"
        "</svg>\n"
    )


# PNG ------------------------------------------------------------------------------------------------


def _draw(draw: ImageDraw.ImageDraw, shape: Shape, scale: float) -> None:
    def at(points):
        return [(x * scale, y * scale) for x, y in points]

    if isinstance(shape, Circle):
        # SVG strokes straddle the outline; Pillow draws outlines inside the box: widen the box
        r = (shape.r + shape.width / 2) * scale
        box = (shape.cx * scale - r, shape.cy * scale - r, shape.cx * scale + r, shape.cy * scale + r)
        draw.ellipse(box, fill=shape.fill, outline=shape.stroke, width=round(shape.width * scale))
    elif isinstance(shape, Polygon):
        draw.polygon(at(shape.points), fill=shape.fill)
    elif isinstance(shape, Line):
        width = shape.width * scale
        draw.line(at(shape.points), fill=shape.stroke, width=round(width), joint="curve")
        for x, y in at((shape.points[0], shape.points[-1])):  # round caps
            draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=shape.stroke)
    else:
        font = _font(shape.size * scale, shape.bold)
        if not shape.spacing:
            draw.text((shape.x * scale, shape.y * scale), shape.text, font=font, fill=shape.fill, anchor="ms")
            return
        spacing = shape.spacing * scale
        total = sum(font.getlength(char) for char in shape.text) + spacing * (len(shape.text) - 1)
        x = shape.x * scale - total / 2
        for char in shape.text:
            draw.text((x, shape.y * scale), char, font=font, fill=shape.fill, anchor="ls")
            x += font.getlength(char) + spacing


@functools.lru_cache(maxsize=128)
def badge_png(title: str, tier: int) -> bytes:
    """The badge as a 512x512 PNG with a transparent background, drawn like the SVG."""
    shapes = _design(title, tier)
    big = SIZE * SUPERSAMPLING
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for shape in shapes:
        _draw(draw, shape, SUPERSAMPLING)
    image = image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
