from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deleg.activities.models import Activity, ActivityType
from deleg.activities.services import activity_delete, activity_log, activity_update
from deleg.agreements.models import HistoryEntry, IndicatorRule
from deleg.agreements.selectors import indicator_progress
from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole

pytestmark = pytest.mark.django_db


def seminar(**overrides):
    return {"type": ActivityType.SEMINAR, "date": date(2019, 9, 1), "title": "Seminārs", "participants": 30} | overrides


def test_editor_logs_an_activity_and_it_is_in_the_history(agreement, editor):
    activity = activity_log(actor=editor, agreement=agreement, **seminar(municipality="Daugavpils"))

    entry = HistoryEntry.objects.get()
    assert activity.created_by == editor
    assert (entry.actor, entry.action, entry.object_type) == (editor, "created", "activity")
    assert entry.changes["municipality"] == ["", "Daugavpils"]


def test_update_records_only_what_changed(agreement, editor):
    activity = activity_log(actor=editor, agreement=agreement, **seminar())

    activity_update(actor=editor, activity=activity, participants=35)

    change = HistoryEntry.objects.filter(action="changed").get()
    assert change.changes == {"participants": ["30", "35"]}


@pytest.mark.parametrize("role", [MemberRole.PERFORMER_VIEWER, MemberRole.MINISTRY_ADMIN, MemberRole.MINISTRY_REVIEWER])
def test_only_the_performers_editors_may_log(agreement, role):
    organization = agreement.performer if role == MemberRole.PERFORMER_VIEWER else agreement.delegator
    user = make_member(organization, role)

    with pytest.raises(PermissionDenied):
        activity_log(actor=user, agreement=agreement, **seminar())

    assert not Activity.objects.exists() and not HistoryEntry.objects.exists()


def test_another_ngos_editor_cannot_log(agreement):
    stranger = make_member(make_agreement().performer, MemberRole.PERFORMER_EDITOR)

    with pytest.raises(PermissionDenied):
        activity_log(actor=stranger, agreement=agreement, **seminar())


def test_invalid_activity_is_refused_and_leaves_no_history(agreement, editor):
    with pytest.raises(ValidationError) as error:
        activity_log(actor=editor, agreement=agreement, **seminar(date=date(2025, 1, 1)))

    assert "date" in error.value.error_dict
    assert not Activity.objects.exists() and not HistoryEntry.objects.exists()


def test_delete_keeps_the_values_in_the_history(agreement, editor):
    activity = activity_log(actor=editor, agreement=agreement, **seminar())

    activity_delete(actor=editor, activity=activity)

    entry = HistoryEntry.objects.get(action="deleted")
    assert entry.changes["title"] == ["", "Seminārs"]
    assert not Activity.objects.exists()


def test_indicators_fill_up_from_the_activity_log(agreement, editor):
    objective = agreement.objectives.create(position=1, text="Mērķis")
    seminars = objective.indicators.create(position=1, name="Semināri", kind="events", target=4,
                                           rule=IndicatorRule.COUNT_ACTIVITIES, activity_types=["seminar"])
    people = objective.indicators.create(position=2, name="Dalībnieki", kind="participants", target=100,
                                         rule=IndicatorRule.SUM_PARTICIPANTS, activity_types=[])
    manual = objective.indicators.create(position=3, name="Publikācijas", kind="publications", target=10)
    activity_log(actor=editor, agreement=agreement, **seminar(participants=30))
    activity_log(actor=editor, agreement=agreement, **seminar(participants=25))
    activity_log(actor=editor, agreement=agreement, **seminar(type=ActivityType.FORUM, participants=60))

    (row,) = indicator_progress(agreement)

    by_indicator = {r["indicator"]: (r["achieved"], r["percent"]) for r in row["indicators"]}
    assert by_indicator[seminars] == (2, 50)
    assert by_indicator[people] == (115, 100)  # 115 of 100: the bar stops at 100 %
    assert by_indicator[manual] == (None, None)
    assert row["percent"] == 75
