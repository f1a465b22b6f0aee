from django.urls import path

from deleg.summaries import views

app_name = "summaries"
urlpatterns = [
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/v/<int:number>/", views.version, name="version"),
    path("<int:pk>/v/<int:number>/print/", views.print_view, name="print"),
    path("<int:pk>/v/<int:number>/download.<str:ext>", views.download, name="download"),
]
