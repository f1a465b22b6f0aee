"""Agreements: what a ministry delegates to whom, with objectives, indicators and yearly budget."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deleg.core.choices import QuantityKind, Region
from deleg.core.models import Timestamped
from deleg.core.validators import period_errors, validate_not_negative
from deleg.organizations.models import Organization, OrganizationRole


class AgreementKind(models.TextChoices):
    # Both kinds are concluded under the State Administration Structure Law and Cabinet Regulation No. 317.
    DELEGATION = "delegation", _("delegation agreement")
    PARTICIPATION = "participation", _("participation agreement")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    # A participation agreement's draft is published for at least 10 days before it is signed.
    PUBLIC_NOTICE = "public_notice", _("public notice")
    ACTIVE = "active", _("active")
    CLOSED = "closed", _("closed")
    TERMINATED = "terminated", _("terminated")


class Agreement(Timestamped):
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices, default=AgreementKind.DELEGATION)
    # Imported summaries do not state the agreement's number, so it may be empty.
    number = models.CharField(_("agreement number"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=500)
    task = models.TextField(_("delegated task"))
    field = models.CharField(_("field"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True)
    delegator = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="delegated_agreements",
        limit_choices_to={"role": OrganizationRole.DELEGATOR},
        null=True,
        blank=True,
        verbose_name=_("delegator"),
    )
    performer = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="performed_agreements",
        limit_choices_to={"role": OrganizationRole.PERFORMER},
        verbose_name=_("performer"),
    )
    legal_basis = models.TextField(_("legal basis"), blank=True)
    start = models.DateField(_("period start"), null=True, blank=True)
    end = models.DateField(_("period end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-start", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegator", "number"],
                condition=~Q(number=""),
                name="agreement_unique_number_per_delegator",
                violation_error_message=_("This delegator already has an agreement with this number."),
            ),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")) | Q(start__isnull=True) | Q(end__isnull=True),
                name="agreement_period_ordered",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        # The public register's cache asks for the newest edit on every read.
        indexes = [models.Index(fields=["updated_at"], name="agreement_updated_at")]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("agreements:detail", args=[self.pk])

    def clean(self):
        errors = period_errors(self.start, self.end, start_field="start", end_field="end")
        # Checked here as well as by the constraint so that the error names the number field.
        if self.number and self.delegator_id:
            taken = Agreement.objects.filter(delegator_id=self.delegator_id, number=self.number).exclude(pk=self.pk)
            if taken.exists():
                errors["number"] = ValidationError(
                    _("This delegator already has an agreement with this number."), code="number_taken"
                )
        if self.delegator_id and self.performer_id and self.delegator_id == self.performer_id:
            errors["performer"] = ValidationError(
                _("The performer cannot be the delegator itself."), code="same_organization"
            )
        if errors:
            raise ValidationError(errors)

    def years(self) -> range:
        """The calendar years the period touches; empty when the period is unknown."""
        if not (self.start and self.end) or self.end < self.start:
            return range(0)
        return range(self.start.year, self.end.year + 1)


class Objective(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("agreement")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["agreement", "position"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "position"], name="objective_unique_position"),
        ]

    def __str__(self):
        return f"{self.position}. {self.text}"


class IndicatorRule(models.TextChoices):
    """How an indicator's achieved value is computed from the activity log."""

    MANUAL = "manual", _("entered by hand")
    COUNT_ACTIVITIES = "count_activities", _("number of activities")
    SUM_PARTICIPANTS = "sum_participants", _("sum of participants")
    SUM_ORGANIZATIONS = "sum_organizations", _("sum of organisations")


class Indicator(models.Model):
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("objective")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=QuantityKind.choices)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    target = models.PositiveIntegerField(_("target"), null=True, blank=True)
    baseline = models.PositiveIntegerField(_("baseline"), default=0)
    rule = models.CharField(_("computation rule"), max_length=20, choices=IndicatorRule.choices, default=IndicatorRule.MANUAL)
    # Activity types the rule counts (values of activities.ActivityType); empty means every type.
    activity_types = models.JSONField(_("activity types"), default=list, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["objective", "position"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "position"], name="indicator_unique_position"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from deleg.activities.models import ActivityType

        unknown = sorted(set(self.activity_types or []) - set(ActivityType.values))
        if unknown:
            raise ValidationError(
                {"activity_types": ValidationError(
                    _("Unknown activity type: %(types)s."), code="invalid_choice", params={"types": ", ".join(unknown)}
                )}
            )


class BudgetLine(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("agreement")
    )
    # A year outside the period is allowed here and reported as a finding (agreement_findings).
    year = models.PositiveSmallIntegerField(_("year"))
    planned = models.DecimalField(
        _("planned amount, EUR"), max_digits=14, decimal_places=2, validators=[validate_not_negative]
    )

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["agreement", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "year"],
                name="budget_line_unique_year",
                violation_error_message=_("The agreement already has a budget line for this year."),
            ),
            models.CheckConstraint(condition=Q(planned__gte=0), name="budget_line_planned_not_negative"),
        ]

    def __str__(self):
        return f"{self.year}: {self.planned} EUR"


class HistoryEntry(models.Model):
    """One recorded change to an agreement or anything under it: who, when, what, and the changed values."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="history", verbose_name=_("agreement")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    # {"field": [old, new]} as text, so the entry reads the same after the schema changes.
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["agreement", "-at"], name="history_agreement_at")]

    def __str__(self):
        return f"{self.at:%d.%m.%Y. %H:%M} {self.action} {self.object_type}"
