"""Every role × every page of the site → the expected status. The API has its own matrix (api/tests)."""
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from deleg.activities.services import activity_log
from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole
from deleg.reports.services import report_attach, report_create, report_submit
from deleg.summaries.models import Summary
from deleg.summaries.services import summary_version_create

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "admin", "reviewer", "editor", "viewer", "stranger"]

# page → expected status for each role, in the order of ROLES. 302 for the anonymous is the sign-in
# redirect; 404 hides what a role may not even know exists (another NGO's work, an NGO's drafts).
MATRIX = [
    ("/",                                         [200, 200, 200, 200, 200, 200]),
    ("/agreements/{agreement}/",                  [200, 200, 200, 200, 200, 200]),
    ("/s/{summary}/",                             [200, 200, 200, 200, 200, 200]),
    ("/app/",                                     [302, 200, 200, 200, 200, 200]),
    ("/app/agreements/new/",                      [302, 200, 403, 403, 403, 403]),
    ("/app/agreements/{agreement}/",              [302, 200, 200, 200, 200, 404]),
    ("/app/agreements/{agreement}/edit/",         [302, 200, 403, 403, 403, 404]),
    ("/app/agreements/{agreement}/objectives/new/", [302, 200, 403, 403, 403, 404]),
    ("/app/agreements/{agreement}/indicators/new/", [302, 200, 403, 403, 403, 404]),
    ("/app/agreements/{agreement}/budget/",       [302, 200, 403, 403, 403, 404]),
    ("/app/agreements/{agreement}/activities/new/", [302, 403, 403, 200, 403, 404]),
    ("/app/agreements/{agreement}/activities/import/", [302, 403, 403, 200, 403, 404]),
    ("/app/activities/{activity}/edit/",          [302, 403, 403, 200, 403, 404]),
    ("/app/agreements/{agreement}/reports/new/",  [302, 403, 403, 200, 403, 404]),
    ("/app/reports/{draft}/",                     [302, 404, 404, 200, 200, 404]),
    ("/app/reports/{draft}/edit/",                [302, 404, 404, 200, 403, 404]),
    ("/app/reports/{draft}/check/",               [302, 404, 404, 200, 403, 404]),
    ("/app/attachments/{attachment}/",            [302, 404, 404, 200, 200, 404]),
    ("/app/reports/{submitted}/",                 [302, 200, 200, 200, 200, 404]),
    ("/app/reports/{submitted}/review/",          [302, 200, 200, 403, 403, 404]),
    ("/app/reports/{submitted}/publish/",         [302, 404, 404, 403, 403, 404]),
    ("/admin/",                                   [302, 200, 302, 302, 302, 302]),
]


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agreement = make_agreement()
    people = {
        "admin": make_member(agreement.delegator, MemberRole.MINISTRY_ADMIN),
        "reviewer": make_member(agreement.delegator, MemberRole.MINISTRY_REVIEWER),
        "editor": make_member(agreement.performer, MemberRole.PERFORMER_EDITOR),
        "viewer": make_member(agreement.performer, MemberRole.PERFORMER_VIEWER),
        "stranger": make_member(make_agreement().performer, MemberRole.PERFORMER_EDITOR),
    }
    people["admin"].is_staff = True
    people["admin"].save()
    editor = people["editor"]
    period = {"period_start": date(2019, 8, 12), "period_end": date(2020, 10, 31)}
    draft = report_create(actor=editor, agreement=agreement, kind="interim", **period)
    submitted = report_create(actor=editor, agreement=agreement, kind="final", **period)
    report_submit(actor=editor, report=submitted, revision=submitted.revision)
    from tests.data_summary import seed_content

    summary = Summary.objects.create()
    summary_version_create(summary=summary, content=seed_content())
    ids = {
        "agreement": agreement.pk, "summary": summary.pk, "draft": draft.pk, "submitted": submitted.pk,
        "activity": activity_log(actor=editor, agreement=agreement, type="seminar", date=date(2019, 9, 1),
                                 title="Seminārs").pk,
        "attachment": report_attach(actor=editor, report=draft,
                                    upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")).pk,
    }
    return people, ids


def test_every_role_gets_the_expected_status_on_every_page(world):
    people, ids = world
    clients = {"anonymous": Client()}
    for role, user in people.items():
        clients[role] = Client()
        clients[role].force_login(user)

    wrong = []
    for pattern, expected in MATRIX:
        url = pattern.format(**ids)
        for role, status in zip(ROLES, expected, strict=True):
            got = clients[role].get(url).status_code
            if got != status:
                wrong.append(f"{role} {url}: {got}, expected {status}")

    assert wrong == []
