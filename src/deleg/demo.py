"""Demo data: the Ministry of Culture, the five regional NGO support centres and an agreement mirroring the seed.

The seed agreement is the published summary in tests/data/fixtures/seed: its task, period, objectives
and achieved results (here as indicator targets). Register numbers are left empty rather than invented.
"""
import secrets
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from deleg.activities.models import ActivityType as A
from deleg.agreements.models import AgreementStatus, IndicatorRule
from deleg.agreements.services import agreement_create, budget_line_set, indicator_add, objective_add
from deleg.core.choices import QuantityKind as K
from deleg.core.choices import Region
from deleg.organizations.models import LegalForm, MemberRole, Organization, OrganizationRole
from deleg.organizations.services import member_create, organization_create
from deleg.summaries.services import summary_import_path

# Published summaries that the demo imports, as a ministry would import its history.
DEMO_SUMMARIES = Path(__file__).resolve().parent / "demo_data" / "summaries"
DELEGATOR = "Kultūras ministrija"
SEED_PERFORMER = "Dienvidlatgales NVO atbalsta centrs"
SEED_TASK = (
    "Atsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās sabiedrības un starpkultūru sadarbības "
    "attīstības jomā"
)
PERFORMERS = [
    ("Latvijas Pilsoniskā alianse", LegalForm.BIEDRIBA, Region.RIGA),
    ("Zemgales NVO atbalsta centrs", LegalForm.BIEDRIBA, Region.ZEMGALE),
    ("Kurzemes NVO atbalsta centrs", LegalForm.BIEDRIBA, Region.KURZEME),
    ("Valmieras novada fonds", LegalForm.NODIBINAJUMS, Region.VIDZEME),
    (SEED_PERFORMER, LegalForm.BIEDRIBA, Region.LATGALE),
]
REGION_IN_TEXT = {
    Region.RIGA: "Rīgas reģionā", Region.ZEMGALE: "Zemgales reģionā", Region.KURZEME: "Kurzemes reģionā",
    Region.VIDZEME: "Vidzemes reģionā", Region.LATGALE: "Latgales reģionā",
}
SEED_OBJECTIVES = [
    "Stiprināt Latgales reģiona nevalstisko organizāciju kapacitāti un veicināt to savstarpējo sadarbību un "
    "sadarbību ar vietējām pašvaldībām, komersantiem, kultūras iestādēm (muzejiem, bibliotēkām, kultūras centriem).",
    "Veicināt mazākumtautību iedzīvotāju pilsonisko līdzdalību un starpkultūru dialogu Latgales reģionā.",
    "Veicināt pilsoniskās sabiedrības attīstību un iedzīvotāju līdzdalību, organizējot iedzīvotāju diskusiju "
    "platformas par kopienām svarīgiem lokāla, reģionāla un nacionāla līmeņa jautājumiem, ievērojot sabiedrības "
    "daudzveidību.",
]
# (objective index, name, kind, unit, target, rule, activity types) — the seed's eight achieved results.
SEED_INDICATORS = [
    (0, "Semināri NVO attīstībai", K.EVENTS, "semināri", 3, IndicatorRule.COUNT_ACTIVITIES, [A.SEMINAR]),
    (0, "NVO pārstāvji semināros", K.PARTICIPANTS, "pārstāvji", 89, IndicatorRule.SUM_PARTICIPANTS, [A.SEMINAR]),
    (0, "Bezmaksas konsultācijas par NVO aktuāliem jautājumiem", K.CONSULTATIONS, "konsultācijas", 126,
     IndicatorRule.COUNT_ACTIVITIES, [A.CONSULTATION]),
    (0, "Izbraukuma konsultācijas", K.CONSULTATIONS, "konsultācijas", 8, IndicatorRule.COUNT_ACTIVITIES,
     [A.OUTREACH_CONSULTATION]),
    (0, "Publikācijas", K.PUBLICATIONS, "publikācijas", 154, IndicatorRule.COUNT_ACTIVITIES, [A.PUBLICATION]),
    (1, "Starpkultūru dialoga pasākumi", K.EVENTS, "pasākumi", 6, IndicatorRule.COUNT_ACTIVITIES,
     [A.INTERCULTURAL_EVENT]),
    (1, "Mazākumtautību festivāla dalībnieki", K.PARTICIPANTS, "dalībnieki", 329, IndicatorRule.SUM_PARTICIPANTS,
     [A.FESTIVAL]),
    (2, "Iedzīvotāju diskusiju platformas pasākumi", K.EVENTS, "pasākumi", 9, IndicatorRule.COUNT_ACTIVITIES,
     [A.DISCUSSION, A.FORUM]),
]


