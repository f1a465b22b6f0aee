from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deleg.activities.services import activity_log
from deleg.agreements.models import IndicatorRule
from deleg.agreements.services import budget_line_set
from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole
from deleg.reports.models import ReportKind
from deleg.reports.services import report_accept, report_create, report_submit, report_update
from deleg.summaries.models import SummaryVersion
from deleg.summaries.services import summary_content_errors, summary_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted_report():
    agreement = make_agreement(region="Latgale", start=date(2019, 8, 12), end=date(2020, 10, 31))
    objective = agreement.objectives.create(position=1, text="Stiprināt NVO kapacitāti.")
    objective.indicators.create(position=1, name="Semināri NVO attīstībai", kind="events", unit="semināri", target=3,
                                rule=IndicatorRule.COUNT_ACTIVITIES, activity_types=["seminar"])
    objective.indicators.create(position=2, name="Semināru dalībnieki", kind="participants", unit="dalībnieki",
                                target=80, rule=IndicatorRule.SUM_PARTICIPANTS, activity_types=["seminar"])
    budget_line_set(agreement=agreement, year=2019, planned=Decimal("15000.00"))
    budget_line_set(agreement=agreement, year=2020, planned=Decimal("22500.00"))
    editor = make_member(agreement.performer, MemberRole.PERFORMER_EDITOR)
    reviewer = make_member(agreement.delegator, MemberRole.MINISTRY_REVIEWER)
    for day, people in ((date(2019, 9, 1), 40), (date(2020, 3, 1), 49)):
        activity_log(actor=editor, agreement=agreement, type="seminar", date=day, title="Seminārs", participants=people)
    report = report_create(actor=editor, agreement=agreement, kind=ReportKind.FINAL,
                           period_start=agreement.start, period_end=agreement.end)
    report = report_update(actor=editor, report=report, revision=report.revision, narrative="Uzdevums izpildīts.",
                           spending={2019: Decimal("14880.00"), 2020: Decimal("22500.00")})
    report_submit(actor=editor, report=report, revision=report.revision)
    report_accept(actor=reviewer, report=report, revision=report.revision, non_compliant_amount=Decimal("120.00"),
                  non_compliant_description="Degvielas izdevumi bez attaisnojuma.", recovered_amount=Decimal("20.00"))
    return report, reviewer, editor


def test_publishing_builds_a_valid_summary_with_achieved_counts_and_spending(accepted_report):
    report, reviewer, _editor = accepted_report

    version = summary_publish(actor=reviewer, report=report)

    content = version.content
    assert summary_content_errors(content) == []
    assert version.number == 1 and version.source_report == report and version.published_by == reviewer
    assert [r["quantities"] for r in content["results"]] == [
        [{"value": 2, "kind": "events", "noun": "semināri"}],
        [{"value": 89, "kind": "participants", "noun": "dalībnieki"}],
    ]
    assert content["funding"] == [
        {"year": 2019, "planned": "15000.00", "actual": "14880.00", "amount": None},
        {"year": 2020, "planned": "22500.00", "actual": "22500.00", "amount": None},
    ]
    assert content["non_compliant_expenditure"] == {
        "amount": "120.00", "text": "120,00\u00a0euro. Degvielas izdevumi bez attaisnojuma."}
    assert content["unrecovered_amount"] == {"amount": "100.00", "text": "100,00\u00a0euro"}
    assert content["period"] == {"start": "2019-08-12", "end": "2020-10-31"}
    assert content["narrative"] == "Uzdevums izpildīts."


def test_a_correction_needs_a_change_note_and_becomes_version_two(accepted_report):
    report, reviewer, _editor = accepted_report
    summary_publish(actor=reviewer, report=report)

    with pytest.raises(ValidationError) as error:
        summary_publish(actor=reviewer, report=report)
    assert "change_note" in error.value.error_dict

    second = summary_publish(actor=reviewer, report=report, change_note="Labots izlietojums.")
    assert second.number == 2
    assert SummaryVersion.objects.filter(summary=second.summary).count() == 2


def test_the_performer_cannot_publish(accepted_report):
    report, _reviewer, editor = accepted_report

    with pytest.raises(PermissionDenied):
        summary_publish(actor=editor, report=report)
    assert not SummaryVersion.objects.exists()
