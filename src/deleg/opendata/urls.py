from django.urls import path

from deleg.opendata import views

app_name = "opendata"
urlpatterns = [
    path("data/", views.index, name="index"),
    path("data/deleg.<str:ext>", views.download, name="download"),
]
