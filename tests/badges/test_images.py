"""Badge images (one design per tier, SVG and PNG) and Open Badges 2.0 baking."""

import io
import json
import re
import struct
import xml.etree.ElementTree as ET

import pytest
from PIL import Image, PngImagePlugin

from lms.badges import baking, images

SVG = "{http://www.w3.org/2000/svg}"
OB = "{http://openbadges.org}"
TITLE = "Fare associazione: le basi & <test>"
ESCAPED_TITLE = "Fare associazione: le basi &amp; &lt;test&gt;"
ASSERTION_URL = "https://ponte.example.org/badges/assertions/abc123"
ASSERTION = json.dumps(
    {
        "@context": "https://w3id.org/openbadges/v2",
        "id": ASSERTION_URL,
        "type": "Assertion",
        "badge": {"name": 'Vivere in città ]]> e <altro> & "cose"'},
        "verification": {"type": "hosted"},
    },
    ensure_ascii=False,
)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode())  # noqa: S314 (our own output, parsed to check it)


def png_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    chunks, position = [], 8
    while position < len(png):
        length, chunk_type = struct.unpack(">I4s", png[position : position + 8])
        chunks.append((chunk_type, png[position + 8 : position + 8 + length]))
        position += 12 + length
    return chunks


def openbadges_chunks(png: bytes) -> list[bytes]:
    return [data for chunk_type, data in png_chunks(png) if data.startswith(b"openbadges\0")]


# Designs --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tier", [1, 2, 3])
def test_svg_is_a_standalone_document_with_the_escaped_title(tier):
    svg = images.badge_svg(TITLE, tier)
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 512 512"
    assert ESCAPED_TITLE in svg
    assert TITLE not in svg
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert "PONTE" in texts
    assert f"LIVELLO {tier}" in texts
    assert " ".join(t for t in texts if t not in ("PONTE", f"LIVELLO {tier}")) == TITLE
    assert root.find(f"{SVG}title").text == f"Ponte \u2013 Livello {tier} \u2013 {TITLE}"
    assert images.TIER_COLOURS[tier] in svg
    # no scripts, no event handlers, nothing fetched from elsewhere
    assert "script" not in svg.lower()
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in ("script", "image", "use", "foreignObject", "a", "style")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert "href" not in name
            assert "url(" not in value


def test_each_tier_has_its_own_design():
    svgs = [images.badge_svg(TITLE, tier).replace(f"LIVELLO {tier}", "") for tier in (1, 2, 3)]
    assert len(set(svgs)) == 3
    outlines = [parse(svg)[1][0].tag for svg in svgs]  # the first shape in the <g>
    assert outlines == [f"{SVG}circle", f"{SVG}polygon", f"{SVG}polygon"]
    stars = [len(parse(images.badge_svg(TITLE, tier)).findall(f".//{SVG}polygon")) for tier in (1, 2, 3)]
    assert stars[1] == stars[0] + 2  # the seal outline and one more star
    assert stars[2] == stars[1] + 1


def test_unknown_tier_is_refused():
    with pytest.raises(ValueError, match="tier"):
        images.badge_svg(TITLE, 4)
    with pytest.raises(ValueError, match="tier"):
        images.badge_png(TITLE, 0)


@pytest.mark.parametrize("tier", [1, 2, 3])
def test_png_is_512_square_with_the_tier_colour(tier):
    image = Image.open(io.BytesIO(images.badge_png(TITLE, tier)))
    assert image.format == "PNG"
    assert image.size == (512, 512)
    image = image.convert("RGBA")
    assert image.getpixel((0, 0))[3] == 0  # transparent around the badge
    r, g, b, a = image.getpixel((256, 18))  # on the outer band
    expected = images._rgb(images.TIER_COLOURS[tier])
    assert a == 255
    assert max(abs(x - y) for x, y in zip((r, g, b), expected, strict=True)) <= 2


@pytest.mark.parametrize(
    "title",
    [
        "Diritti",
        TITLE,
        "Bilancio e rendiconto per piccole associazioni di promozione sociale",
        "Come costruire una rete di associazioni di migranti sul territorio: strumenti, esperienze, "
        "buone pratiche e modelli di governance partecipata per il terzo settore " * 3,
        "Supercalifragilistichespiralidosoincredibilmentelunghissimo",
        "x" * 5000,
    ],
)
def test_titles_fit_on_at_most_three_lines(title):
    layout = images.title_layout(title)
    assert 1 <= len(layout.lines) <= images.MAX_TITLE_LINES
    font = images._font(layout.size)
    assert all(font.getlength(line) <= images.TITLE_MAX_WIDTH for line in layout.lines)
    assert len(layout.lines) * layout.line_height <= images.TITLE_BOTTOM - images.TITLE_TOP + 1
    assert layout.size >= images.TITLE_SIZES[-1]
    parse(images.badge_svg(title, 2))


def test_long_titles_shrink_and_are_cut_only_when_they_cannot_fit():
    short, long = (
        images.title_layout("Diritti"),
        images.title_layout("Bilancio e rendiconto per le associazioni"),
    )
    assert short.lines == ("Diritti",)
    assert long.size < short.size
    assert " ".join(long.lines) == "Bilancio e rendiconto per le associazioni"
    endless = images.title_layout("parola " * 100)
    assert endless.lines[-1].endswith(images.ELLIPSIS)
    assert images.title_layout("").lines == ()


