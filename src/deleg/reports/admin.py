from django.contrib import admin

from deleg.reports.models import IndicatorValue, Report, ReportAttachment, ReportSpending, Review


class ReportSpendingInline(admin.TabularInline):
    model = ReportSpending
    extra = 0


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


class ReportAttachmentInline(admin.TabularInline):
    model = ReportAttachment
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["agreement", "kind", "period_start", "period_end", "status", "submitted_at"]
    list_filter = ["status", "kind"]
    search_fields = ["agreement__title", "agreement__number"]
    inlines = [ReportSpendingInline, IndicatorValueInline, ReportAttachmentInline]


@admin.register(ReportSpending)
class ReportSpendingAdmin(admin.ModelAdmin):
    list_display = ["report", "year", "spent"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["report", "indicator", "computed", "override"]


@admin.register(ReportAttachment)
class ReportAttachmentAdmin(admin.ModelAdmin):
    list_display = ["file", "report", "uploaded_at"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["report", "reviewer", "non_compliant_amount", "recovered_amount", "unrecovered"]
    readonly_fields = ["unrecovered"]
