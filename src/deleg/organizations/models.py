"""Organisations (delegating ministries and performing NGOs) and the roles people hold in them."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from deleg.core.choices import Region
from deleg.core.models import Timestamped
from deleg.core.validators import validate_register_number


class LegalForm(models.TextChoices):
    # Stored as written in published summaries (the canonical JSON uses the same words).
    BIEDRIBA = "biedrība", _("association (biedrība)")
    NODIBINAJUMS = "nodibinājums", _("foundation (nodibinājums)")
    SIA = "SIA", _("limited liability company (SIA)")
    AS = "AS", _("joint-stock company (AS)")
    PASVALDIBA = "pašvaldība", _("municipality")
    VALSTS_IESTADE = "valsts iestāde", _("state institution")
    MINISTRIJA = "ministrija", _("ministry")
    CITS = "cits", _("other")


class OrganizationRole(models.TextChoices):
    DELEGATOR = "delegator", _("delegator")
    PERFORMER = "performer", _("performer")


class Organization(Timestamped):
    name = models.CharField(_("name"), max_length=300)
    legal_form = models.CharField(_("legal form"), max_length=20, choices=LegalForm.choices, blank=True)
    registration_number = models.CharField(
        _("register number"), max_length=20, blank=True, validators=[validate_register_number]
    )
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=OrganizationRole.choices)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~Q(registration_number=""),
                name="organization_unique_register_number",
                violation_error_message=_("An organisation with this register number already exists."),
            ),
        ]
        indexes = [models.Index(fields=["updated_at"], name="organization_updated_at")]

    def __str__(self):
        return self.name


class MemberRole(models.TextChoices):
    MINISTRY_ADMIN = "ministry_admin", _("ministry administrator")
    MINISTRY_REVIEWER = "ministry_reviewer", _("ministry reviewer")
    PERFORMER_EDITOR = "performer_editor", _("performer editor")
    PERFORMER_VIEWER = "performer_viewer", _("performer viewer")


MINISTRY_ROLES = {MemberRole.MINISTRY_ADMIN, MemberRole.MINISTRY_REVIEWER}


class Membership(Timestamped):
    """A person's role in one organisation; what they may see and do follows from it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique_role"),
        ]

    def __str__(self):
        return f"{self.user} — {self.organization} ({self.get_role_display()})"

    def clean(self):
        if not self.organization_id or not self.role:
            return
        needs = OrganizationRole.DELEGATOR if self.role in MINISTRY_ROLES else OrganizationRole.PERFORMER
        if self.organization.role != needs:
            raise ValidationError(
                {"role": ValidationError(_("This role does not fit the organisation's role."), code="role_mismatch")}
            )
