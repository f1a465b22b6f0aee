from django.urls import path

from deleg.activities import views

app_name = "activities"
urlpatterns = [
    path("app/agreements/<int:pk>/activities/new/", views.create, name="create"),
    path("app/agreements/<int:pk>/activities/import/", views.import_spreadsheet, name="import"),
    path("app/activities/<int:pk>/edit/", views.edit, name="edit"),
    path("app/activities/<int:pk>/delete/", views.delete, name="delete"),
]
