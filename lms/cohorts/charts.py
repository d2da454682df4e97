"""Small accessible SVG charts drawn on the server: no JavaScript, no chart library, a table beside each.

Each chart is an <svg role="img"> with a <title>; the page puts the same numbers in a table for screen
readers and for people who prefer figures. Colours meet 3:1 contrast against white. Every value goes in
through Markup.format, which escapes it.
"""

from markupsafe import Markup

BAR = "#0b5d4b"
LINE = "#8a3b00"
GRID = "#c9cfd4"
INK = "#1b1f23"
_OPEN = Markup(
    '<svg class="chart" role="img" direction="ltr" viewBox="0 0 {w} {h}" width="100%" '
    'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>{title}</title>'
)
_CLOSE = Markup("</svg>")
_TEXT = Markup('<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{ink}">{text}</text>')


def _text(x, y, text, size=12, anchor="start") -> Markup:
    return _TEXT.format(x=x, y=y, text=text, size=size, anchor=anchor, ink=INK)


def bars(title: str, rows: list[tuple[str, int]], width: int = 320) -> Markup:
    """Horizontal bars, one per (label, value), the largest value at full width."""
    top = max([v for _, v in rows] + [1])
    row_h, label_h = 34, 15
    parts = [_OPEN.format(w=width, h=row_h * len(rows) + 4, title=title)]
    for i, (label, value) in enumerate(rows):
        y = i * row_h
        bar_w = max(2, round((width - 40) * value / top)) if value else 0
        parts.append(_text(0, y + label_h - 3, label))
        parts.append(
            Markup('<rect x="0" y="{y}" width="{w}" height="14" fill="{fill}" rx="2"/>').format(
                y=y + label_h, w=bar_w, fill=BAR
            )
        )
        parts.append(_text(bar_w + 4, y + label_h + 12, value))
    parts.append(_CLOSE)
    return Markup("").join(parts)


def line(title: str, labels: list[str], values: list[int], width: int = 320, height: int = 160) -> Markup:
    """A cumulative line over time, with the first and last labels under it."""
    if not values:
        values, labels = [0], [""]
    top = max([*values, 1])
    left, bottom, right, pad = 28, height - 22, width - 8, 8
    step = (right - left) / max(1, len(values) - 1)
    points = " ".join(
        f"{left + i * step:.1f},{bottom - (bottom - pad) * v / top:.1f}" for i, v in enumerate(values)
    )
    axis = Markup('<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{stroke}"/>')
    parts = [
        _OPEN.format(w=width, h=height, title=title),
        axis.format(x1=left, y1=bottom, x2=right, y2=bottom, stroke=GRID),
        axis.format(x1=left, y1=pad, x2=left, y2=bottom, stroke=GRID),
        _text(left - 4, pad + 10, top, 11, "end"),
        _text(left - 4, bottom, 0, 11, "end"),
        Markup('<polyline points="{p}" fill="none" stroke="{s}" stroke-width="2.5"/>').format(
            p=points, s=LINE
        ),
        _text(left, height - 5, labels[0], 11),
        _text(right, height - 5, labels[-1], 11, "end"),
        _CLOSE,
    ]
    return Markup("").join(parts)
