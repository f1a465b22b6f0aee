"""A database holding the seed and a few public fixtures (imported), a hand-made public agreement, and a draft."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from deleg.agreements.models import Agreement
from deleg.core.tests.factories import make_agreement, make_delegator, make_performer
from deleg.summaries.models import SummaryVersion
from deleg.summaries.services import summary_import_path, summary_version_create

ROOT = Path(__file__).resolve().parents[4]
FIXTURES = ROOT / "tests/data/fixtures"
SEED = FIXTURES / "seed/000_5c600465db280f8a.txt"
IMPORTED = [
    FIXTURES / "public/002_kurzeme-2021-crlf.txt",  # planned and actual, 126.50 non-compliant
    FIXTURES / "public/006_zimju-valoda-2020.txt",  # delegator and register number stated
    FIXTURES / "public/010_lauku-konsultacijas-2016-sia.txt",  # impossible period, kept as stated
]
IATI_XSD = ROOT / "tests/data/iati-2.03/iati-activities-schema.xsd"
# Words that belong to unpublished work only; no export may contain them.
SECRET = "Slepenais melnraksts"


@dataclass
class OpenData:
    seed_id: int
    kurzeme_id: int
    zimju_id: int
    public: Agreement
    draft: Agreement


@pytest.fixture
def opendata(db) -> OpenData:
    seed = summary_import_path(SEED)
    kurzeme, zimju, _lauku = (summary_import_path(path) for path in IMPORTED)
    assert {r.status for r in (seed, kurzeme, zimju, _lauku)} == {"created"}
    # A correction: the Kurzeme summary's second version is the one exported.
    first = SummaryVersion.objects.get(summary_id=kurzeme.summary_id)
    summary_version_create(summary=first.summary, content=first.content | {"other_information": "Labots 2. versijā."},
                           change_note="Papildināta cita informācija.")

    public = make_agreement(
        number="1-2/2024", title="Jauniešu līdzdalības veicināšana", region="Vidzeme",
        delegator=make_delegator(name="Izglītības un zinātnes ministrija"),
        performer=make_performer(name="Jauniešu forums", registration_number="40008000001", region="Vidzeme"),
        start=date(2024, 1, 1), end=date(2025, 12, 31), status="active",
    )
    objective = public.objectives.create(position=1, text="Veicināt jauniešu līdzdalību.")
    objective.indicators.create(position=1, name="Jauniešu forumi", kind="events", unit="forumi", target=4)
    public.budget_lines.create(year=2024, planned=Decimal("12000.50"))
    public.budget_lines.create(year=2025, planned=Decimal("13000.00"))

    draft = make_agreement(
        title=SECRET, task=f"{SECRET}: uzdevums", status="draft",
        delegator=make_delegator(name=f"{SECRET} ministrija"),
        performer=make_performer(name=f"{SECRET} biedrība"),
    )
    draft_objective = draft.objectives.create(position=1, text=f"{SECRET} mērķis")
    draft_objective.indicators.create(position=1, name=f"{SECRET} rādītājs", kind="events", target=99)
    draft.budget_lines.create(year=2024, planned=Decimal("99999.99"))
    return OpenData(seed.summary_id, kurzeme.summary_id, zimju.summary_id, public, draft)
