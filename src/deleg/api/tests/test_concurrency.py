from datetime import date

import pytest
from django.utils import translation

from deleg.reports.models import Report
from deleg.reports.services import report_create

pytestmark = pytest.mark.django_db


def test_the_second_of_two_puts_with_the_same_revision_gets_409_and_overwrites_nothing(agreement, people, apis):
    report = report_create(actor=people["performer_editor"], agreement=agreement, kind="final",
                           period_start=date(2019, 8, 12), period_end=date(2020, 10, 31))
    opened = report.revision
    editor = apis["performer_editor"]

    first = editor.put(f"/reports/{report.pk}", {"revision": opened, "narrative": "Pirmā redakcija"})
    with translation.override("lv"):
        second = editor.put(f"/reports/{report.pk}", {"revision": opened, "narrative": "Otrā redakcija",
                                                      "spending": [{"year": 2019, "spent": "100.00"}]})

    assert first.status_code == 200 and first.json()["revision"] == opened + 1
    assert second.status_code == 409
    assert second.json()["code"] == "stale"
    assert second.json()["errors"]["__all__"][0].startswith("Kāds cits to saglabāja")
    stored = Report.objects.get(pk=report.pk)
    assert stored.narrative == "Pirmā redakcija" and stored.revision == opened + 1
    assert not stored.spending.exists()
