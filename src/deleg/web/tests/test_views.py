from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from deleg.agreements.models import AgreementStatus
from deleg.agreements.services import budget_line_set
from deleg.core.tests.factories import make_agreement, make_performer
from deleg.demo import SEED_PERFORMER, demo_load

pytestmark = pytest.mark.django_db


def test_front_page_is_the_register_of_the_demo_summaries_in_latvian(client):
    demo_load()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="lv">' in html
    assert SEED_PERFORMER in html
    assert "12.08.2019. – 31.10.2020." in html
    assert "21 kopsavilkums" in html


def test_agreements_page_lists_public_agreements_in_latvian(client):
    demo_load()

    html = client.get("/agreements/").content.decode()

    assert SEED_PERFORMER in html
    assert "12.08.2019. – 31.10.2020." in html
    assert "37\u00a0500,00\u00a0euro" in html


def test_front_page_hides_draft_agreements(client):
    make_agreement(title="Publiskais līgums", status=AgreementStatus.ACTIVE)
    make_agreement(title="Slepenais melnraksts", status=AgreementStatus.DRAFT)

    html = client.get("/agreements/").content.decode()

    assert "Publiskais līgums" in html
    assert "Slepenais melnraksts" not in html


def test_front_page_shows_unknown_values_as_not_stated(client):
    make_agreement(title="Bez perioda", start=None, end=None, delegator=None, performer=make_performer())

    html = client.get("/agreements/").content.decode()

    assert "nav norādīts – nav norādīts" in html


def test_front_page_in_english_on_request(client):
    make_agreement(title="Līgums", start=date(2019, 8, 12))

    response = client.get("/", headers={"accept-language": "en"})

    assert '<html lang="en">' in response.content.decode()
    assert "Delegated state administration tasks" in response.content.decode()


def test_agreement_page_shows_objectives_indicators_and_budget(client):
    demo_load()
    from deleg.agreements.models import Agreement

    agreement = Agreement.objects.get(number="KM/2019/15")

    response = client.get(reverse("agreements:detail", args=[agreement.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<li>') == 3 + 8
    assert "Semināri NVO attīstībai — mērķa vērtība: 3 semināri" in html
    assert "Mazākumtautību festivāla dalībnieki — mērķa vērtība: 329 dalībnieki" in html
    assert "Finansējums pa gadiem" in html
    assert "0,00\u00a0euro" in html  # the 2020 line


def test_draft_agreement_page_is_not_public(client):
    draft = make_agreement(status=AgreementStatus.DRAFT)

    assert client.get(reverse("agreements:detail", args=[draft.pk])).status_code == 404


def test_agreement_total_sums_budget_lines_exactly(client):
    agreement = make_agreement()
    budget_line_set(agreement=agreement, year=2019, planned=Decimal("0.10"))
    budget_line_set(agreement=agreement, year=2020, planned=Decimal("0.20"))

    html = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()

    assert "0,30\u00a0euro" in html
