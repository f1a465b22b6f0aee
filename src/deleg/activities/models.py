"""The performer's activity log: what was done, where, when and for how many (counts only, no personal data)."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from deleg.agreements.models import Agreement
from deleg.core.models import Timestamped


class ActivityType(models.TextChoices):
    SEMINAR = "seminar", _("seminar")
    TRAINING = "training", _("training")
    CONSULTATION = "consultation", _("consultation")
    OUTREACH_CONSULTATION = "outreach_consultation", _("outreach consultation")
    PUBLICATION = "publication", _("publication")
    INTERCULTURAL_EVENT = "intercultural_event", _("intercultural event")
    DISCUSSION = "discussion", _("discussion")
    FORUM = "forum", _("forum")
    FESTIVAL = "festival", _("festival")
    OTHER = "other", _("other")


class Activity(Timestamped):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="activities", verbose_name=_("agreement")
    )
    type = models.CharField(_("type"), max_length=30, choices=ActivityType.choices)
    date = models.DateField(_("date"))
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=500)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    organizations = models.PositiveIntegerField(_("organisations"), default=0)
    minority_focus = models.BooleanField(_("minority focus"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("logged by"),
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["agreement", "type", "date"], name="activity_agreement_type_date")]

    def __str__(self):
        return f"{self.date:%d.%m.%Y.} {self.title}"

    def clean(self):
        agreement = self.agreement if self.agreement_id else None
        if agreement and self.date and agreement.start and agreement.end:
            if not agreement.start <= self.date <= agreement.end:
                raise ValidationError(
                    {"date": ValidationError(
                        _("The date must be within the agreement's period (%(start)s – %(end)s)."),
                        code="date_outside_period",
                        params={"start": date_format(agreement.start, "SHORT_DATE_FORMAT"),
                                "end": date_format(agreement.end, "SHORT_DATE_FORMAT")},
                    )}
                )


class ActivityAttachment(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("activity")
    )
    file = models.FileField(_("file"), upload_to="activities/%Y/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity attachment")
        verbose_name_plural = _("activity attachments")

    def __str__(self):
        return self.file.name
