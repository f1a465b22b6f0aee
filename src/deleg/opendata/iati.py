"""IATI activity XML 2.03: one iati-activity per published summary, in the schema's strict element order.

Codes are from the IATI code lists: OrganisationType, OrganisationRole, ActivityStatus, ActivityDateType,
BudgetType/BudgetStatus, TransactionType, ResultType, IndicatorMeasure, IndicatorVocabulary.
"""
import re
from datetime import UTC, date
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone, translation
from lxml import etree

from deleg.agreements.selectors import PUBLIC_STATUSES
from deleg.core.choices import QuantityKind
from deleg.core.money import money_str
from deleg.opendata.selectors import opendata_summary_versions
from deleg.organizations.models import Organization

IATI_VERSION = "2.03"
IDENTIFIER_PREFIX = "LV-DELEG-"
ORGANIZATION_PREFIX = "LV-DELEG-ORG-"
# Whoever delegates is a state institution (State Administration Structure Law), even when a summary does not name it.
GENERIC_DELEGATOR = "Latvijas valsts pārvalde"
GENERIC_DELEGATOR_REF = "LV-DELEG"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# OrganisationType by legal form: 10 government, 11 local government, 22 national NGO, 60 foundation,
# 70 private sector, 90 other.
ORGANIZATION_TYPES = {
    "ministrija": "10", "valsts iestāde": "10", "pašvaldība": "11", "biedrība": "22", "nodibinājums": "60",
    "SIA": "70", "AS": "70", "cits": "90",
}
ROLE_FUNDING, ROLE_IMPLEMENTING = "1", "4"
STATUS_IMPLEMENTATION, STATUS_CLOSED = "2", "4"
DATE_ACTUAL_START, DATE_ACTUAL_END = "2", "4"
BUDGET_ORIGINAL = "1"
BUDGET_INDICATIVE, BUDGET_COMMITTED = "1", "2"
TRANSACTION_EXPENDITURE = "4"
RESULT_OUTPUT = "1"
MEASURE_UNIT, MEASURE_QUALITATIVE = "1", "5"
VOCABULARY_REPORTING_ORG = "99"
DOCUMENT_RESULTS = "A08"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    return _NOT_XML.sub("", str(value))


def _sub(parent, tag: str, text=None, **attributes):
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): _text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _narrative(parent, tag: str, text: str, **attributes):
    element = _sub(parent, tag, **attributes)
    narrative = _sub(element, "narrative", text)
    narrative.set(XML_LANG, "lv")
    return element


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _org_ref(organization: Organization | None) -> str:
    return f"{ORGANIZATION_PREFIX}{organization.pk}" if organization else GENERIC_DELEGATOR_REF


def _org_type(legal_form: str | None, default: str = "90") -> str:
    return ORGANIZATION_TYPES.get(legal_form or "", default)


