"""The suite runs on the database DELEG_DATABASE_URL names: prove it, and that money and Latvian text survive."""
import os
from decimal import Decimal

import pytest
from django.db import connection

from deleg.agreements.models import BudgetLine
from deleg.core.tests.factories import make_agreement

pytestmark = pytest.mark.django_db


def test_tests_run_on_the_configured_backend():
    url = os.environ.get("DELEG_DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"

    assert connection.vendor == expected


def test_money_and_latvian_text_round_trip_exactly():
    agreement = make_agreement(title="Ģimeņu un kopienu atbalsts Latgalē: žūrija, ķēde, ņiprums")
    BudgetLine.objects.create(agreement=agreement, year=2019, planned=Decimal("123456789012.34"))

    stored = BudgetLine.objects.select_related("agreement").get()

    assert stored.planned == Decimal("123456789012.34")
    assert stored.agreement.title == "Ģimeņu un kopienu atbalsts Latgalē: žūrija, ķēde, ņiprums"
