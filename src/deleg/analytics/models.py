"""Summary tables of the figures: rebuilt from the register and the published summaries by `figures_refresh()`.

They hold nothing of their own: every row can be computed again from agreements, reports, activities
and published summaries, so a refresh simply replaces them. They exist so that the dashboard answers
in milliseconds over tens of thousands of agreements and a million counts.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    REGISTER = "register", _("register and activity log")
    PUBLISHED = "published", _("published summaries")


class Dimensions(models.Model):
    """What every figure can be filtered and grouped by: one agreement (register) or one published summary."""

    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    agreement_id = models.PositiveBigIntegerField(_("agreement"), null=True)
    summary_id = models.PositiveBigIntegerField(_("summary"), null=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    region = models.CharField(_("region"), max_length=10, blank=True)
    field = models.CharField(_("field"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=20, blank=True)
    delegator_id = models.PositiveBigIntegerField(_("delegator"), null=True)
    delegator_name = models.CharField(_("delegator"), max_length=300, blank=True)
    performer_id = models.PositiveBigIntegerField(_("performer"), null=True)
    performer_name = models.CharField(_("performer"), max_length=300, blank=True)

    class Meta:
        abstract = True


class YearFigure(Dimensions):
    """Funding and counts of one agreement or published summary in one year; null where nothing is stated."""

    year = models.PositiveSmallIntegerField(_("year"), null=True)
    planned = models.DecimalField(_("planned, EUR"), max_digits=14, decimal_places=2, null=True)
    spent = models.DecimalField(_("spent, EUR"), max_digits=14, decimal_places=2, null=True)
    # A published figure whose role (planned or spent) the summary does not state: never added to either.
    unstated = models.DecimalField(_("amount of unstated role, EUR"), max_digits=14, decimal_places=2, null=True)
    events = models.PositiveBigIntegerField(_("events"), null=True)
    participants = models.PositiveBigIntegerField(_("participants"), null=True)
    organizations = models.PositiveBigIntegerField(_("organisations"), null=True)
    consultations = models.PositiveBigIntegerField(_("consultations"), null=True)
    publications = models.PositiveBigIntegerField(_("publications"), null=True)
    groups = models.PositiveBigIntegerField(_("groups"), null=True)

    class Meta:
        verbose_name = _("yearly figure")
        verbose_name_plural = _("yearly figures")
        indexes = [
            models.Index(fields=["source", "year"], name="analytics_year_source_year"),
            models.Index(fields=["source", "delegator_id", "year"], name="analytics_year_delegator"),
            models.Index(fields=["source", "region", "year"], name="analytics_year_region"),
            models.Index(fields=["source", "performer_id"], name="analytics_year_performer"),
        ]


class AgreementFigure(Dimensions):
    """Whole-period figures of one agreement or published summary: compliance, totals for costs, achievement."""

    start_year = models.PositiveSmallIntegerField(_("first year"), null=True)
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True)
    spent = models.DecimalField(_("spent, EUR"), max_digits=14, decimal_places=2, null=True)
    participants = models.PositiveBigIntegerField(_("participants"), null=True)
    events = models.PositiveBigIntegerField(_("events"), null=True)
    non_compliant = models.DecimalField(_("non-compliant, EUR"), max_digits=14, decimal_places=2, null=True)
    recovered = models.DecimalField(_("recovered, EUR"), max_digits=14, decimal_places=2, null=True)
    unrecovered = models.DecimalField(_("unrecovered, EUR"), max_digits=14, decimal_places=2, null=True)
    # Mean achievement of the indicators with a target, each capped at 100 %; null when none has one.
    achievement = models.DecimalField(_("achievement, %"), max_digits=6, decimal_places=1, null=True)
    indicators = models.PositiveIntegerField(_("indicators with a target"), default=0)

    class Meta:
        verbose_name = _("agreement figure")
        verbose_name_plural = _("agreement figures")
        indexes = [
            models.Index(fields=["source", "achievement"], name="analytics_agr_achievement"),
            models.Index(fields=["source", "delegator_id", "achievement"], name="analytics_agr_delegator"),
            models.Index(fields=["source", "end_year"], name="analytics_agr_end_year"),
            # Covering indexes for the filter form's choices (DISTINCT without reading the rows).
            models.Index(fields=["source", "delegator_id", "delegator_name"], name="analytics_agr_delegators"),
            models.Index(fields=["source", "performer_id", "performer_name"], name="analytics_agr_performers"),
            models.Index(fields=["source", "field"], name="analytics_agr_fields"),
        ]


class IndicatorFigure(models.Model):
    """One indicator's achieved value against its target, under the agreement figure it belongs to."""

    figure = models.ForeignKey(AgreementFigure, on_delete=models.CASCADE, related_name="indicator_rows")
    objective_position = models.PositiveSmallIntegerField(_("objective"))
    objective_text = models.TextField(_("objective"))
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("indicator"), max_length=500)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    target = models.PositiveIntegerField(_("target"), null=True)
    achieved = models.PositiveIntegerField(_("achieved"), null=True)
    percent = models.DecimalField(_("achievement, %"), max_digits=7, decimal_places=1, null=True)

    class Meta:
        verbose_name = _("indicator figure")
        verbose_name_plural = _("indicator figures")
        ordering = ["figure", "objective_position", "position"]


class RefreshState(models.Model):
    """When the summary tables were rebuilt and from what state of the sources (one row)."""

    stamp = models.CharField(max_length=500, blank=True)
    refreshed_at = models.DateTimeField(null=True)
    checked_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("figures refresh")
        verbose_name_plural = _("figures refreshes")
