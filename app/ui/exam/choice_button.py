"""An answer option: a radio button whose text wraps, so a long option never runs off a narrow
question column (the exhibit pane beside it, a 1000-pixel window).

The button lays out and paints its own words (one QTextLayout per text, its lines broken again
only when the width changes) instead of holding a word-wrapped QLabel in a layout: the label, its
layout and their height-for-width passes were a large part of every question switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QRadioButton, QSizePolicy, QStyle, QWidget

WORDS_POINT_SIZE = 12  # the option's words, a little larger than the interface text
WORDS_MARGINS = (6, 3, 4, 3)  # beyond the indicator: left, top, right, bottom
NATURAL_CHARS = 60  # the widest a long option asks to be (it wraps to whatever it is given)
ONE_LINE, NOT_LAID = 0, -1  # keys of _heights and _laid_width besides a width
HEIGHTS_KEPT = 8  # widths one layout pass asks about (with and without a scroll bar, ...)


class ChoiceButton(QRadioButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = ""
        self._colour: QColor | None = None  # None: the palette's text colour
        self._bold = False
        self._font: QFont | None = None  # the words' font, kept until the font or style changes
        self._room: QSize | None = None  # the room around the words, likewise
        self._text: QTextLayout | None = None  # the words, shaped once per text
        self._laid_width = NOT_LAID  # the width (or ONE_LINE) the lines of _text are broken at
        self._natural = -1  # the words' width on one line (-1: not measured yet)
        self._heights: dict[int, int] = {}  # width of the words -> their height
        # a radio button's policy makes its one-line width the minimum, which pushed a long
        # option (and the stem above it) past the right edge of a narrow question column
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        # and its fixed height the one-line height: a wrapped option takes its lines' height
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- the words ------------------------------------------------------------------------------
    def setText(self, text: str) -> None:
        if text != self._words:
            self._words = text
            self._forget()

    def text(self) -> str:
        return self._words

    def set_words_style(self, colour: str | None, *, bold: bool) -> None:
        """Colour (#rrggbb; None: the palette's text colour) and weight of the words."""
        new = QColor(colour) if colour else None
        if new != self._colour or bold != self._bold:
            self._colour, self._bold = new, bold
            self._forget(style=True)

    def words_colour(self) -> QColor:
        return self._colour or self.palette().color(self.foregroundRole())

    def words_font(self) -> QFont:
        if self._font is None:
            self._font = self._make_font()
        return self._font

    def _make_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSize(WORDS_POINT_SIZE)
        font.setBold(self._bold)  # not the button's own weight: the app's sheet bolds a checked one
        return font

    def _forget(self, *, style: bool = False) -> None:
        """Drop what was laid out for the old words (and measured for the old style)."""
        self._text = None
        self._laid_width = NOT_LAID
        self._natural = -1
        self._heights.clear()
        if style:
            self._font = self._room = None
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.StyleChange or (
            kind == QEvent.Type.FontChange and self._make_font() != self._font
        ):
            self._forget(style=True)
        super().changeEvent(event)

    # -- geometry -------------------------------------------------------------------------------
    def _extra(self) -> QSize:
        """Room around the words: contents margins, the indicator and WORDS_MARGINS."""
        if self._room is None:
            style, m = self.style(), self.contentsMargins()
            indent = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
            indent += style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, self)
            self._room = QSize(
                m.left() + m.right() + indent + WORDS_MARGINS[0] + WORDS_MARGINS[2],
                m.top() + m.bottom() + WORDS_MARGINS[1] + WORDS_MARGINS[3],
            )
        return self._room

    def _key(self, width: int) -> int:
        """`width`, or ONE_LINE for any width the words fit on one line at (laid out alike)."""
        if self._natural < 0:
            self._natural = QFontMetrics(self.words_font()).horizontalAdvance(self._words) + 2
        return ONE_LINE if width >= self._natural else max(1, width)

    def _lay_out(self, width: int) -> int:
        """Break the words into lines `width` pixels wide; their height."""
        key = self._key(width)
        if key == self._laid_width:
            return self._heights[key]
        if self._text is None:
            self._text = QTextLayout(self._words, self.words_font())
            option = QTextOption()
            # a word longer than the column (hostile or not) breaks rather than running off it
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self._text.setTextOption(option)
        metrics = QFontMetrics(self.words_font())
        leading = max(0, metrics.leading())
        y = 0.0
        self._text.beginLayout()
        while (line := self._text.createLine()).isValid():
            line.setLineWidth(max(1, width))
            y += leading
            line.setPosition(QPointF(0, y))
            y += line.height()
        self._text.endLayout()
        self._laid_width = key
        if len(self._heights) >= HEIGHTS_KEPT:
            self._heights.clear()
        height = self._heights[key] = max(round(y), metrics.height())
        return height

    def _words_height(self, width: int) -> int:
        height = self._heights.get(self._key(width))
        return self._lay_out(width) if height is None else height

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        extra = self._extra()
        return self._words_height(width - extra.width()) + extra.height()

    def sizeHint(self) -> QSize:
        self.ensurePolished()
        extra = self._extra()
        metrics = QFontMetrics(self.words_font())
        self._key(0)  # measures the words on one line, once per text
        natural = self._natural
        widest = metrics.averageCharWidth() * NATURAL_CHARS
        if natural <= widest:  # one line: no need to lay it out
            return QSize(natural + extra.width(), metrics.height() + extra.height())
        return QSize(widest + extra.width(), self.heightForWidth(widest + extra.width()))

    def minimumSizeHint(self) -> QSize:
        self.ensurePolished()
        extra = self._extra()
        metrics = QFontMetrics(self.words_font())
        return QSize(
            extra.width() + metrics.averageCharWidth() * 8, metrics.height() + extra.height()
        )

    # -- input and painting ---------------------------------------------------------------------
    def hitButton(self, pos: QPoint) -> bool:
        """A click anywhere on the option, its words included, chooses it."""
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # frame, fill and indicator (the button's own text is empty)
        extra = self._extra()
        self._lay_out(self.width() - extra.width())
        assert self._text is not None
        m = self.contentsMargins()
        left = extra.width() - m.right() - WORDS_MARGINS[2]  # margin, indicator, spacing
        painter = QPainter(self)
        painter.setPen(self.words_colour())
        self._text.draw(painter, QPointF(left, m.top() + WORDS_MARGINS[1]))
        painter.end()
