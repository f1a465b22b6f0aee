"""Finding codes: the data-quality warnings shared by the parser and by model validation.

A reviewer sees the same code whether a summary was typed into deleg or imported from a file.
"""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

FUNDING_ROLE_UNSTATED = "funding_role_unstated"
FUNDING_YEAR_EMPTY = "funding_year_empty"
FUNDING_YEAR_OUTSIDE_PERIOD = "funding_year_outside_period"
PERIOD_INVALID = "period_invalid"
HTML_MALFORMED = "html_malformed"
MISSING_FIELD = "missing_field"
RESULT_WITHOUT_QUANTITY = "result_without_quantity"
MONEY_UNPARSEABLE = "money_unparseable"
UNKNOWN_FIELD = "unknown_field"

CODES = {
    FUNDING_ROLE_UNSTATED: _("The funding figure does not say whether it is planned or spent."),
    FUNDING_YEAR_EMPTY: _("A year of the period has no funding amount."),
    FUNDING_YEAR_OUTSIDE_PERIOD: _("The funding year lies outside the delegation period."),
    PERIOD_INVALID: _("The delegation period is impossible or ends before it starts."),
    HTML_MALFORMED: _("The description's markup is broken."),
    MISSING_FIELD: _("A field of the summary is missing."),
    RESULT_WITHOUT_QUANTITY: _("A result states no count."),
    MONEY_UNPARSEABLE: _("An amount of money could not be read."),
    UNKNOWN_FIELD: _("A row that is not part of the summary."),
}


@dataclass(frozen=True)
class Finding:
    code: str
    field: str
    message: str = ""

    def as_dict(self) -> dict:
        return {"code": self.code, "field": self.field, "message": self.message}
