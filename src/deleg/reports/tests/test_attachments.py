from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole
from deleg.reports.attachments import MAX_ATTACHMENT_BYTES
from deleg.reports.models import ReportAttachment
from deleg.reports.services import report_attach, report_create

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n% programma\n"


@pytest.fixture
def report(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agreement = make_agreement()
    editor = make_member(agreement.performer, MemberRole.PERFORMER_EDITOR)
    report = report_create(actor=editor, agreement=agreement, kind="final",
                           period_start=date(2019, 8, 12), period_end=date(2020, 10, 31))
    return report, editor


def test_a_pdf_is_attached_and_only_those_who_see_the_report_may_download_it(report):
    report, editor = report
    attachment = report_attach(actor=editor, report=report, upload=SimpleUploadedFile("programma.pdf", PDF))
    url = reverse("reports:attachment", args=[attachment.pk])
    owner, stranger = Client(), Client()
    owner.force_login(editor)
    stranger.force_login(make_member(make_agreement().performer, MemberRole.PERFORMER_EDITOR))

    response = owner.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="programma.pdf"' in response["Content-Disposition"]
    assert stranger.get(url).status_code == 404


@pytest.mark.parametrize("name, data", [
    ("programma.exe", b"MZ\x90\x00"),
    ("programma.pdf", b"<html><script>alert(1)</script>"),  # a PDF in name only
    ("programma", PDF),
])
def test_wrong_types_are_refused_and_nothing_is_stored(report, name, data):
    report, editor = report

    with pytest.raises(ValidationError) as error:
        report_attach(actor=editor, report=report, upload=SimpleUploadedFile(name, data))

    assert [e.code for e in error.value.error_dict["file"]] == ["attachment_refused"]
    assert not ReportAttachment.objects.exists()


def test_a_file_over_ten_megabytes_is_refused(report):
    report, editor = report
    upload = SimpleUploadedFile("liels.pdf", PDF + b"0" * MAX_ATTACHMENT_BYTES)

    with pytest.raises(ValidationError):
        report_attach(actor=editor, report=report, upload=upload)

    assert not ReportAttachment.objects.exists()


def test_a_viewer_cannot_attach(report):
    report, _editor = report
    viewer = make_member(report.agreement.performer, MemberRole.PERFORMER_VIEWER)

    with pytest.raises(PermissionDenied):
        report_attach(actor=viewer, report=report, upload=SimpleUploadedFile("a.pdf", PDF))
