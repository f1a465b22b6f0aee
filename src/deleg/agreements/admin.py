from django.contrib import admin

from deleg.agreements.models import Agreement, BudgetLine, HistoryEntry, Indicator, Objective
from deleg.core.admin import RecordAdmin


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "performer", "delegator", "region", "start", "end", "status"]
    list_filter = ["status", "kind", "region", "delegator"]
    search_fields = ["number", "title", "task", "performer__name"]
    autocomplete_fields = ["delegator", "performer"]
    date_hierarchy = "start"
    inlines = [ObjectiveInline, BudgetLineInline]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["agreement", "position", "text"]
    search_fields = ["text", "agreement__title"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "objective", "kind", "target", "rule"]
    list_filter = ["kind", "rule"]
    search_fields = ["name"]


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["agreement", "year", "planned"]
    list_filter = ["year"]


@admin.register(HistoryEntry)
class HistoryEntryAdmin(RecordAdmin):
    """Read-only: the history is a record of what people did."""

    list_display = ["at", "agreement", "actor", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    date_hierarchy = "at"
