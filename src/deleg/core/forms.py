"""Form fields and helpers shared by the work area's forms."""
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from deleg.core.money import format_money, parse_money

# A typed amount and nothing else: 37 500,00 · 37500.00 · 37 500 euro (spaces may be no-break).
AMOUNT_INPUT = re.compile(r"^(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d{1,2})?(?:\s*(?:euro|eur|€))?$", re.I)


class MoneyField(forms.DecimalField):
    """An amount in euro typed the Latvian way (37 500,00 or 37500.00); negative amounts are refused."""

    default_error_messages = {"invalid": _("Enter an amount in euro, for example 37 500,00.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if text.startswith("-"):
            raise ValidationError(_("The amount cannot be negative."), code="min_value")
        amount = parse_money(text) if AMOUNT_INPUT.match(text) else None
        if amount is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return amount

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_money(value, lang="lv").replace("\xa0euro", "")
        return value


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, **kwargs):
        super().__init__(format="%d.%m.%Y.", attrs={"placeholder": "12.08.2019.", "autocomplete": "off"}, **kwargs)


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the fields it names, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)
