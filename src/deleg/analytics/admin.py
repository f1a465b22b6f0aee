"""The figures' summary tables, read-only: they are rebuilt by `figures_refresh()`, never edited."""
from django.contrib import admin

from deleg.analytics.models import AgreementFigure, IndicatorFigure, RefreshState, YearFigure
from deleg.core.admin import RecordAdmin as ReadOnly


@admin.register(YearFigure)
class YearFigureAdmin(ReadOnly):
    list_display = ["source", "title", "region", "year", "planned", "spent", "unstated", "participants", "events"]
    list_filter = ["source", "region", "year"]


@admin.register(AgreementFigure)
class AgreementFigureAdmin(ReadOnly):
    list_display = ["source", "title", "region", "performer_name", "spent", "non_compliant", "achievement"]
    list_filter = ["source", "region"]


@admin.register(IndicatorFigure)
class IndicatorFigureAdmin(ReadOnly):
    list_display = ["figure", "objective_position", "name", "target", "achieved", "percent"]


@admin.register(RefreshState)
class RefreshStateAdmin(ReadOnly):
    list_display = ["refreshed_at", "checked_at"]
