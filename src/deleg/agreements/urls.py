from django.urls import path

from deleg.agreements import views, views_work

app_name = "agreements"
urlpatterns = [
    path("agreements/<int:pk>/", views.detail, name="detail"),
    path("app/", views_work.home, name="work_home"),
    path("app/agreements/new/", views_work.create, name="work_create"),
    path("app/agreements/<int:pk>/", views_work.detail, name="work_detail"),
    path("app/agreements/<int:pk>/edit/", views_work.edit, name="work_edit"),
    path("app/agreements/<int:pk>/status/", views_work.set_status, name="work_status"),
    path("app/agreements/<int:pk>/objectives/new/", views_work.objective_new, name="work_objective_new"),
    path("app/agreements/<int:pk>/indicators/new/", views_work.indicator_new, name="work_indicator_new"),
    path("app/agreements/<int:pk>/budget/", views_work.budget_line_new, name="work_budget_line_new"),
]
