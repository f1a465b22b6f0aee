from django.contrib import admin

from deleg.activities.models import Activity, ActivityAttachment


class ActivityAttachmentInline(admin.TabularInline):
    model = ActivityAttachment
    extra = 0


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "type", "agreement", "municipality", "participants", "organizations"]
    list_filter = ["type", "minority_focus"]
    search_fields = ["title", "municipality", "agreement__title"]
    date_hierarchy = "date"
    inlines = [ActivityAttachmentInline]


@admin.register(ActivityAttachment)
class ActivityAttachmentAdmin(admin.ModelAdmin):
    list_display = ["file", "activity", "uploaded_at"]
