"""The deleg JSON API under /api/v1/: mounts each app's router, with authentication and error handlers.

Errors have one shape for clients: a refused write is 422 `{"errors": {field: [message, …]}, "code": …}`,
a save from an outdated revision 409 with the same shape, a refusal by role 403, and anything outside
the caller's organisations 404, so another organisation's work is not even confirmed to exist.
"""
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as InputError

from deleg.activities.api import router as activities_router
from deleg.agreements.api import router as agreements_router
from deleg.api.auth import ApiTokenAuth, SiteSessionAuth
from deleg.organizations.api import router as organizations_router
from deleg.organizations.permissions import DENIED
from deleg.reports.api import router as reports_router
from deleg.summaries.api import router as summaries_router

api = NinjaAPI(
    title="deleg API",
    version="1",
    urls_namespace="api",
    description="Register and reporting of delegated state administration tasks in Latvia. Published summaries "
                "and public agreements are open to all; the rest needs `Authorization: Bearer <key>` and the "
                "role the site itself would require. Money is a string with two decimals, in euro.",
    auth=[ApiTokenAuth(), SiteSessionAuth()],
)
for router in (summaries_router, agreements_router, organizations_router, activities_router, reports_router):
    api.add_router("", router)
api.add_router("", "deleg.analytics.api.router")


def _error_body(messages: dict[str, list[str]], codes: list[str | None]) -> dict:
    return {"errors": messages, "code": next((code for code in codes if code), "invalid")}


@api.exception_handler(ValidationError)
def refused(request, error: ValidationError):
    if hasattr(error, "error_dict"):
        codes = [e.code for errors in error.error_dict.values() for e in errors]
        body = _error_body(error.message_dict, codes)
    else:
        codes = [e.code for e in error.error_list]
        body = _error_body({"__all__": error.messages}, codes)
    return api.create_response(request, body, status=409 if "stale" in codes else 422)


@api.exception_handler(InputError)
def malformed(request, error: InputError):
    """Input that does not fit the schema, shaped like a refused write (`budget_lines[0].planned`, `query.limit`)."""
    messages: dict[str, list[str]] = {}
    for item in error.errors:
        location = list(item["loc"])
        # Ninja names the body parameter after the source ("body", "payload", "title"); clients know only "title".
        if location[:1] == ["body"] and len(location) > 2:
            location = location[2:]
        name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location).lstrip(".")
        messages.setdefault(name, []).append(item["msg"])
    return api.create_response(request, _error_body(messages, [item["type"] for item in error.errors]), status=422)


@api.exception_handler(PermissionDenied)
def forbidden(request, error: PermissionDenied):
    return api.create_response(request, {"detail": str(error) or str(DENIED)}, status=403)


# An id too large for the database's integers names nothing that can exist.
@api.exception_handler(OverflowError)
@api.exception_handler(ObjectDoesNotExist)
@api.exception_handler(Http404)
def not_found(request, error: Exception):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)
