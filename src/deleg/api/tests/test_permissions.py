"""Every role against every endpoint: the API applies the site's role and organisation rules, no more, no less.

404 where the object lies outside the person's organisations (its existence is not confirmed) or is a
performer's draft report the ministry does not see yet, 403 where they may see it but their role may not
act, 401 without credentials.
"""
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from deleg.activities.services import activity_log
from deleg.api.tests.conftest import ROLES
from deleg.reports.models import Report
from deleg.reports.services import report_accept, report_create, report_submit
from deleg.summaries.services import summary_publish

pytestmark = pytest.mark.django_db

ACTIVITY = {"type": "seminar", "date": "2019-09-01", "title": "Seminārs", "participants": 12}
CSV = "Datums;Veids;Nosaukums\n01.10.2019;seminar;Seminārs\n".encode()


def _revision(world, name):
    return Report.objects.get(pk=world[name].pk).revision


# (method, path, body or a function of the world returning it): one row per endpoint.
ENDPOINTS = {
    "list summaries": ("GET", "/summaries", None),
    "summary facets": ("GET", "/summaries/facets", None),
    "summary": ("GET", "/summaries/{summary}", None),
    "summary version": ("GET", "/summaries/{summary}/versions/1", None),
    "public agreements": ("GET", "/agreements/public", None),
    "public agreement": ("GET", "/agreements/public/{agreement}", None),
    "organisations": ("GET", "/organizations", None),
    "organisation": ("GET", "/organizations/{performer}", None),
    "figures funding": ("GET", "/figures/funding", None),
    "figures counts": ("GET", "/figures/counts", None),
    "figures achievement": ("GET", "/figures/achievement", None),
    "figures costs": ("GET", "/figures/costs", None),
    "figures change": ("GET", "/figures/change", None),
    "my agreements": ("GET", "/agreements", None),
    "agreement": ("GET", "/agreements/{agreement}", None),
    "create agreement": ("POST", "/agreements", lambda w: {
        "title": "Jauns līgums", "task": "Uzdevums", "delegator": w["agreement"].delegator_id,
        "performer": w["agreement"].performer_id, "objectives": [{"text": "Mērķis"}],
        "budget_lines": [{"year": 2021, "planned": "1000.00"}]}),
    "list activities": ("GET", "/agreements/{agreement}/activities", None),
    "log activity": ("POST", "/agreements/{agreement}/activities", ACTIVITY),
    "change activity": ("PUT", "/activities/{activity}", ACTIVITY | {"title": "Seminārs (labots)"}),
    "delete activity": ("DELETE", "/activities/{activity}", None),
    "import activities": ("POST", "/agreements/{agreement}/activities/import", "upload"),
    "list reports": ("GET", "/agreements/{agreement}/reports", None),
    "create report": ("POST", "/agreements/{agreement}/reports", {
        "kind": "interim", "period_start": "2019-08-12", "period_end": "2019-12-31"}),
    "draft report": ("GET", "/reports/{draft}", None),
    "submitted report": ("GET", "/reports/{submitted}", None),
    "change report": ("PUT", "/reports/{draft}", lambda w: {"revision": _revision(w, "draft"), "narrative": "Teksts"}),
    "submit report": ("POST", "/reports/{draft}/submit", lambda w: {"revision": _revision(w, "draft")}),
    "return report": ("POST", "/reports/{submitted}/return", lambda w: {
        "revision": _revision(w, "submitted"), "comments": "Papildiniet."}),
    "accept report": ("POST", "/reports/{submitted}/accept", lambda w: {"revision": _revision(w, "submitted")}),
    "publish summary": ("POST", "/reports/{accepted}/publish", {"change_note": "Labots dalībnieku skaits."}),
}

