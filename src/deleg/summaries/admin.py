from django.contrib import admin

from deleg.core.admin import RecordAdmin
from deleg.summaries.models import Summary, SummaryVersion, SummaryYear


class SummaryVersionInline(admin.TabularInline):
    model = SummaryVersion
    fields = ["number", "title", "published_at", "change_note", "source_file", "content_sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Summary)
class SummaryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "agreement", "created_at"]
    inlines = [SummaryVersionInline]


@admin.register(SummaryVersion)
class SummaryVersionAdmin(RecordAdmin):
    """Read-only: published versions are a record; corrections are published as new versions."""

    list_display = ["title", "number", "region", "performer_name", "period_start", "period_end", "published_at"]
    list_filter = ["region"]
    search_fields = ["title", "performer_name"]


@admin.register(SummaryYear)
class SummaryYearAdmin(RecordAdmin):
    """Read-only: the register's year index, written when a version is published."""

    list_display = ["year", "version"]
    list_filter = ["year"]
