from django.urls import path

from deleg.agreements import views

app_name = "agreements"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
]
