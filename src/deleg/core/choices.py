"""Choices shared by several apps: planning regions and the kinds of counted results."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """Latvia's five planning regions, stored in the nominative as published summaries name them."""

    RIGA = "Rīga", _("Riga")
    VIDZEME = "Vidzeme", _("Vidzeme")
    KURZEME = "Kurzeme", _("Kurzeme")
    ZEMGALE = "Zemgale", _("Zemgale")
    LATGALE = "Latgale", _("Latgale")


class QuantityKind(models.TextChoices):
    """What a count in a result counts; the same kinds as the canonical summary JSON."""

    EVENTS = "events", _("events")
    PARTICIPANTS = "participants", _("participants")
    ORGANIZATIONS = "organizations", _("organisations")
    CONSULTATIONS = "consultations", _("consultations")
    PUBLICATIONS = "publications", _("publications")
    GROUPS = "groups", _("groups")
    OTHER = "other", _("other")