EXPECTED = {
    # endpoint:             anonymous ministry_admin ministry_reviewer performer_editor performer_viewer other_editor
    "list summaries":       (200, 200, 200, 200, 200, 200),
    "summary facets":       (200, 200, 200, 200, 200, 200),
    "summary":              (200, 200, 200, 200, 200, 200),
    "summary version":      (200, 200, 200, 200, 200, 200),
    "public agreements":    (200, 200, 200, 200, 200, 200),
    "public agreement":     (200, 200, 200, 200, 200, 200),
    "organisations":        (200, 200, 200, 200, 200, 200),
    "organisation":         (200, 200, 200, 200, 200, 200),
    "figures funding":      (200, 200, 200, 200, 200, 200),
    "figures counts":       (200, 200, 200, 200, 200, 200),
    "figures achievement":  (200, 200, 200, 200, 200, 200),
    "figures costs":        (200, 200, 200, 200, 200, 200),
    "figures change":       (200, 200, 200, 200, 200, 200),
    "my agreements":        (401, 200, 200, 200, 200, 200),
    "agreement":            (401, 200, 200, 200, 200, 404),
    "create agreement":     (401, 201, 403, 403, 403, 403),
    "list activities":      (401, 200, 200, 200, 200, 404),
    "log activity":         (401, 403, 403, 201, 403, 404),
    "change activity":      (401, 403, 403, 200, 403, 404),
    "delete activity":      (401, 403, 403, 204, 403, 404),
    "import activities":    (401, 403, 403, 200, 403, 404),
    "list reports":         (401, 200, 200, 200, 200, 404),
    "create report":        (401, 403, 403, 201, 403, 404),
    "draft report":         (401, 404, 404, 200, 200, 404),
    "submitted report":     (401, 200, 200, 200, 200, 404),
    "change report":        (401, 404, 404, 200, 403, 404),
    "submit report":        (401, 404, 404, 200, 403, 404),
    "return report":        (401, 200, 200, 403, 403, 404),
    "accept report":        (401, 200, 200, 403, 403, 404),
    "publish summary":      (401, 201, 201, 403, 403, 404),
}


@pytest.fixture
def world(agreement, people):
    """The agreement with an activity, a draft, a submitted and a published accepted report."""
    editor, reviewer = people["performer_editor"], people["ministry_reviewer"]
    agreement.objectives.create(position=1, text="Stiprināt NVO").indicators.create(
        position=1, name="Semināri", kind="events", target=3, rule="count_activities", activity_types=["seminar"])
    activity = activity_log(actor=editor, agreement=agreement, type="seminar", date=date(2019, 9, 1), title="Seminārs")

    def report(kind, start, end):
        return report_create(actor=editor, agreement=agreement, kind=kind, period_start=start, period_end=end)

    draft = report("interim", date(2020, 1, 1), date(2020, 6, 30))
    submitted = report("interim", date(2019, 8, 12), date(2019, 12, 31))
    report_submit(actor=editor, report=submitted, revision=submitted.revision)
    accepted = report("final", date(2019, 8, 12), date(2020, 10, 31))
    report_submit(actor=editor, report=accepted, revision=accepted.revision)
    report_accept(actor=reviewer, report=accepted, revision=accepted.revision, non_compliant_amount=Decimal("0"))
    version = summary_publish(actor=reviewer, report=accepted)
    return {"agreement": agreement, "activity": activity, "draft": draft, "submitted": submitted,
            "accepted": accepted, "summary": version.summary, "performer": agreement.performer}


def test_the_table_covers_every_endpoint_of_the_api():
    from deleg.api.api import api

    schema = api.get_openapi_schema()
    operations = {(method.upper(), path.removeprefix("/api/v1")) for path, item in schema["paths"].items()
                  for method in item}
    tabled = {(method, path) for method, path, _body in ENDPOINTS.values()}
    as_templates = {(m, p.format(summary="{id}", agreement="{id}", activity="{id}", draft="{id}",
                                 submitted="{id}", accepted="{id}", performer="{id}").replace("versions/1", "versions/{number}"))
                    for m, p in tabled}
    assert as_templates == operations
    assert set(EXPECTED) == set(ENDPOINTS)


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_each_role_gets_the_expected_status_from_each_endpoint(world, apis, endpoint, role_index, role):
    method, path, body = ENDPOINTS[endpoint]
    path = path.format(**{name: obj.pk for name, obj in world.items()})
    extra = {}
    if body == "upload":
        body, extra = None, {"data": {"file": SimpleUploadedFile("aktivitates.csv", CSV, content_type="text/csv")}}
    elif callable(body):
        body = body(world)

    response = apis[role].call(method, path, body, **extra)

    assert response.status_code == EXPECTED[endpoint][role_index], response.content


def test_the_ministry_lists_a_performers_reports_only_once_submitted(world, apis):
    path = f"/agreements/{world['agreement'].pk}/reports"

    seen = {role: {r["id"] for r in apis[role].get(path).json()} for role in ("ministry_reviewer", "performer_viewer")}

    assert seen["ministry_reviewer"] == {world["submitted"].pk, world["accepted"].pk}
    assert seen["performer_viewer"] == {world["draft"].pk, world["submitted"].pk, world["accepted"].pk}
