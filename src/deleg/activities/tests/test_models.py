from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from deleg.activities.models import Activity, ActivityType
from deleg.core.tests.factories import make_agreement

pytestmark = pytest.mark.django_db


def make_activity(agreement, **overrides) -> Activity:
    fields = {"agreement": agreement, "type": ActivityType.SEMINAR, "date": date(2019, 9, 1),
              "title": "Seminārs NVO attīstībai", "participants": 30}
    return Activity(**(fields | overrides))


def test_activity_inside_the_period_is_valid():
    activity = make_activity(make_agreement(), date=date(2020, 10, 31))
    activity.full_clean()
    activity.save()

    assert Activity.objects.get().participants == 30


def test_activity_date_outside_the_period_is_refused_with_the_period_in_latvian():
    activity = make_activity(make_agreement(), date=date(2021, 1, 5))

    with translation.override("lv"), pytest.raises(ValidationError) as error:
        activity.full_clean()

    assert [e.code for e in error.value.error_dict["date"]] == ["date_outside_period"]
    assert error.value.message_dict["date"] == ["Datumam jābūt līguma periodā (12.08.2019. – 31.10.2020.)."]


def test_negative_participant_count_is_refused():
    activity = make_activity(make_agreement(), participants=-1)

    with pytest.raises(ValidationError) as error:
        activity.full_clean()

    assert "participants" in error.value.error_dict
