"""Exhibit images a bank carries: checked and cleaned before they are stored or shown.

An exhibit is untrusted bytes. On import it must be PNG, JPEG, GIF or SVG by its first bytes (the
file name's suffix must agree), at most `MAX_EXHIBIT_BYTES` and `MAX_SIDE` x `MAX_SIDE` pixels
(`MAX_PIXELS` in all), so a 300 MB blob or a decompression bomb never reaches the database.
An SVG is parsed without DTD entities (defusedxml) and rebuilt from an allow-list of elements and
attributes: no script, no foreignObject, no event handlers, no style sheets, and no reference that
is not to the document itself (`#id`) or an embedded raster image (`data:image/png;base64,...`):
QtSvg would otherwise read `/etc/passwd` or a URL while drawing. Pure Python: no Qt, no storage.
"""

from __future__ import annotations

import functools
import re
import struct
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from app.domain.errors import UserError

if TYPE_CHECKING:
    from xml.etree import ElementTree as ET

MAX_EXHIBIT_BYTES = 5 * 1024 * 1024
MAX_SIDE = 8000  # pixels per side of a raster exhibit
MAX_PIXELS = 40_000_000  # pixels of a raster exhibit (160 MB decoded)
MAX_SVG_DEPTH = 64
MAX_SVG_ELEMENTS = 50_000

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# what a bank may name as a question's exhibit (the native format and the foreign readers)
EXHIBIT_SUFFIXES = (".svg", ".png")
KINDS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".svg": "svg"}


class ExhibitError(UserError, ValueError):
    """An exhibit that cannot be stored; str() says what is wrong and how to fix it."""


