"""The API's URLs, for `path("api/v1/", include("deleg.api.urls"))`: OpenAPI at openapi.json, docs at docs."""
from deleg.api.api import api

app_name = "api"
urlpatterns = api.urls[0]