def test_titles_with_markup_or_control_characters_stay_safe():
    title = 'a]]><script>alert("x")</script>\x00\x1b &amp; fine'
    svg = images.badge_svg(title, 1)
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script"))
    assert "&lt;script&gt;" in svg
    assert "&amp;amp;" in svg


# Baking: PNG ----------------------------------------------------------------------------------------


def test_png_round_trip_keeps_the_image():
    png = images.badge_png(TITLE, 1)
    baked = baking.bake_png(png, ASSERTION)
    assert baking.unbake_png(baked) == ASSERTION
    assert baking.unbake_png(png) is None
    # Pillow reads the chunk too, and the image is untouched
    with Image.open(io.BytesIO(baked)) as image:
        image.load()
        assert image.text["openbadges"] == ASSERTION
        assert image.tobytes() == Image.open(io.BytesIO(png)).tobytes()
    # uncompressed, no language tag nor translated keyword, and every other chunk as it was
    (data,) = openbadges_chunks(baked)
    assert data == b"openbadges\0\0\0\0\0" + ASSERTION.encode()
    assert [c for c in png_chunks(baked) if c[0] != b"iTXt"] == png_chunks(png)


def test_png_baked_twice_has_one_assertion():
    png = images.badge_png(TITLE, 2)
    once = baking.bake_png(png, ASSERTION)
    twice = baking.bake_png(once, '{"id": "second", "name": "città"}')
    assert len(openbadges_chunks(twice)) == 1
    assert baking.unbake_png(twice) == '{"id": "second", "name": "città"}'
    assert len(twice) == len(once) - len(ASSERTION.encode()) + len(
        b'{"id": "second", "name": "citt\xc3\xa0"}'
    )


def test_png_bake_replaces_a_legacy_text_chunk():
    image = Image.new("RGB", (4, 4), "white")
    info = PngImagePlugin.PngInfo()
    info.add_text("openbadges", ASSERTION_URL)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    legacy = out.getvalue()
    assert baking.unbake_png(legacy) == ASSERTION_URL
    baked = baking.bake_png(legacy, ASSERTION)
    assert len(openbadges_chunks(baked)) == 1
    assert baking.unbake_png(baked) == ASSERTION


def test_damaged_png_is_refused():
    png = images.badge_png(TITLE, 3)
    with pytest.raises(ValueError):
        baking.bake_png(b"GIF89a" + png[6:], ASSERTION)
    with pytest.raises(ValueError):
        baking.bake_png(png[: len(png) // 2], ASSERTION)
    damaged = bytearray(png)
    damaged[20] ^= 0xFF  # inside IHDR
    with pytest.raises(ValueError, match="CRC"):
        baking.unbake_png(bytes(damaged))


# Baking: SVG ----------------------------------------------------------------------------------------


def test_svg_round_trip():
    svg = images.badge_svg(TITLE, 1)
    baked = baking.bake_svg(svg, ASSERTION_URL, ASSERTION)
    assert baking.unbake_svg(baked) == ASSERTION
    assert baking.unbake_svg(svg) is None
    assert 'xmlns:openbadges="http://openbadges.org"' in baked
    assert "]]]]><![CDATA[>" in baked  # the "]]>" in the JSON does not end the CDATA section
    root = parse(baked)
    first = root[0]
    assert first.tag == f"{OB}assertion"
    assert first.get("verify") == ASSERTION_URL
    assert json.loads(first.text) == json.loads(ASSERTION)
    # the badge itself is unchanged
    assert ET.tostring(root[1]) == ET.tostring(parse(svg)[0])
    assert len(root) == len(parse(svg)) + 1


def test_svg_baked_twice_has_one_assertion():
    svg = images.badge_svg(TITLE, 3)
    once = baking.bake_svg(svg, ASSERTION_URL, ASSERTION)
    twice = baking.bake_svg(once, ASSERTION_URL + "?v=2", '{"name": "città"}')
    assert twice.count("<openbadges:assertion") == 1
    assert twice.count("xmlns:openbadges") == 1
    assert baking.unbake_svg(twice) == '{"name": "città"}'
    assert parse(twice)[0].get("verify") == ASSERTION_URL + "?v=2"
    without_assertion = re.compile(r"<openbadges:assertion .*?</openbadges:assertion>", re.DOTALL)
    assert without_assertion.sub("", twice) == without_assertion.sub("", once) != svg


def test_svg_verify_only_and_other_shapes_of_document():
    signed = (
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:ob="http://openbadges.org"><ob:assertion verify="eyJhbGciOi.x.y"/><rect/></svg>'
    )
    assert baking.unbake_svg(signed) == "eyJhbGciOi.x.y"
    rebaked = baking.bake_svg(signed, ASSERTION_URL, ASSERTION)
    assert "ob:assertion" not in rebaked
    assert baking.unbake_svg(rebaked) == ASSERTION
    empty = baking.bake_svg(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', ASSERTION_URL, "{}"
    )
    assert parse(empty)[0].tag == f"{OB}assertion"
    assert baking.unbake_svg(empty) == "{}"


def test_svg_baking_refuses_what_it_cannot_do_safely():
    with pytest.raises(ValueError):
        baking.bake_svg("<html/>", ASSERTION_URL, ASSERTION)
    with pytest.raises(ValueError):
        baking.bake_svg("<svg", ASSERTION_URL, ASSERTION)
    with pytest.raises(ValueError):
        baking.bake_svg(images.badge_svg(TITLE, 1), ASSERTION_URL, "{\x00}")
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&b;</svg>'
    )
    with pytest.raises(ValueError, match="entities"):
        baking.unbake_svg(bomb)
