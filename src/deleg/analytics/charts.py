"""Charts as data: the geometry of hand-written SVG bar charts, their table and their CSV, from selector figures.

A chart's table and its CSV hold exactly the values its bars draw. Numbers on screen are formatted
in the active language (Latvian: 37 500,00; 81,5 %); the CSV keeps plain values (37500.00).
"""
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from deleg.core.money import money_str

WIDTH = 640
LABEL_WIDTH = 200  # room for category names left of horizontal bars
BAR = 18  # height of one horizontal bar
GAP = 10


@dataclass
class Series:
    name: str
    colour: str
    values: list  # one per category; None where nothing is stated (no bar is drawn)
    money: bool = False
    percent: bool = False


@dataclass
class Panel:
    title: str
    y: int
    height: int
    bars: list[dict] = field(default_factory=list)
    ticks: list[dict] = field(default_factory=list)
    labels: list[dict] = field(default_factory=list)
    reference: dict | None = None


@dataclass
class Chart:
    name: str
    title: str
    unit: str
    description: str
    categories: list[str]
    series: list[Series]
    category_heading: str
    panels: list[Panel] = field(default_factory=list)
    height: int = 0
    note: str = ""

    @property
    def legend(self) -> list[Series]:
        return self.series

    def table(self) -> list[dict]:
        """The drawn values, formatted for people, one row per category."""
        return [{"category": category, "cells": [show(s.values[i], s) for s in self.series]}
                for i, category in enumerate(self.categories)]

    def csv_rows(self) -> list[list[str]]:
        """The drawn values, plain, with a header row: what ?format=csv returns."""
        rows = [[self.category_heading, *[s.name for s in self.series]]]
        for i, category in enumerate(self.categories):
            rows.append([category, *[plain(s.values[i], s) for s in self.series]])
        return rows


def plain(value, series: Series) -> str:
    """A value for CSV: money with two decimals and a dot (37500.00), nothing where nothing is stated."""
    if value is None:
        return ""
    return money_str(value) if series.money else str(value)


def show(value, series: Series | None = None, *, money: bool = False, percent: bool = False) -> str:
    """A number as the active language writes it; an unstated figure says so."""
    money = money or bool(series and series.money)
    percent = percent or bool(series and series.percent)
    if value is None:
        return _("not stated")
    if money:
        return number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)
    if percent:
        return f"{number_format(Decimal(value), 1, use_l10n=True, force_grouping=True)}\u00a0%"
    return number_format(value, 0, use_l10n=True, force_grouping=True)


def _nice_top(largest) -> Decimal:
    """The scale's end: four equal round steps (1, 2, 2.5 or 5 times a power of ten) reaching the largest value."""
    quarter = Decimal(largest or 0) / 4
    if quarter <= 0:
        return Decimal(4)
    power = Decimal(10) ** (len(str(int(quarter))) - 1)
    for step in (1, 2, Decimal("2.5"), 5, 10):
        # A step of 2.5 only from 25 up, so that counts keep whole-number gridlines.
        if quarter <= step * power and (step * power) == int(step * power):
            return 4 * step * power
    return 40 * power


def _ticks(top: Decimal, series: Series) -> list[tuple[Decimal, str]]:
    """Five gridlines from zero to the top of the scale, labelled without cents."""
    ticks = []
    for i in range(5):
        value = top * i / 4
        if series.percent:
            text = f"{show(int(value))}\u00a0%"
        elif value == int(value):
            text = show(int(value))
        else:
            text = number_format(value, 1, use_l10n=True, force_grouping=True)
        ticks.append((value, text))
    return ticks


def vertical(chart: Chart, *, height: int = 260) -> Chart:
    """Grouped vertical bars: one group per category, one bar per series."""
    top = _nice_top(max((v for s in chart.series for v in s.values if v is not None), default=0))
    left, plot_top, plot_height = 90, 30, height - 70
    plot_width = WIDTH - left - 10
    group = plot_width / max(1, len(chart.categories))
    bar = min(40, (group - 16) / max(1, len(chart.series)))
    panel = Panel(title="", y=0, height=height)
    for value, text in _ticks(top, chart.series[0]):
        y = plot_top + plot_height - float(value / top) * plot_height
        panel.ticks.append({"x1": left, "x2": WIDTH - 10, "y": round(y, 1), "text": text, "tx": left - 6})
    for i, category in enumerate(chart.categories):
        x0 = left + i * group + (group - bar * len(chart.series)) / 2
        panel.labels.append({"x": round(left + i * group + group / 2, 1), "y": plot_top + plot_height + 18,
                             "text": category, "anchor": "middle"})
        for j, series in enumerate(chart.series):
            value = series.values[i]
            if value is None:
                continue
            h = float(Decimal(value) / top) * plot_height
            panel.bars.append({"x": round(x0 + j * bar, 1), "y": round(plot_top + plot_height - h, 1),
                               "width": round(bar - 2, 1), "height": round(h, 1), "colour": series.colour,
                               "label": f"{category}, {series.name}: {show(value, series)}"})
    chart.panels, chart.height = [panel], height
    return chart


def horizontal(chart: Chart, *, reference: Decimal | None = None, panel_series: bool = False) -> Chart:
    """Horizontal bars, one row per category; with panel_series each series gets its own panel and scale."""
    groups = [[s] for s in chart.series] if panel_series else [chart.series]
    y = 0
    chart.panels = []
    for series_group in groups:
        values = [v for s in series_group for v in s.values if v is not None]
        top = _nice_top(max([*values, reference or 0], default=0))
        row = BAR * len(series_group) + GAP
        plot_top = y + (28 if panel_series else 8)
        plot_height = row * len(chart.categories)
        panel = Panel(title=series_group[0].name if panel_series else "", y=y, height=plot_height + 40)
        plot_width = WIDTH - LABEL_WIDTH - 40
        for value, text in _ticks(top, series_group[0]):
            x = LABEL_WIDTH + float(value / top) * plot_width
            panel.ticks.append({"x": round(x, 1), "y1": plot_top, "y2": plot_top + plot_height,
                                "ty": plot_top + plot_height + 14, "text": text})
        for i, category in enumerate(chart.categories):
            row_top = plot_top + i * row + GAP / 2
            panel.labels.append({"x": LABEL_WIDTH - 8, "y": round(row_top + row / 2, 1),
                                 "text": category if len(category) <= 26 else category[:25] + "…", "anchor": "end"})
            for j, series in enumerate(series_group):
                value = series.values[i]
                if value is None:
                    continue
                width = float(Decimal(value) / top) * plot_width
                panel.bars.append({"x": LABEL_WIDTH, "y": round(row_top + j * BAR, 1), "width": round(width, 1),
                                   "height": BAR - 3, "colour": series.colour,
                                   "label": f"{category}, {series.name}: {show(value, series)}"})
        if reference is not None:
            x = LABEL_WIDTH + float(reference / top) * plot_width
            panel.reference = {"x": round(x, 1), "y1": plot_top - 4, "y2": plot_top + plot_height + 4}
        chart.panels.append(panel)
        y += panel.height + 10
    chart.height = y
    return chart