def _year_period(year: int, start: date | None, end: date | None) -> tuple[date, date]:
    """The part of a budget year inside the task's period; the whole year when the period does not say."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    if start and end and start <= end and first <= end and start <= last:
        return max(first, start), min(last, end)
    return first, last


def _value(parent, tag: str, amount: str, value_date: date):
    return _sub(parent, tag, money_str(Decimal(amount)), currency="EUR", value_date=value_date.isoformat())


def iati_activity(version, *, base_url: str = ""):
    """The iati-activity of one published summary version; None when it states no date at all (IATI needs one)."""
    content = version.content
    start, end = _date(content["period"]["start"]), _date(content["period"]["end"])
    if not (start or end):
        return None
    agreement = version.summary.agreement
    if agreement is not None and agreement.status not in PUBLIC_STATUSES:
        agreement = None
    delegator = agreement.delegator if agreement else None
    performer = agreement.performer if agreement else None
    delegator_name = content.get("delegator") or (delegator.name if delegator else GENERIC_DELEGATOR)
    delegator_type = _org_type(delegator.legal_form if delegator else None, default="10")

    activity = etree.Element("iati-activity", {
        "last-updated-datetime": version.published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        XML_LANG: "lv",
        "default-currency": "EUR",
        "hierarchy": "1",
    })
    _sub(activity, "iati-identifier", f"{IDENTIFIER_PREFIX}{version.summary_id}")
    _narrative(activity, "reporting-org", delegator_name, ref=_org_ref(delegator), type=delegator_type)
    _narrative(activity, "title", content["title"])
    _narrative(activity, "description", content["task"], type="1")
    if content["objectives"]:
        objectives = "\n".join(f"{n}. {text}" for n, text in enumerate(content["objectives"], start=1))
        _narrative(activity, "description", objectives, type="2")
    _narrative(activity, "participating-org", delegator_name, ref=_org_ref(delegator), type=delegator_type,
               role=ROLE_FUNDING)
    performer_data = content["performer"]
    implementing = {"role": ROLE_IMPLEMENTING, "type": _org_type(performer_data.get("legal_form"))}
    if performer:
        implementing["ref"] = _org_ref(performer)
    _narrative(activity, "participating-org", performer_data["name"], **implementing)
    closed = end is not None and end < timezone.localdate()
    _sub(activity, "activity-status", code=STATUS_CLOSED if closed else STATUS_IMPLEMENTATION)
    # The dates as the summary states them; an impossible period keeps its finding in the summary itself.
    if start:
        _sub(activity, "activity-date", type=DATE_ACTUAL_START, iso_date=start.isoformat())
    if end:
        _sub(activity, "activity-date", type=DATE_ACTUAL_END, iso_date=end.isoformat())
    _sub(activity, "recipient-country", code="LV")
    _budgets(activity, content["funding"], start, end)
    _transactions(activity, content["funding"], start, end)
    _document_link(activity, version, base_url=base_url)
    for result in content["results"]:
        _result(activity, result, start, end)
    return activity


def _budgets(activity, funding: list[dict], start: date | None, end: date | None) -> None:
    """A budget per year: the planned figure, or else the figure whose role is unstated (only indicative)."""
    for row in funding:
        amount = row["planned"] if row["planned"] is not None else row["amount"]
        if amount is None:
            continue
        first, last = _year_period(row["year"], start, end)
        status = BUDGET_COMMITTED if row["planned"] is not None else BUDGET_INDICATIVE
        budget = _sub(activity, "budget", type=BUDGET_ORIGINAL, status=status)
        _sub(budget, "period-start", iso_date=first.isoformat())
        _sub(budget, "period-end", iso_date=last.isoformat())
        _value(budget, "value", amount, first)


def _transactions(activity, funding: list[dict], start: date | None, end: date | None) -> None:
    """An expenditure transaction per year where the summary states what was actually spent."""
    for row in funding:
        if row["actual"] is None:
            continue
        _first, last = _year_period(row["year"], start, end)
        transaction = _sub(activity, "transaction")
        _sub(transaction, "transaction-type", code=TRANSACTION_EXPENDITURE)
        _sub(transaction, "transaction-date", iso_date=last.isoformat())
        _value(transaction, "value", row["actual"], last)


def _document_link(activity, version, *, base_url: str) -> None:
    url = base_url.rstrip("/") + reverse("summaries:detail", args=[version.summary_id])
    link = _sub(activity, "document-link", url=url, format="text/html")
    _narrative(link, "title", version.title or "Kopsavilkums")
    _sub(link, "category", code=DOCUMENT_RESULTS)
    _sub(link, "language", code="lv")
    _sub(link, "document-date", iso_date=timezone.localtime(version.published_at).date().isoformat())


def _result(activity, result: dict, start: date | None, end: date | None) -> None:
    """One result per summary result; an indicator per count it states, with the count as the actual value."""
    element = _sub(activity, "result", type=RESULT_OUTPUT, aggregation_status="false")
    _narrative(element, "title", result["text"])
    if not result["quantities"]:
        # A result without a count is still reported, as a qualitative indicator without values.
        indicator = _sub(element, "indicator", measure=MEASURE_QUALITATIVE)
        _narrative(indicator, "title", result["text"])
        return
    for quantity in result["quantities"]:
        kind = quantity["kind"]
        with translation.override("lv"):
            kind_label = str(QuantityKind(kind).label) if kind in QuantityKind.values else kind
        indicator = _sub(element, "indicator", measure=MEASURE_UNIT, ascending="true")
        _narrative(indicator, "title", quantity.get("noun") or kind_label)
        _narrative(indicator, "description", kind_label)
        _sub(indicator, "reference", vocabulary=VOCABULARY_REPORTING_ORG, code=kind)
        if start and end:
            period = _sub(indicator, "period")
            _sub(period, "period-start", iso_date=start.isoformat())
            _sub(period, "period-end", iso_date=end.isoformat())
            _sub(period, "actual", value=quantity["value"])


def iati_xml(*, base_url: str = "") -> bytes:
    """The iati-activities document of every published summary's latest version."""
    root = etree.Element("iati-activities", {
        "version": IATI_VERSION,
        "generated-datetime": timezone.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
    versions = opendata_summary_versions().select_related(
        "summary__agreement__delegator", "summary__agreement__performer"
    )
    for version in versions:
        activity = iati_activity(version, base_url=base_url)
        if activity is not None:
            root.append(activity)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
