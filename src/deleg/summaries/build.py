"""Building the canonical summary JSON from an accepted final report and its review."""
from decimal import Decimal

from django.utils import translation

from deleg.agreements.selectors import agreement_findings
from deleg.core.money import format_money, money_str
from deleg.organizations.models import LegalForm
from deleg.reports.models import Report

# The canonical format knows these legal forms; others are "cits" (other).
CANONICAL_LEGAL_FORMS = {"biedrība", "nodibinājums", "SIA", "AS", "pašvaldība", "valsts iestāde"}


def _money_statement(amount: Decimal, description: str = "") -> dict:
    """'Nav' for none, as published summaries write it; otherwise the amount with its description."""
    if not amount:
        return {"amount": "0.00", "text": "Nav"}
    with translation.override("lv"):
        text = format_money(amount, lang="lv")
    return {"amount": money_str(amount), "text": f"{text}. {description.strip()}".strip() if description.strip() else text}


def summary_build(report: Report) -> dict:
    agreement = report.agreement
    performer = agreement.performer
    review = report.review
    results = []
    values = report.indicator_values.select_related("indicator", "indicator__objective").order_by(
        "indicator__objective__position", "indicator__position")
    for n, value in enumerate(values, start=1):
        indicator = value.indicator
        noun = indicator.unit or indicator.name
        results.append({
            "n": n,
            "text": f"{indicator.name}: {value.value}" + (f" {indicator.unit}" if indicator.unit else "") + ".",
            "quantities": [{"value": value.value, "kind": indicator.kind, "noun": noun}],
        })
    planned = {line.year: line.planned for line in agreement.budget_lines.all()}
    spent = {line.year: line.spent for line in report.spending.all()}
    legal_form = performer.legal_form if performer.legal_form in CANONICAL_LEGAL_FORMS else (
        "cits" if performer.legal_form and performer.legal_form != LegalForm.MINISTRIJA else None)
    return {
        "schema": "deleg.summary/1",
        "title": f"Kopsavilkums par valsts pārvaldes uzdevuma izpildi: {agreement.title}",
        "region": agreement.region or None,
        "task": agreement.task,
        "performer": {"name": performer.name, "legal_form": legal_form,
                      "registration_number": performer.registration_number or None},
        "delegator": agreement.delegator.name if agreement.delegator else None,
        "period": {"start": agreement.start.isoformat() if agreement.start else None,
                   "end": agreement.end.isoformat() if agreement.end else None},
        "objectives": [objective.text for objective in agreement.objectives.all()],
        "results": results,
        "narrative": report.narrative.strip() or None,
        "funding": [
            {"year": year, "planned": money_str(planned.get(year)), "actual": money_str(spent.get(year)), "amount": None}
            for year in sorted(planned.keys() | spent.keys())
        ],
        "currency": "EUR",
        "non_compliant_expenditure": _money_statement(review.non_compliant_amount, review.non_compliant_description),
        "unrecovered_amount": _money_statement(review.unrecovered),
        "other_information": report.other_information.strip() or None,
        "findings": [finding.as_dict() for finding in agreement_findings(agreement)],
    }
