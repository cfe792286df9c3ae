"""Insights: the search at a glance, drawn with QPainter (no chart library) in the
palette's own colours, so it reads in light and dark alike. Every figure drawn is also
given as text, for screen readers and for copying."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jobjournal.core.insight.insights import Insights
from jobjournal.core.records import dates
from jobjournal.ui.shared.basics import close_buttons, fit_on_screen
from jobjournal.ui.shared.private_clipboard import copy_private

ROW = 26  # height of one bar row
GAP = 14
LABEL_WIDTH = 170
WEEK_CHART_HEIGHT = 170


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def days(value: float | None) -> str:
    if value is None:
        return "not enough answers yet"
    whole = f"{value:g}"
    return f"{whole} day{'s' if value != 1 else ''}"


def timing_lines(numbers: Insights) -> list[str]:
    rejections = ", ".join(f"{stage.lower()} {n}" for stage, n in numbers.rejected_at.items())
    return [
        f"Answered: {percent(numbers.response_rate)} of applications "
        f"({numbers.responded} of {numbers.applied})",
        f"First answer after: {days(numbers.median_days_to_response)} (median)",
        f"Decision (offer or rejection) after: {days(numbers.median_days_to_decision)} (median)",
        f"Rejections by stage: {rejections or 'none yet'}",
    ]


def summary_lines(numbers: Insights) -> list[str]:
    """Everything the charts show, in words."""
    lines = ["Funnel:"]
    for stage in numbers.funnel:
        conversion = (
            "" if stage.conversion is None else f" ({percent(stage.conversion)} of the step before)"
        )
        lines.append(f"  {stage.name}: {stage.reached}{conversion}")
    lines += timing_lines(numbers)
    lines.append("By source:")
    for row in numbers.sources:
        lines.append(
            f"  {row.source}: {row.applied} applied, {percent(row.response_rate)} answered, "
            f"{row.interviews} reached interviews, {row.offers} offers"
        )
    lines.append("Week by week (applications / interviews):")
    for week in numbers.weeks:
        lines.append(f"  {dates.day_text(week.starts_on)}: {week.applications} / {week.interviews}")
    return lines


class InsightsChart(QWidget):
    """The funnel, the sources, the timings and the weekly pace, one under the other."""

    def __init__(self, numbers: Insights) -> None:
        super().__init__()
        self.numbers = numbers
        self.setAccessibleName("Insights charts")
        self.setAccessibleDescription("\n".join(summary_lines(numbers)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(620)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:
        rows = len(self.numbers.funnel) + max(1, len(self.numbers.sources))
        height = 4 * 40 + rows * ROW + 4 * ROW + WEEK_CHART_HEIGHT + 60 + 4 * GAP
        return QSize(760, height)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        y = 10.0
        y = self._heading(painter, y, "How far applications get")
        y = self._funnel(painter, y)
        y = self._heading(painter, y + GAP, "How quickly companies answer")
        y = self._timings(painter, y)
        y = self._heading(painter, y + GAP, "Which sources work")
        y = self._sources(painter, y)
        y = self._heading(painter, y + GAP, "Week by week")
        self._weeks(painter, y)
        painter.end()

    def _colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        strong = palette.color(QPalette.ColorRole.Highlight)
        soft = QColor(text)
        soft.setAlphaF(0.35)
        faint = QColor(text)
        faint.setAlphaF(0.12)
        return text, strong, soft, faint

    def _heading(self, painter: QPainter, y: float, title: str) -> float:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.setPen(self._colours()[0])
        painter.drawText(QPointF(12, y + 22), title)
        painter.setFont(self.font())
        return y + 36

    def _bar_rows(self, painter: QPainter, y: float, rows: list[_BarRow]) -> float:
        """One labelled bar per row, on a faint track, with its figures on the right;
        every bar in the list shares one scale."""
        text, _strong, _soft, faint = self._colours()
        notes_width = max(painter.fontMetrics().horizontalAdvance(r.note) for r in rows) + 16
        left = 12 + LABEL_WIDTH
        width = max(120.0, self.width() - left - notes_width)
        top = max([max(v for v, _c in r.parts) for r in rows] + [1])
        for row in rows:
            painter.setPen(text)
            painter.drawText(QRectF(12, y, LABEL_WIDTH - 8, ROW), _LEFT, row.label)
            painter.fillRect(QRectF(left, y + 4, width, ROW - 8), faint)
            for value, colour in row.parts:  # largest first: the smaller ones on top
                painter.fillRect(QRectF(left, y + 4, width * value / top, ROW - 8), colour)
            painter.setPen(text)
            painter.drawText(QRectF(left + width + 10, y, notes_width, ROW), _LEFT, row.note)
            y += ROW
        return y

    def _funnel(self, painter: QPainter, y: float) -> float:
        strong = self._colours()[1]
        rows = [
            _BarRow(
                stage.name,
                [(stage.reached, strong)],
                f"{stage.reached}"
                + (
                    ""
                    if stage.conversion is None
                    else f"   {percent(stage.conversion)} of the step before"
                ),
            )
            for stage in self.numbers.funnel
        ]
        return self._bar_rows(painter, y, rows)

    def _timings(self, painter: QPainter, y: float) -> float:
        text = self._colours()[0]
        painter.setPen(text)
        for line in timing_lines(self.numbers):
            painter.drawText(QRectF(12, y, self.width() - 24, ROW), _LEFT, line)
            y += ROW
        return y

    def _sources(self, painter: QPainter, y: float) -> float:
        text, strong, soft, _faint = self._colours()
        if not self.numbers.sources:
            painter.setPen(text)
            painter.drawText(QRectF(12, y, self.width(), ROW), _LEFT, "No applications yet.")
            return y + ROW
        rows = [
            _BarRow(
                row.source,
                [(row.applied, soft), (row.responded, strong)],
                f"{row.applied} applied · {percent(row.response_rate)} answered · "
                f"{row.offers} offer{'' if row.offers == 1 else 's'}",
            )
            for row in self.numbers.sources
        ]
        y = self._bar_rows(painter, y, rows)
        self._legend(painter, y, [(strong, "answered"), (soft, "no answer (yet)")])
        return y + ROW

    def _weeks(self, painter: QPainter, y: float) -> float:
        text, strong, soft, faint = self._colours()
        weeks = self.numbers.weeks
        if not weeks:
            painter.setPen(text)
            painter.drawText(QRectF(12, y, self.width(), ROW), _LEFT, "No applications yet.")
            return y + ROW
        left, right = 40.0, self.width() - 16.0
        chart = QRectF(left, y, right - left, WEEK_CHART_HEIGHT)
        top = max([max(w.applications, w.interviews) for w in weeks] + [1])
        self._grid(painter, chart, top, faint, text)
        slot = chart.width() / len(weeks)
        bar = max(2.0, min(18.0, slot * 0.35))
        for index, week in enumerate(weeks):
            x = chart.left() + index * slot + slot / 2
            for offset, count, colour in (
                (-bar, week.applications, strong),
                (0, week.interviews, soft),
            ):
                height = chart.height() * count / top
                painter.fillRect(QRectF(x + offset, chart.bottom() - height, bar, height), colour)
            if _labelled(index, len(weeks)):
                painter.setPen(text)
                label = dates.short_day(week.starts_on)
                painter.drawText(QRectF(x - 40, chart.bottom() + 2, 80, 20), _CENTRE, label)
        self._legend(painter, chart.bottom() + 24, [(strong, "applications"), (soft, "interviews")])
        return chart.bottom() + 24 + ROW

    def _grid(
        self, painter: QPainter, chart: QRectF, top: int, faint: QColor, text: QColor
    ) -> None:
        step = max(1, round(top / 4))
        for value in range(0, top + 1, step):
            line_y = chart.bottom() - chart.height() * value / top
            painter.setPen(faint)
            painter.drawLine(QPointF(chart.left(), line_y), QPointF(chart.right(), line_y))
            painter.setPen(text)
            painter.drawText(QRectF(0, line_y - 10, chart.left() - 6, 20), _RIGHT, str(value))

    def _legend(self, painter: QPainter, y: float, keys: list[tuple[QColor, str]]) -> None:
        x = 12 + LABEL_WIDTH
        for colour, name in keys:
            painter.fillRect(QRectF(x, y + 8, 12, 12), colour)
            painter.setPen(self._colours()[0])
            painter.drawText(QRectF(x + 18, y, 200, ROW), _LEFT, name)
            x += 40 + painter.fontMetrics().horizontalAdvance(name)


@dataclass(frozen=True)
class _BarRow:
    label: str
    parts: list[tuple[int, QColor]]  # values drawn on one bar, largest first
    note: str


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


def _labelled(index: int, count: int) -> bool:
    """Label every week when there are few, else every fourth and the last."""
    return count <= 10 or index % 4 == 0 or index == count - 1


class InsightsDialog(QDialog):
    def __init__(self, parent: QWidget, numbers: Insights) -> None:
        super().__init__(parent)
        self.setWindowTitle("Insights")
        self.setAccessibleName("Insights")
        self.chart = InsightsChart(numbers)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        buttons = close_buttons(self)
        copy = buttons.addButton("&Copy as text", QDialogButtonBox.ButtonRole.ActionRole)
        copy.setAccessibleName("Copy as text")
        copy.clicked.connect(self.copy_as_text)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        fit_on_screen(self, 860, 760)

    def copy_as_text(self) -> None:
        copy_private("\n".join(summary_lines(self.chart.numbers)))
