from django.urls import path

from deleg.analytics import views

app_name = "analytics"
urlpatterns = [
    path("figures/", views.figures, name="figures"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
