"""QtCharts for the weak-area report: mastery bars with their bands and the target line, and the
score trend across mocks. Built from plain report dataclasses."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QBoxPlotSeries,
    QBoxSet,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.domain.mastery import MIN_RESPONSES
from app.services.reports import AreaRow, TrendPoint

BAR = QColor("#4a90d9")
THIN = QColor("#b0b7c3")
TARGET = QColor("#c62828")

translate = QCoreApplication.translate


def _palette() -> tuple[QColor, QColor]:
    """(band outline, target line) readable on the chart background of the current scheme."""
    from app.ui.theme import colour, is_dark

    return (QColor("#cfe3ff") if is_dark() else QColor("#1f3b5c")), QColor(colour("bad"))


def _new_chart() -> QChart:
    """A chart in the app's colour scheme (set before series are added: a theme recolours them)."""
    from app.ui.theme import is_dark

    chart = QChart()
    if is_dark():
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    return chart


def _view(chart: QChart, name: str) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(260)
    return view


def mastery_chart(areas: Sequence[AreaRow], target_percent: float) -> QChartView:
    chart = _new_chart()
    band_pen, target_pen = _palette()
    answered = any(a.mastery.seen for a in areas)
    chart.setTitle(
        translate("Charts", "Estimated mastery per content area (bar) with its 80 % band (box)")
        if answered
        else translate("Charts", "Mastery per content area: no answers yet")
    )
    estimate = QBarSet(translate("Charts", "Estimate"))
    estimate.setColor(BAR)
    bands = QBoxPlotSeries()
    bands.setName(translate("Charts", "80 % band"))
    bands.setBrush(QColor(0, 0, 0, 0))
    bands.setPen(QPen(band_pen, 2))
    cats = []
    thin = unanswered = False
    for a in areas:
        m = a.mastery
        if m.seen == 0:  # the prior's 50 % is not a measurement: draw nothing
            # A short mark, explained under the axis: "B (no answers yet)" was cut at 1000 px.
            cats.append(a.letter + ("†" if answered else ""))
            unanswered = True
            estimate.append(0.0)
            empty = QBoxSet(0, 0, 0, 0, 0, a.letter)
            empty.setPen(QPen(Qt.PenStyle.NoPen))
            empty.setBrush(QColor(0, 0, 0, 0))
            bands.append(empty)
            continue
        cats.append(f"{a.letter}" + ("" if m.enough_data else "*"))
        thin = thin or not m.enough_data
        estimate.append(round(m.estimate * 100, 1))
        lo, est, hi = m.low * 100, m.estimate * 100, m.high * 100
        bands.append(QBoxSet(lo, lo, est, hi, hi, a.letter))
    bars = QBarSeries()
    bars.append(estimate)
    bars.setBarWidth(0.5)
    chart.addSeries(bars)
    chart.addSeries(bands)
    target = QLineSeries()
    target.setName(translate("Charts", "Target {0:.0f} %").format(target_percent))
    target.setPen(QPen(target_pen, 2, Qt.PenStyle.DashLine))
    target.append(QPointF(-0.5, target_percent))
    target.append(QPointF(len(areas) - 0.5, target_percent))
    chart.addSeries(target)
    x = QBarCategoryAxis()
    x.append(cats)
    notes = []
    if thin:
        notes.append(translate("Charts", "* fewer than {0} answers").format(MIN_RESPONSES))
    if answered and unanswered:
        notes.append(translate("Charts", "† no answers yet"))
    if notes:
        x.setTitleText("   ".join(notes))
        font = x.titleFont()
        font.setBold(False)
        x.setTitleFont(font)
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%d %%")
    y.setTickCount(6)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in (bars, bands):
        s.attachAxis(x)
        s.attachAxis(y)
    xv = QValueAxis()
    xv.setRange(-0.5, len(areas) - 0.5)
    xv.setVisible(False)
    chart.addAxis(xv, Qt.AlignmentFlag.AlignTop)
    target.attachAxis(xv)
    target.attachAxis(y)
    return _view(chart, translate("Charts", "Mastery per content area chart"))


def trend_chart(points: Sequence[TrendPoint], target_percent: float) -> QChartView:
    chart = _new_chart()
    _band, target_pen = _palette()
    chart.setTitle(
        translate("Charts", "Mock exam scores")
        if points
        else translate("Charts", "Mock exam scores: no mocks yet")
    )
    line = QLineSeries()
    line.setName(translate("Charts", "Score"))
    dots = QScatterSeries()
    dots.setName(translate("Charts", "Mock"))
    dots.setMarkerSize(9)
    for n, p in enumerate(points, start=1):
        line.append(QPointF(n, p.percent))
        dots.append(QPointF(n, p.percent))
    target = QLineSeries()
    target.setName(translate("Charts", "Target {0:.0f} %").format(target_percent))
    target.setPen(QPen(target_pen, 2, Qt.PenStyle.DashLine))
    last = max(2, len(points))
    target.append(QPointF(1, target_percent))
    target.append(QPointF(last, target_percent))
    for s in (line, dots, target):
        chart.addSeries(s)
    x = QValueAxis()
    x.setRange(1, last)
    x.setTickCount(min(last, 10))
    x.setLabelFormat("%d")
    x.setTitleText(translate("Charts", "Mock number"))
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%d %%")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in (line, dots, target):
        s.attachAxis(x)
        s.attachAxis(y)
    return _view(chart, translate("Charts", "Score trend chart"))
