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
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from app.services.reports import AreaRow, TrendPoint

BAR = QColor("#4a90d9")
THIN = QColor("#b0b7c3")
TARGET = QColor("#c62828")


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
    chart = QChart()
    chart.setTitle("Estimated mastery per content area (bar) with its 80 % band (box)")
    estimate = QBarSet("Estimate")
    estimate.setColor(BAR)
    bands = QBoxPlotSeries()
    bands.setName("80 % band")
    bands.setBrush(QColor(0, 0, 0, 0))
    bands.setPen(QPen(QColor("#1f3b5c"), 2))
    cats = []
    for a in areas:
        m = a.mastery
        cats.append(f"{a.letter}" + ("" if m.enough_data else "*"))
        estimate.append(round(m.estimate * 100, 1))
        lo, est, hi = m.low * 100, m.estimate * 100, m.high * 100
        bands.append(QBoxSet(lo, lo, est, hi, hi, a.letter))
    bars = QBarSeries()
    bars.append(estimate)
    bars.setBarWidth(0.5)
    chart.addSeries(bars)
    chart.addSeries(bands)
    target = QLineSeries()
    target.setName(f"Target {target_percent:.0f} %")
    target.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
    target.append(QPointF(-0.5, target_percent))
    target.append(QPointF(len(areas) - 0.5, target_percent))
    chart.addSeries(target)
    x = QBarCategoryAxis()
    x.append(cats)
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
    return _view(chart, "Mastery per content area chart")


def trend_chart(points: Sequence[TrendPoint], target_percent: float) -> QChartView:
    chart = QChart()
    chart.setTitle("Mock exam scores")
    line = QLineSeries()
    line.setName("Score")
    dots = QScatterSeries()
    dots.setName("Mock")
    dots.setMarkerSize(9)
    for n, p in enumerate(points, start=1):
        line.append(QPointF(n, p.percent))
        dots.append(QPointF(n, p.percent))
    target = QLineSeries()
    target.setName(f"Target {target_percent:.0f} %")
    target.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
    last = max(2, len(points))
    target.append(QPointF(1, target_percent))
    target.append(QPointF(last, target_percent))
    for s in (line, dots, target):
        chart.addSeries(s)
    x = QValueAxis()
    x.setRange(1, last)
    x.setTickCount(min(last, 10))
    x.setLabelFormat("%d")
    x.setTitleText("Mock number")
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%d %%")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for s in (line, dots, target):
        s.attachAxis(x)
        s.attachAxis(y)
    return _view(chart, "Score trend chart")