def sniff(data: bytes) -> str | None:
    """The image format by its first bytes: png, jpeg, gif or svg; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in head:
        return "svg"
    return None


def raster_size(data: bytes, kind: str) -> tuple[int, int] | None:
    """Width and height from a PNG, GIF or JPEG header (None when the header is unreadable)."""
    try:
        if kind == "png":
            w, h = struct.unpack(">II", data[16:24])
            return w, h
        if kind == "gif":
            w, h = struct.unpack("<HH", data[6:10])
            return w, h
        if kind == "jpeg":
            i = 2
            while i + 9 < len(data):
                if data[i] != 0xFF:
                    i += 1
                    continue
                marker = data[i + 1]
                if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                    i += 1 if marker == 0xFF else 2
                    continue
                (length,) = struct.unpack(">H", data[i + 2 : i + 4])
                if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                    h, w = struct.unpack(">HH", data[i + 5 : i + 9])
                    return w, h
                i += 2 + length
    except struct.error:
        return None
    return None


def clean_exhibit(name: str, data: bytes) -> bytes:
    """The exhibit as it may be stored: checked, and an SVG rebuilt from its safe parts.

    Raises ExhibitError with a message naming the exhibit and the fix."""
    suffix = PurePosixPath(name).suffix.lower()
    if len(data) > MAX_EXHIBIT_BYTES:
        raise ExhibitError(
            f"exhibit '{name}' is {len(data) / 1_048_576:.1f} MB, over the "
            f"{MAX_EXHIBIT_BYTES // 1_048_576} MB limit; make it smaller"
        )
    kind = sniff(data)
    if kind is None:
        raise ExhibitError(
            f"exhibit '{name}' is not a PNG, JPEG, GIF or SVG image; convert it to PNG"
        )
    claimed = KINDS.get(suffix)
    if claimed is not None and claimed != kind:
        raise ExhibitError(
            f"exhibit '{name}' is a {kind.upper()} image with a {suffix} name; "
            f"rename it to match its contents"
        )
    if kind == "svg":
        return clean_svg(data, name)
    size = raster_size(data, kind)
    if size is None:
        raise ExhibitError(f"exhibit '{name}' is a damaged {kind.upper()} file; save it again")
    w, h = size
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE and w * h <= MAX_PIXELS):
        raise ExhibitError(
            f"exhibit '{name}' is {w} x {h} pixels, over the limit of {MAX_SIDE} per side and "
            f"{MAX_PIXELS // 1_000_000} million in all; scale it down"
        )
    return data


def read_exhibit(path: Path, name: str | None = None) -> bytes:
    """Read and clean an exhibit file, reading no more than the size limit allows.

    Refuses special files (a FIFO or /dev/zero would never end)."""
    shown = name or path.name
    try:
        if not path.is_file():
            raise ExhibitError(f"exhibit '{shown}' is not a regular file; give an image file")
        with open(path, "rb") as f:
            data = f.read(MAX_EXHIBIT_BYTES + 1)
    except OSError as e:
        raise ExhibitError(f"exhibit '{shown}' cannot be read: {e.strerror}") from None
    return clean_exhibit(shown, data)


def exhibit_problem(path: Path, name: str) -> str | None:
    """Why the exhibit file cannot be imported, or None. Many questions may share one exhibit,
    so the answer is remembered for as long as the file is unchanged."""
    try:
        st = path.stat()
    except OSError as e:
        return f"exhibit '{name}' cannot be read: {e.strerror}"
    return _problem(str(path), name, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=256)
def _problem(path: str, name: str, mtime_ns: int, size: int) -> str | None:
    del mtime_ns, size  # part of the cache key only
    try:
        read_exhibit(Path(path), name)
    except ExhibitError as e:
        return str(e)
    return None


# -- SVG -------------------------------------------------------------------------------------------

_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "image", "switch", "a",
    }
)  # fmt: skip
_ATTRIBUTES = frozenset(
    {
        "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
        "width", "height", "d", "points", "viewBox", "preserveAspectRatio", "transform",
        "version", "baseProfile", "fill", "fill-opacity", "fill-rule", "stroke",
        "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
        "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "color",
        "display", "visibility", "clip-path", "clip-rule", "mask", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "dominant-baseline", "alignment-baseline",
        "letter-spacing", "word-spacing", "text-decoration", "dx", "dy", "rotate",
        "textLength", "lengthAdjust", "offset", "stop-color", "stop-opacity",
        "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits",
        "maskUnits", "maskContentUnits", "markerWidth", "markerHeight", "markerUnits",
        "refX", "refY", "orient", "marker-start", "marker-mid", "marker-end", "style",
        "vector-effect", "shape-rendering", "text-rendering", "image-rendering",
        "startOffset", "method", "spacing", "pathLength", "href",
    }
)  # fmt: skip
_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*", re.I)
_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^)'\"\s]*)", re.I)
_CSS_ESCAPE = re.compile(r"\\|@import|expression\s*\(|javascript:|-moz-binding", re.I)


def _local_name(tag: str) -> tuple[str | None, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return None, tag


def _safe_value(value: str) -> bool:
    """No reference out of the document in a presentation value or a style attribute."""
    if _CSS_ESCAPE.search(value):
        return False
    return all(u.startswith("#") for u in _URL.findall(value))


def _safe_href(element: str, value: str) -> bool:
    v = value.strip()
    if v.startswith("#"):
        return True
    return element == "image" and _DATA_IMAGE.fullmatch(v) is not None


def _embedded_image(el: ET.Element) -> bool:
    return any(
        _local_name(k)[1] == "href" and _safe_href("image", v) and not v.startswith("#")
        for k, v in el.attrib.items()
    )


def clean_svg(data: bytes, name: str = "exhibit.svg") -> bytes:
    """The SVG rebuilt from allowed elements and attributes only; raises ExhibitError."""
    # the XML parsers load here, on a bank import: a process that only shows stored exhibits
    # never needs them
    from xml.etree import ElementTree as ET

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring as _parse_xml

    try:
        root = _parse_xml(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ExhibitError(
            f"exhibit '{name}' declares XML entities; save it without a DOCTYPE"
        ) from None
    except ET.ParseError as e:
        raise ExhibitError(f"exhibit '{name}' is not well-formed SVG: {e}") from None
    ns, local = _local_name(root.tag)
    if ns != SVG_NS or local != "svg":
        raise ExhibitError(
            f"exhibit '{name}' is not an SVG image (its root is <{local}>); save it as SVG"
        )
    count = 0
    removed = 0
    stack: list[tuple[ET.Element, int]] = [(root, 1)]
    while stack:  # iterative: a deeply nested file must not overflow Python's stack
        el, depth = stack.pop()
        count += 1
        if depth > MAX_SVG_DEPTH or count > MAX_SVG_ELEMENTS:
            raise ExhibitError(
                f"exhibit '{name}' is nested deeper than {MAX_SVG_DEPTH} levels or has more "
                f"than {MAX_SVG_ELEMENTS} elements; simplify it"
            )
        _, el_local = _local_name(el.tag)
        for key in list(el.attrib):
            a_ns, a_local = _local_name(key)
            value = el.attrib[key]
            keep = a_ns in (None, XLINK_NS) and a_local in _ATTRIBUTES
            if keep and a_local == "href":
                keep = _safe_href(el_local, value)
            elif keep and a_ns == XLINK_NS:
                keep = False  # xlink:title, xlink:show... carry nothing an exhibit needs
            elif keep:
                keep = _safe_value(value)
            if not keep:
                del el.attrib[key]
                removed += 1
        for child in list(el):
            c_ns, c_local = _local_name(child.tag) if isinstance(child.tag, str) else (None, "")
            if c_ns != SVG_NS or c_local not in _ELEMENTS:
                el.remove(child)  # script, style, foreignObject, other namespaces
                removed += 1
            elif c_local == "image" and not _embedded_image(child):
                el.remove(child)  # a picture from a file or URL: QtSvg would read it
                removed += 1
            else:
                stack.append((child, depth + 1))
    if not removed and b"<!" not in data and b"<?" not in data[5:]:
        return data  # nothing to remove (and no DOCTYPE, comment or instruction): byte for byte
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    out: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return out
