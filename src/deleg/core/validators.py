"""Validators shared by models, forms, the API and the CLI, with Latvian messages in the catalogue."""
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

# Latvian register numbers (Uzņēmumu reģistrs, biedrību un nodibinājumu reģistrs) are 11 digits.
validate_register_number = RegexValidator(
    r"^[0-9]{11}$",
    message=_("The register number must be exactly 11 digits."),
    code="register_number",
)

validate_not_negative = MinValueValidator(0, message=_("The amount cannot be negative."))


def period_errors(start, end, *, start_field: str, end_field: str) -> dict:
    """An error on the end field if the period ends before it starts; empty otherwise."""
    if start and end and end < start:
        return {
            end_field: ValidationError(
                _("The end date cannot be before the start date."), code="period_invalid"
            )
        }
    return {}
