"""Exhibits: a thumbnail button in the question, a zoomable pane beside the question (the exam
screen), and a zoomable viewer window (the score report). SVG stays sharp at every zoom."""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.exhibits import safe_svg

MAX_RENDER_PIXELS = 16_000_000  # 64 MB of ARGB: a 1:100 SVG at 300 % once asked for 7 GB
MAX_RENDER_SIDE = 16_000


def render_size(width: float, height: float) -> tuple[int, int]:
    """`width` x `height` shrunk (keeping the aspect) to fit the pixel budget."""
    w, h = max(1.0, width), max(1.0, height)
    scale = min(
        1.0, math.sqrt(MAX_RENDER_PIXELS / (w * h)), MAX_RENDER_SIDE / w, MAX_RENDER_SIDE / h
    )
    return max(1, math.floor(w * scale)), max(1, math.floor(h * scale))


DRAWN_KEPT = 6  # exhibit drawings an ExhibitPane keeps (about 1 MB each at a typical width)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


def render_exhibit(data: bytes, name: str | None, width: int, ratio: float = 1.0) -> QPixmap:
    """Render SVG at the requested logical width (device-pixel sharp); PNG is scaled. Never more
    than MAX_RENDER_PIXELS; an SVG is cleaned first (stored before cleaning existed, it could
    make QtSvg read local files)."""
    if name and name.lower().endswith(".svg"):
        cleaned = safe_svg(data, name)
        if cleaned is None:
            return QPixmap()
        data = cleaned
        # QtSvg (its library and bindings, about 1 MB resident) loads with the first SVG drawn,
        # not with the exam page: most items and many whole mocks have no SVG exhibit
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        size = renderer.defaultSize()
        if size.isEmpty():
            size = QSize(800, 500)
        h = max(1, round(width * size.height() / max(1, size.width())))
        img = QImage(*render_size(width * ratio, h * ratio), QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.white)
        painter = QPainter(img)
        renderer.render(painter)
        painter.end()
        pm = QPixmap.fromImage(img)
        pm.setDevicePixelRatio(ratio)
        return pm
    pm = QPixmap()
    pm.loadFromData(data)
    if pm.isNull():
        return pm
    target_h = width * ratio * pm.height() / max(1, pm.width())
    scaled = pm.scaled(
        QSize(*render_size(width * ratio, target_h)),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    scaled.setDevicePixelRatio(ratio)
    return scaled


class ExhibitThumbnail(QToolButton):
    """Shows the exhibit small; click (or Space/Enter when focused) to enlarge."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self.open_requested)
        self._data: bytes | None = None
        self._name: str | None = None
        self._cache: dict[tuple[str | None, int, float], QPixmap] = {}

    def set_exhibit(self, data: bytes | None, name: str | None, caption: str | None) -> None:
        self._data, self._name = data, name
        self.setVisible(bool(data))
        if not data:
            return
        key = (name, hash(data), self.devicePixelRatioF())
        pm = self._cache.get(key)
        if pm is None:  # rendering an SVG costs milliseconds; a question is revisited often
            pm = self._cache[key] = render_exhibit(data, name, 420, self.devicePixelRatioF())
        self.setIcon(pm)
        self.setIconSize(pm.deviceIndependentSize().toSize())
        label = self.tr("Exhibit: {0}").format(caption) if caption else self.tr("Exhibit")
        self.setText(self.tr("{0}  (click or X to show it beside the question)").format(label))
        self.setAccessibleName(
            self.tr("{0}. Press Enter to show it beside the question.").format(label)
        )


class ExhibitPane(QWidget):
    """The exhibit beside the question: fits the pane's width at 100 %, zooms in steps, scrolls."""

    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Exhibit"))
        self._data: bytes | None = None
        self._name: str | None = None
        self._zoom_index = ZOOMS.index(1.0)
        self._rendered: tuple[int, int, float] | None = None
        # the last few drawings: a mock's exhibit questions are revisited while the pane's width
        # stays put, and drawing an SVG costs milliseconds per question switch
        self._drawn: dict[tuple[int, int, float], QPixmap] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("font-weight:bold;")
        layout.addWidget(self.caption)
        bar = QHBoxLayout()
        self.zoom_out = QPushButton("\u2212")
        self.zoom_in = QPushButton("+")
        for button, words in (
            (self.zoom_out, self.tr("Zoom out (-)")),
            (self.zoom_in, self.tr("Zoom in (+)")),
        ):
            button.setToolTip(words)
            button.setAccessibleName(words)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("+") + 36)
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        self.hide_button = QPushButton(self.tr("Hide (X)"))
        self.hide_button.setToolTip(self.tr("Hide the exhibit; X shows it again."))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self._zoom_index - 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self._zoom_index + 1))
        self.hide_button.clicked.connect(self.hide_requested)
        for w in (self.zoom_out, self.zoom_in, self.zoom_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.hide_button)
        layout.addLayout(bar)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.viewer = QScrollArea()
        self.viewer.setWidget(self.image)
        self.viewer.setWidgetResizable(True)
        self.viewer.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys scroll a zoomed one
        layout.addWidget(self.viewer, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def zoom(self) -> float:
        return ZOOMS[self._zoom_index]

    def set_exhibit(self, data: bytes | None, name: str | None, caption: str | None) -> None:
        if (data, name) != (self._data, self._name):
            self._rendered = None
        self._data, self._name = data, name
        self.caption.setText(
            self.tr("Exhibit: {0}").format(caption) if caption else self.tr("Exhibit")
        )
        self.image.setAccessibleName(caption or self.tr("Exhibit"))
        self._render()

    def set_zoom(self, index: int) -> None:
        self._zoom_index = max(0, min(len(ZOOMS) - 1, index))
        self._render()

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self._zoom_index + steps)

    def fit_width(self) -> int:
        """The width the exhibit is drawn at: the pane's visible width times the zoom."""
        room = max(160, self.viewer.viewport().width() - 8)
        return round(room * self.zoom)

    def _render(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out.setEnabled(self._zoom_index > 0)
        self.zoom_in.setEnabled(self._zoom_index < len(ZOOMS) - 1)
        if not self._data:
            self.image.clear()
            self._rendered = None
            return
        key = (hash(self._data), self.fit_width(), self.devicePixelRatioF())
        if key == self._rendered:  # drawing an SVG costs milliseconds; resizes come in bursts
            return
        self._rendered = key
        pm = self._drawn.pop(key, None)
        if pm is None:
            pm = render_exhibit(self._data, self._name, key[1], key[2])
        self._drawn[key] = pm  # most recent last
        while len(self._drawn) > DRAWN_KEPT:
            del self._drawn[next(iter(self._drawn))]
        self.image.setPixmap(pm)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._render()


class ExhibitDialog(QDialog):
    """A separate, zoomable exhibit window (the score report opens one beside itself)."""

    ZOOMS = ZOOMS

    def __init__(
        self, data: bytes, name: str | None, caption: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Exhibit - {0}").format(caption) if caption else self.tr("Exhibit")
        )
        self._data, self._name = data, name
        self._zoom_index = 2
        self.resize(1000, 700)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.zoom_out = QPushButton(self.tr("Zoom out (-)"))
        self.zoom_in = QPushButton(self.tr("Zoom in (+)"))
        self.zoom_label = QLabel()
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.accept)
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self._zoom_index - 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self._zoom_index + 1))
        for w in (self.zoom_out, self.zoom_in, self.zoom_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName(caption or self.tr("Exhibit"))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll)
        for key, step in (("+", 1), ("=", 1), ("-", -1)):
            QShortcut(QKeySequence(key), self, lambda s=step: self.set_zoom(self._zoom_index + s))
        self.set_zoom(2)

    def set_zoom(self, index: int) -> None:
        self._zoom_index = max(0, min(len(self.ZOOMS) - 1, index))
        z = self.ZOOMS[self._zoom_index]
        self.image.setPixmap(
            render_exhibit(self._data, self._name, round(900 * z), self.devicePixelRatioF())
        )
        self.zoom_label.setText(f"{round(z * 100)} %")
