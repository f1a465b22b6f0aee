from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("deleg.api.urls")),
    path("", include("deleg.agreements.urls")),
    path("", include("deleg.activities.urls")),
    path("", include("deleg.reports.urls")),
    path("s/", include("deleg.summaries.urls")),
    path("", include("deleg.opendata.urls")),
    path("", include("deleg.analytics.urls")),
    path("", include("deleg.web.urls")),
]

handler404 = "deleg.web.views.not_found"
