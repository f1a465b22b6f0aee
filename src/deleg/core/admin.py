"""Admin pieces shared by the apps."""
from django.contrib import admin


class RecordAdmin(admin.ModelAdmin):
    """Read-only admin for records nobody may edit: published versions, history, indexes."""

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
