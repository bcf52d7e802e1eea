"""Render the application icon from resources/bayready.svg: PNGs, a Windows .ico, a macOS .icns.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_icons.py [--check]

The SVG is the source; the files this writes are committed (the wheel and the bundles carry them,
and nothing renders at install time). Qt's QSvgRenderer draws each size; the .ico and .icns
containers hold PNG images (Windows Vista+ and macOS 10.7+ read those), written here with the
standard library, so no image library is needed. ``--check`` renders into memory and fails if the
committed files are missing or differ in size and shape (tests/packaging runs it).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SVG = RESOURCES / "bayready.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (Apple's "icns" format)
ICNS_TYPES = (
    (16, b"icp4"),
    (32, b"icp5"),
    (64, b"icp6"),
    (128, b"ic07"),
    (256, b"ic08"),
    (512, b"ic09"),
    (32, b"ic11"),
    (64, b"ic12"),
    (256, b"ic13"),
    (512, b"ic14"),
)


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    out: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        buf.close()
        out[size] = bytes(data.data())
    return out


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNG images (256 is written as 0)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = pngs[s]
        dim = 0 if s >= 256 else s
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b""
    for size, kind in ICNS_TYPES:
        # the @2x types hold twice the pixels of their nominal size
        px = size * 2 if kind in (b"ic11", b"ic12", b"ic13", b"ic14") else size
        if px in pngs:
            body += kind + struct.pack(">I", 8 + len(pngs[px])) + pngs[px]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    w, h = struct.unpack(">II", data[16:24])
    return int(w), int(h)


def targets(pngs: dict[int, bytes]) -> dict[Path, bytes]:
    files = {RESOURCES / "icons" / f"bayready-{s}.png": pngs[s] for s in PNG_SIZES}
    files[RESOURCES / "bayready.ico"] = ico_bytes(pngs)
    files[RESOURCES / "bayready.icns"] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the committed files, write none")
    args = ap.parse_args(argv)
    pngs = render_pngs(SVG, tuple(sorted({*PNG_SIZES, 1024})))
    problems = []
    for path, data in targets(pngs).items():
        if args.check:
            if not path.is_file():
                problems.append(f"{path}: missing; run tools/render_icons.py")
            elif path.suffix == ".png" and png_size(path.read_bytes()) != png_size(data):
                problems.append(f"{path}: wrong size; run tools/render_icons.py")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