def demo_present() -> bool:
    return Organization.objects.filter(name=DELEGATOR, role=OrganizationRole.DELEGATOR).exists()


def _title(region: str) -> str:
    return f"{SEED_TASK} {REGION_IN_TEXT[region]}"


@transaction.atomic
def demo_load() -> dict[str, str]:
    """Load the demo data once; return the demo users' credentials (empty if already loaded)."""
    if demo_present():
        return {}
    ministry = organization_create(name=DELEGATOR, role=OrganizationRole.DELEGATOR, legal_form=LegalForm.MINISTRIJA,
                                   region=Region.RIGA)
    performers = {
        name: organization_create(name=name, role=OrganizationRole.PERFORMER, legal_form=form, region=region)
        for name, form, region in PERFORMERS
    }
    seed = agreement_create(
        number="KM/2019/15", title=_title(Region.LATGALE), task=SEED_TASK, field="Pilsoniskā sabiedrība",
        region=Region.LATGALE, delegator=ministry, performer=performers[SEED_PERFORMER],
        legal_basis="Valsts pārvaldes iekārtas likuma 40. panta pirmā daļa",
        start=date(2019, 8, 12), end=date(2020, 10, 31), status=AgreementStatus.CLOSED,
    )
    objectives = [objective_add(agreement=seed, text=text) for text in SEED_OBJECTIVES]
    for index, name, kind, unit, target, rule, types in SEED_INDICATORS:
        indicator_add(objective=objectives[index], name=name, kind=kind, unit=unit, target=target, rule=rule,
                      activity_types=list(types))
    budget_line_set(agreement=seed, year=2019, planned=Decimal("37500.00"))
    budget_line_set(agreement=seed, year=2020, planned=Decimal("0.00"))

    for number, (name, _form, region) in enumerate(PERFORMERS[:-1], start=1):
        agreement = agreement_create(
            number=f"KM/2021/{number}", title=_title(region), task=SEED_TASK, field="Pilsoniskā sabiedrība",
            region=region, delegator=ministry, performer=performers[name],
            legal_basis="Valsts pārvaldes iekārtas likuma 40. panta pirmā daļa",
            start=date(2021, 1, 1), end=date(2022, 12, 31), status=AgreementStatus.ACTIVE,
        )
        objective = objective_add(agreement=agreement, text=f"Stiprināt nevalstisko organizāciju kapacitāti {REGION_IN_TEXT[region]}.")
        indicator_add(objective=objective, name="Semināri NVO attīstībai", kind=K.EVENTS, unit="semināri", target=4,
                      rule=IndicatorRule.COUNT_ACTIVITIES, activity_types=[A.SEMINAR])
        for year in (2021, 2022):
            budget_line_set(agreement=agreement, year=year, planned=Decimal("40000.00"))

    users = [
        ("ministrija-admin", ministry, MemberRole.MINISTRY_ADMIN),
        ("ministrija-vertetajs", ministry, MemberRole.MINISTRY_REVIEWER),
        ("nvo-redaktors", performers[SEED_PERFORMER], MemberRole.PERFORMER_EDITOR),
        ("nvo-skatitajs", performers[SEED_PERFORMER], MemberRole.PERFORMER_VIEWER),
    ]
    credentials = {}
    for username, organization, role in users:
        password = secrets.token_urlsafe(12)
        member_create(username=username, password=password, organization=organization, role=role)
        credentials[username] = password
    for path in sorted(DEMO_SUMMARIES.iterdir()):
        summary_import_path(path)
    return credentials
