"""Open Badges 2.0 baking: the assertion carried inside the badge image.

PNG: an ``iTXt`` chunk with the keyword ``openbadges``, uncompressed (the specification forbids
compression), whose text is the assertion JSON. The chunk is written byte for byte (struct and a
CRC-32) rather than by re-saving the image with Pillow, so that everything else in the file (pixels,
compression, colour profile, other metadata) is kept exactly; Pillow reads the result as
``Image.open(...).text["openbadges"]``. At most one such chunk may exist: baking again replaces it.

SVG: ``xmlns:openbadges="http://openbadges.org"`` on the root ``<svg>`` and, as its first child,
``<openbadges:assertion verify="ASSERTION_URL"><![CDATA[ASSERTION_JSON]]></openbadges:assertion>``.
The SVG is edited as text (a parser would rewrite namespace prefixes and drop the CDATA section), at
positions found by Expat; documents declaring entities are refused (entity expansion attacks).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat
from xml.sax.saxutils import quoteattr

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadges"
OPENBADGES_NAMESPACE = "http://openbadges.org"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
MAX_TEXT = 4 * 1024 * 1024  # a compressed chunk found in someone else's PNG inflates to at most this

# Characters XML 1.0 does not allow anywhere, even in CDATA.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# PNG ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Chunk:
    type: bytes
    data: bytes
    raw: bytes  # length, type, data and CRC, as found

    @property
    def keyword(self) -> bytes | None:
        """The keyword of a text chunk (tEXt, zTXt, iTXt), None for other chunks."""
        if self.type not in (b"tEXt", b"zTXt", b"iTXt"):
            return None
        return self.data.split(b"\0", 1)[0]


def _chunks(png: bytes) -> Iterator[_Chunk]:
    """The chunks of ``png`` up to IEND, checked (ValueError if the datastream is damaged)."""
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG image")
    position, first = len(PNG_SIGNATURE), True
    while True:
        if position + 12 > len(png):
            raise ValueError("truncated PNG: no IEND chunk")
        length, chunk_type = struct.unpack(">I4s", png[position : position + 8])
        end = position + 12 + length
        if end > len(png):
            raise ValueError("truncated PNG chunk")
        data = png[position + 8 : end - 4]
        (crc,) = struct.unpack(">I", png[end - 4 : end])
        if zlib.crc32(chunk_type + data) != crc:
            raise ValueError(f"damaged PNG chunk {chunk_type!r} (bad CRC)")
        if first and chunk_type != b"IHDR":
            raise ValueError("PNG does not start with IHDR")
        first = False
        yield _Chunk(chunk_type, data, png[position:end])
        if chunk_type == b"IEND":
            return
        position = end


def _chunk(chunk_type: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(chunk_type + data)
    return struct.pack(">I4s", len(data), chunk_type) + data + struct.pack(">I", crc)


def bake_png(png: bytes, assertion_json: str) -> bytes:
    """``png`` with ``assertion_json`` in an uncompressed iTXt ``openbadges`` chunk (placed before the
    image data, so that readers find it early), replacing any Open Badges data already baked in."""
    if "\0" in assertion_json:
        raise ValueError("the assertion contains a NUL character")
    # keyword, NUL, compression flag 0, compression method 0, empty language tag and translated
    # keyword (each NUL-terminated), then the UTF-8 text
    baked = _chunk(b"iTXt", KEYWORD + b"\0\0\0\0\0" + assertion_json.encode("utf-8"))
    out = [PNG_SIGNATURE]
    for chunk in _chunks(png):
        if chunk.keyword == KEYWORD:  # an earlier bake (or a legacy tEXt URL): replaced
            continue
        if baked and chunk.type in (b"IDAT", b"IEND"):
            out.append(baked)
            baked = b""
        out.append(chunk.raw)
    return b"".join(out)


def _itxt_text(data: bytes) -> str:
    try:
        _keyword, rest = data.split(b"\0", 1)
        compressed, method = rest[0], rest[1]
        _language, _translated, text = rest[2:].split(b"\0", 2)
    except (ValueError, IndexError):
        raise ValueError("malformed iTXt chunk") from None
    if compressed:  # not allowed when baking, but harmless to read
        if method != 0:
            raise ValueError("unknown iTXt compression method")
        inflater = zlib.decompressobj()
        try:
            text = inflater.decompress(text, MAX_TEXT)
        except zlib.error as error:
            raise ValueError("damaged compressed iTXt chunk") from error
        if inflater.unconsumed_tail:
            raise ValueError("Open Badges data too large")
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("Open Badges data is not UTF-8") from None


def unbake_png(png: bytes) -> str | None:
    """The Open Badges data baked into ``png`` (assertion JSON or signature), None if there is none.

    A legacy badge (before Open Badges 1.0) carries a URL in a tEXt chunk: that URL is returned."""
    legacy = None
    for chunk in _chunks(png):
        if chunk.keyword != KEYWORD:
            continue
        if chunk.type == b"iTXt":
            return _itxt_text(chunk.data)
        if chunk.type == b"tEXt" and legacy is None:
            legacy = chunk.data.split(b"\0", 1)[1].decode("latin-1")
    return legacy


# SVG ------------------------------------------------------------------------------------------------


@dataclass
class _SvgScan:
    """Where things are in an SVG document (byte offsets in its UTF-8 encoding)."""

    root: str = ""  # the root element's expanded name
    root_start: int = -1  # offset of the root start tag's "<"
    root_namespaces: dict[str, str] = field(default_factory=dict)  # prefix -> URI declared on the root
    assertions: list[tuple[int, int]] = field(default_factory=list)  # spans of openbadges:assertion
    verify: str | None = None  # the first assertion's verify attribute
    text: str | None = None  # the first assertion's text content


def _tag_end(data: bytes, start: int) -> int:
    """The offset just past the tag starting at ``start`` ("<"), quoted attribute values skipped."""
    quote = None
    for position in range(start, len(data)):
        byte = data[position]
        if quote is not None:
            if byte == quote:
                quote = None
        elif byte in b"\"'":
            quote = byte
        elif byte == ord(">"):
            return position + 1
    raise ValueError("unterminated tag")


def _element_end(data: bytes, start: int, end_event: int) -> int:
    """The offset just past an element whose start tag is at ``start``; ``end_event`` is Expat's
    position at its end (the end tag's "<", or just past an empty-element tag)."""
    start_tag_end = _tag_end(data, start)
    if data[start_tag_end - 2 : start_tag_end] == b"/>":
        return start_tag_end
    return _tag_end(data, end_event)


def _scan_svg(data: bytes) -> _SvgScan:
    scan = _SvgScan()
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    depth = 0
    opened: list[tuple[int, int]] = []  # (start offset, depth) of the assertions being read
    text: list[str] | None = None  # the first assertion's text, while it is being read
    first_seen = False

    def refuse_entities(*_args) -> None:
        raise ValueError("SVG documents declaring entities are not accepted")

    def namespace(prefix: str | None, uri: str) -> None:
        if depth == 0:
            scan.root_namespaces[prefix or ""] = uri

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth, text, first_seen
        if depth == 0:
            scan.root, scan.root_start = name, parser.CurrentByteIndex
        if name == f"{OPENBADGES_NAMESPACE} assertion":
            opened.append((parser.CurrentByteIndex, depth))
            if not first_seen:
                first_seen = True
                scan.verify = attributes.get("verify")
                text = []
        depth += 1

    def end(name: str) -> None:
        nonlocal depth, text
        depth -= 1
        if opened and opened[-1][1] == depth:
            element_start, _ = opened.pop()
            if not opened:
                element_end = _element_end(data, element_start, parser.CurrentByteIndex)
                scan.assertions.append((element_start, element_end))
                if text is not None:
                    scan.text, text = "".join(text), None

    def characters(chunk: str) -> None:
        if text is not None:
            text.append(chunk)

    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = refuse_entities
    parser.StartNamespaceDeclHandler = namespace
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise ValueError(f"not a well-formed SVG document: {error}") from None
    return scan


def _cdata(text: str) -> str:
    """``text`` as CDATA; a "]]>" inside is split across two sections."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def bake_svg(svg: str, assertion_url: str, assertion_json: str) -> str:
    """``svg`` with the Open Badges namespace declared on its root and the assertion as the root's
    first child, replacing any assertion already baked in."""
    if _NOT_XML.search(assertion_json) or _NOT_XML.search(assertion_url):
        raise ValueError("the assertion contains characters XML cannot carry")
    data = svg.encode("utf-8")
    scan = _scan_svg(data)
    if scan.root != f"{SVG_NAMESPACE} svg":
        raise ValueError("the root element is not an SVG <svg> element")
    bound = scan.root_namespaces.get("openbadges")
    if bound not in (None, OPENBADGES_NAMESPACE):
        raise ValueError(f"the prefix openbadges is already bound to {bound!r}")

    for start, end in reversed(scan.assertions):  # baked before: removed
        data = data[:start] + data[end:]
    element = (
        f"<openbadges:assertion verify={quoteattr(assertion_url)}>"
        f"{_cdata(assertion_json)}</openbadges:assertion>"
    )
    root_tag_end = _tag_end(data, scan.root_start)
    name_end = re.compile(rb"[^\s/>]+").match(data, scan.root_start + 1).end()
    qualified_name = data[scan.root_start + 1 : name_end]
    if data[root_tag_end - 2 : root_tag_end] == b"/>":  # <svg .../> has no content yet
        tail = b">" + element.encode("utf-8") + b"</" + qualified_name + b">"
        data = data[: root_tag_end - 2] + tail + data[root_tag_end:]
    else:
        data = data[:root_tag_end] + element.encode("utf-8") + data[root_tag_end:]
    if bound is None:
        declaration = f' xmlns:openbadges="{OPENBADGES_NAMESPACE}"'.encode()
        data = data[:name_end] + declaration + data[name_end:]
    return data.decode("utf-8")


def unbake_svg(svg: str) -> str | None:
    """The assertion JSON baked into ``svg`` (the text of its first ``openbadges:assertion``); the
    ``verify`` attribute (a URL or a signature) if that element is empty; None if there is none."""
    scan = _scan_svg(svg.encode("utf-8"))
    if not scan.assertions:
        return None
    text = (scan.text or "").strip()
    return text or scan.verify
