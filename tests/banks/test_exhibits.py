"""Exhibits are checked and cleaned on import: formats by magic bytes, size and pixel caps, SVG
allow-list (no script, no external or file references, no entities), special files refused."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from pathlib import Path

import pytest

from app.banks.exhibits import (
    MAX_EXHIBIT_BYTES,
    ExhibitError,
    clean_exhibit,
    clean_svg,
    raster_size,
    read_exhibit,
    sniff,
)


def png(w: int, h: int) -> bytes:
    """A real PNG header (and a tiny body) claiming w x h pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4))
        + chunk(b"IEND", b"")
    )


JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xc0\x00\x11\x08\x00\x30\x00\x40\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9"
)
GIF = b"GIF89a\x20\x00\x10\x00\x00\x00\x00;"

HOSTILE_SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="200" height="100" onload="alert(1)">
  <script>alert(1)</script>
  <style>@import url(file:///etc/passwd); rect { fill: url(/etc/passwd) }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
  <rect width="200" height="100" fill="url(#g)" onclick="steal()"/>
  <rect width="10" height="10" style="fill:url(file:///etc/passwd)"/>
  <image width="10" height="10" xlink:href="/etc/passwd"/>
  <image width="10" height="10" href="file:///etc/passwd"/>
  <image width="10" height="10" href="http://127.0.0.1:9/x.png"/>
  <image width="10" height="10" href="data:image/png;base64,iVBORw0KGgo="/>
  <use xlink:href="file:///etc/passwd#x"/>
  <use href="#g"/>
  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div>
  </foreignObject>
  <a href="javascript:alert(1)"><text x="5" y="50">Volts</text></a>
</svg>"""


def test_svg_keeps_drawing_and_loses_every_live_part() -> None:
    out = clean_svg(HOSTILE_SVG)
    for bad in (b"script", b"onload", b"onclick", b"/etc/passwd", b"127.0.0.1", b"foreignObject",
                b"javascript", b"@import", b"<style"):  # fmt: skip
        assert bad not in out, bad
    for good in (b"<rect", b'fill="url(#g)"', b"linearGradient", b">Volts<", b'href="#g"',
                 b"data:image/png;base64"):  # fmt: skip
        assert good in out, good
    assert clean_svg(out) == out  # cleaning is stable


def test_svg_entities_and_depth_are_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    )
    external = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    )
    for data in (laughs, external):
        with pytest.raises(ExhibitError, match="entities"):
            clean_svg(data, "a.svg")
    deep = b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g>" * 5000 + b"</g>" * 5000 + b"</svg>"
    with pytest.raises(ExhibitError, match="nested deeper"):
        clean_svg(deep, "deep.svg")
    with pytest.raises(ExhibitError, match="not well-formed"):
        clean_svg(b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", "bad.svg")
    with pytest.raises(ExhibitError, match="root is <html>"):
        clean_svg(b"<html><svg/></html>", "page.svg")


def test_formats_by_magic_bytes_and_caps() -> None:
    assert [sniff(d) for d in (png(4, 3), JPEG, GIF, b"  <svg>", b"%PDF")] == [
        "png", "jpeg", "gif", "svg", None
    ]  # fmt: skip
    assert raster_size(png(4, 3), "png") == (4, 3)
    assert raster_size(JPEG, "jpeg") == (64, 48)
    assert raster_size(GIF, "gif") == (32, 16)
    for name, data in (("a.png", png(4, 3)), ("a.jpg", JPEG), ("a.gif", GIF)):
        assert clean_exhibit(name, data) == data
    cases = {
        "big.png": (png(4, 3) + b"\0" * MAX_EXHIBIT_BYTES, "over the 5 MB limit"),
        "bomb.png": (png(100_000, 100_000), "100000 x 100000 pixels"),
        "fake.png": (b"#!/bin/sh\nrm -rf ~\n", "not a PNG, JPEG, GIF or SVG"),
        "png-named.svg": (png(4, 3), "PNG image with a .svg name"),
        "torn.png": (b"\x89PNG\r\n\x1a\n\0\0", "damaged PNG"),
    }
    for name, (data, why) in cases.items():
        with pytest.raises(ExhibitError, match=why) as e:
            clean_exhibit(name, data)
        assert f"'{name}'" in str(e.value)


def test_read_exhibit_refuses_special_files_and_reads_no_more_than_the_cap(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(ExhibitError, match="not a regular file"):
        read_exhibit(fifo)  # would block forever if it were opened
    link = tmp_path / "zero.png"
    link.symlink_to("/dev/zero")
    with pytest.raises(ExhibitError, match="not a regular file"):
        read_exhibit(link)
    huge = tmp_path / "huge.png"
    with open(huge, "wb") as f:
        f.write(png(4, 3))
        f.truncate(300 * 1024 * 1024)  # sparse: 300 MB that costs no disk
    with pytest.raises(ExhibitError, match="over the 5 MB limit"):
        read_exhibit(huge)


def test_embedded_svg_data_uri_is_cleaned_by_the_foreign_reader(tmp_path: Path) -> None:
    from app.banks.drafts import _resolve_image

    uri = "data:image/svg+xml;base64," + base64.b64encode(HOSTILE_SVG).decode()
    name, data = _resolve_image(uri, tmp_path, {}, "q.gift")
    assert name == "image.svg" and b"/etc/passwd" not in data and b"<rect" in data


def test_a_clean_svg_is_stored_byte_for_byte() -> None:
    from tests.factories import SVG

    data = SVG.encode()
    assert clean_svg(data) is data  # re-importing an unchanged bank changes nothing
    commented = b"<!-- hi -->" + data
    assert clean_svg(commented) != commented and b"<rect" in clean_svg(commented)
