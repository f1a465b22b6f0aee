"""Reports on an agreement's execution and the ministry's review of them."""
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from deleg.agreements.models import Agreement, Indicator
from deleg.core.models import Timestamped
from deleg.core.validators import period_errors, validate_not_negative


class ReportKind(models.TextChoices):
    INTERIM = "interim", _("interim report")
    FINAL = "final", _("final report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned")
    ACCEPTED = "accepted", _("accepted")


class Report(Timestamped):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="reports", verbose_name=_("agreement")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    narrative = models.TextField(_("narrative"), blank=True)
    other_information = models.TextField(_("other information"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Raised on every save; a save carrying an older number is refused (two people, one report).
    revision = models.PositiveIntegerField(_("revision"), default=1)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["agreement", "period_start"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="report_period_ordered"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period_start:%d.%m.%Y.}–{self.period_end:%d.%m.%Y.}"

    def clean(self):
        errors = period_errors(self.period_start, self.period_end, start_field="period_start", end_field="period_end")
        if errors:
            raise ValidationError(errors)


class ReportSpending(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="spending", verbose_name=_("report"))
    year = models.PositiveSmallIntegerField(_("year"))
    spent = models.DecimalField(_("spent, EUR"), max_digits=14, decimal_places=2, validators=[validate_not_negative])

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending per year")
        ordering = ["report", "year"]
        constraints = [
            models.UniqueConstraint(fields=["report", "year"], name="report_spending_unique_year"),
            models.CheckConstraint(condition=Q(spent__gte=0), name="report_spending_not_negative"),
        ]

    def __str__(self):
        return f"{self.year}: {self.spent} EUR"


class IndicatorValue(models.Model):
    """An indicator's achieved value in a report: computed from activities unless overridden with a reason."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("report")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    computed = models.PositiveIntegerField(_("computed value"), default=0)
    override = models.PositiveIntegerField(_("value entered by hand"), null=True, blank=True)
    override_reason = models.TextField(_("reason for the value entered by hand"), blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="indicator_value_unique"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"

    def clean(self):
        if self.override is not None and not self.override_reason.strip():
            raise ValidationError(
                {"override_reason": ValidationError(
                    _("A value entered by hand needs a reason."), code="override_without_reason"
                )}
            )

    @property
    def value(self) -> int:
        return self.computed if self.override is None else self.override


class ReportAttachment(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("report")
    )
    file = models.FileField(_("file"), upload_to="reports/%Y/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")

    def __str__(self):
        return self.filename

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class Review(Timestamped):
    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="review", verbose_name=_("report"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("reviewer"),
    )
    evaluation = models.TextField(_("evaluation"), blank=True)
    comments = models.TextField(_("comments to the performer"), blank=True)
    non_compliant_amount = models.DecimalField(
        _("non-compliant expenditure, EUR"), max_digits=14, decimal_places=2,
        default=Decimal("0.00"), validators=[validate_not_negative],
    )
    non_compliant_description = models.TextField(_("description of non-compliant expenditure"), blank=True)
    recovered_amount = models.DecimalField(
        _("recovered, EUR"), max_digits=14, decimal_places=2,
        default=Decimal("0.00"), validators=[validate_not_negative],
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(condition=Q(non_compliant_amount__gte=0), name="review_non_compliant_not_negative"),
            models.CheckConstraint(condition=Q(recovered_amount__gte=0), name="review_recovered_not_negative"),
            models.CheckConstraint(
                condition=Q(recovered_amount__lte=F("non_compliant_amount")), name="review_recovered_within_non_compliant"
            ),
        ]

    def __str__(self):
        return str(self.report)

    def clean(self):
        if (
            self.recovered_amount is not None
            and self.non_compliant_amount is not None
            and self.recovered_amount > self.non_compliant_amount
        ):
            raise ValidationError(
                {"recovered_amount": ValidationError(
                    _("The recovered amount cannot exceed the non-compliant expenditure."),
                    code="recovered_exceeds_non_compliant",
                )}
            )

    @property
    def unrecovered(self) -> Decimal:
        """Unrecovered = non-compliant − recovered; derived, never typed."""
        return self.non_compliant_amount - self.recovered_amount
