from django.contrib.auth import views as auth_views
from django.urls import path

from deleg.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("agreements/", views.agreements, name="agreements"),
    path("app/login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("app/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
