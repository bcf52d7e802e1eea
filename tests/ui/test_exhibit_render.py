"""Exhibits are drawn within a pixel budget and never make QtSvg read a file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.exam.exhibit_view import MAX_RENDER_PIXELS, ExhibitDialog, render_exhibit


def _red_png(tmp_path: Path) -> Path:
    img = QImage(50, 50, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    path = tmp_path / "secret.png"
    assert img.save(str(path))
    return path


def _reads_file(tmp_path: Path) -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="50" height="50"><image width="50" height="50" xlink:href="{_red_png(tmp_path)}"/>'
        "</svg>"
    ).encode()


def test_a_stored_svg_with_a_file_reference_is_drawn_without_it(
    qapp: QApplication, tmp_path: Path
) -> None:
    svg = _reads_file(tmp_path)
    raw = QImage(50, 50, QImage.Format.Format_ARGB32)  # what QtSvg does with it unguarded
    raw.fill(QColor("white"))
    painter = QPainter(raw)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    assert raw.pixelColor(25, 25).name() == "#ff0000"
    shown = render_exhibit(svg, "old.svg", 50).toImage()  # stored before imports cleaned SVGs
    assert shown.pixelColor(25, 25).name() == "#ffffff"


def test_a_tall_svg_zoomed_in_stays_within_the_pixel_budget(qtbot: QtBot) -> None:
    tall = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 100"><rect width="1"/></svg>'
    pm = render_exhibit(tall, "tall.svg", round(900 * 3.0), 2.0)  # was 2700 x 270000 x 4 px
    assert 0 < pm.width() * pm.height() <= MAX_RENDER_PIXELS
    dlg = ExhibitDialog(tall, "tall.svg", "Tall")
    qtbot.addWidget(dlg)
    for _ in range(len(ExhibitDialog.ZOOMS)):
        dlg.zoom_in.click()
    assert dlg.zoom_label.text() == "300 %"
    image = dlg.image.pixmap()
    assert image.width() * image.height() <= MAX_RENDER_PIXELS


def test_a_tall_png_stays_within_the_pixel_budget(qapp: QApplication, tmp_path: Path) -> None:
    img = QImage(2, 400, QImage.Format.Format_RGB32)
    img.fill(QColor("blue"))
    path = tmp_path / "tall.png"
    img.save(str(path))
    pm = render_exhibit(path.read_bytes(), "tall.png", 2700, 2.0)  # 5400 x 1080000 unguarded
    assert 0 < pm.width() * pm.height() <= MAX_RENDER_PIXELS


def test_the_exhibit_pane_draws_a_revisited_exhibit_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switching between two exhibit questions redraws neither exhibit (the pane keeps its
    last few drawings for its width), and each question still shows its own exhibit."""
    import app.ui.exam.exhibit_view as view

    drawn: list[str | None] = []
    real = view.render_exhibit

    def counting(data: bytes, name: str | None, width: int, ratio: float = 1.0) -> Any:
        drawn.append(name)
        return real(data, name, width, ratio)

    monkeypatch.setattr(view, "render_exhibit", counting)
    pane = view.ExhibitPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)  # not shown: the width stays put, as between two question switches
    svgs = {
        name: (
            '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">'
            f'<rect width="100" height="50" fill="{colour}"/></svg>'
        ).encode()
        for name, colour in (("red.svg", "red"), ("blue.svg", "blue"))
    }
    for name in ("red.svg", "blue.svg", "red.svg", "blue.svg", "red.svg"):
        pane.set_exhibit(svgs[name], name, None)
        image = pane.image.pixmap().toImage()
        colour = image.pixelColor(image.width() // 2, image.height() // 2)
        assert colour == QColor(name.removesuffix(".svg"))
    assert drawn == ["red.svg", "blue.svg"]
