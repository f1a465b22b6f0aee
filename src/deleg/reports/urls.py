from django.urls import path

from deleg.reports import views

app_name = "reports"
urlpatterns = [
    path("app/agreements/<int:pk>/reports/new/", views.create, name="create"),
    path("app/reports/<int:pk>/", views.detail, name="detail"),
    path("app/reports/<int:pk>/edit/", views.edit, name="edit"),
    path("app/reports/<int:pk>/check/", views.check, name="check"),
    path("app/reports/<int:pk>/attach/", views.attach, name="attach"),
    path("app/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("app/reports/<int:pk>/review/", views.review, name="review"),
    path("app/reports/<int:pk>/publish/", views.publish, name="publish"),
]
