"""Every model has a working admin page, labelled in Latvian."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from deleg.demo import demo_load

pytestmark = pytest.mark.django_db
OUR_APPS = ["organizations", "agreements", "activities", "reports", "summaries"]


def our_models():
    return [model for label in OUR_APPS for model in apps.get_app_config(label).get_models()]


def test_every_model_is_registered_in_the_admin():
    missing = [model.__name__ for model in our_models() if not admin.site.is_registered(model)]

    assert len(our_models()) >= 16
    assert missing == []


def test_every_admin_list_opens_for_a_superuser_in_latvian(admin_client):
    demo_load()

    for model in our_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = admin_client.get(url, headers={"accept-language": "lv"})
        assert response.status_code == 200, url

    agreements = admin_client.get(reverse("admin:agreements_agreement_changelist")).content.decode()
    assert "Dienvidlatgales NVO atbalsta centrs" in agreements
    assert "līgumi" in agreements.lower()


def test_admin_agreement_form_shows_the_period_error_in_latvian(admin_client):
    demo_load()
    from deleg.agreements.models import Agreement

    agreement = Agreement.objects.get(number="KM/2019/15")
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    form = {
        "kind": agreement.kind, "number": agreement.number, "title": agreement.title, "task": agreement.task,
        "performer": agreement.performer_id, "delegator": agreement.delegator_id, "status": agreement.status,
        "start": "31.10.2020", "end": "12.08.2019",
        "objectives-TOTAL_FORMS": 0, "objectives-INITIAL_FORMS": 0,
        "budget_lines-TOTAL_FORMS": 0, "budget_lines-INITIAL_FORMS": 0,
    }

    response = admin_client.post(url, form, headers={"accept-language": "lv"})

    assert response.status_code == 200
    assert "Beigu datums nevar būt agrāks par sākuma datumu." in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.start.isoformat() == "2019-08-12"
