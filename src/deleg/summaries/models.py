"""Published summaries (Kopsavilkums): immutable versions of the canonical JSON with their provenance."""
import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from deleg.agreements.models import Agreement
from deleg.core.choices import Region
from deleg.reports.models import Report


def content_sha256(content: dict) -> str:
    """Hash of the canonical JSON, independent of key order and whitespace."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Summary(models.Model):
    """One published summary with all its versions; its URL shows the latest."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, null=True, blank=True, related_name="summaries", verbose_name=_("agreement")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The version the register shows; moves forward when a correction is published.
    latest = models.OneToOneField(
        "SummaryVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="latest_of",
        editable=False, verbose_name=_("latest version"),
    )

    class Meta:
        verbose_name = _("summary")
        verbose_name_plural = _("summaries")
        ordering = ["-created_at"]

    def __str__(self):
        latest = self.versions.order_by("-number").first()
        return latest.title if latest else f"#{self.pk}"


class SummaryVersion(models.Model):
    """A published version: never edited in place; a correction is the next version with a change note."""

    summary = models.ForeignKey(Summary, on_delete=models.PROTECT, related_name="versions", verbose_name=_("summary"))
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(_("canonical JSON"))
    content_sha256 = models.CharField(_("content SHA-256"), max_length=64, db_index=True, editable=False)
    change_note = models.TextField(_("change note"), blank=True)
    published_at = models.DateTimeField(_("published"), auto_now_add=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("published by"),
    )
    # Provenance: built from a report, or imported from a file.
    source_report = models.ForeignKey(
        Report, on_delete=models.PROTECT, null=True, blank=True, related_name="summary_versions",
        verbose_name=_("source report"),
    )
    source_file = models.CharField(_("source file"), max_length=500, blank=True)
    source_sha256 = models.CharField(_("source file SHA-256"), max_length=64, blank=True, db_index=True)
    # Copied from the content for lists and search; the content stays the record.
    title = models.CharField(_("title"), max_length=500, editable=False)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True, editable=False)
    performer_name = models.CharField(_("performer"), max_length=300, blank=True, editable=False)
    period_start = models.DateField(_("period start"), null=True, blank=True, editable=False)
    period_end = models.DateField(_("period end"), null=True, blank=True, editable=False)
    # Task, performer, objectives and results in lower case without diacritics, for full-text search.
    search_text = models.TextField(_("search text"), blank=True, editable=False)

    class Meta:
        verbose_name = _("summary version")
        verbose_name_plural = _("summary versions")
        ordering = ["summary", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["summary", "number"], name="summary_version_unique_number"),
        ]
        indexes = [
            models.Index(fields=["region", "period_start"], name="summary_version_region_start"),
            models.Index(fields=["period_start", "period_end"], name="summary_version_period"),
        ]

    def __str__(self):
        return f"{self.title} (v{self.number})"

    def save(self, *args, **kwargs):
        # Published versions are immutable: the law's publication is a record, not a draft.
        if self.pk is not None:
            raise ValidationError(_("A published summary version cannot be changed; publish a new version."),
                                  code="immutable")
        super().save(*args, **kwargs)


class SummaryYear(models.Model):
    """A calendar year a published version's period touches: the register's year facet and filter."""

    version = models.ForeignKey(SummaryVersion, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        verbose_name = _("summary year")
        verbose_name_plural = _("summary years")
        constraints = [models.UniqueConstraint(fields=["year", "version"], name="summary_year_unique")]

    def __str__(self):
        return str(self.year)
