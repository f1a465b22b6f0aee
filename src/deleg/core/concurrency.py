"""Optimistic locking: a save carrying an older revision than the stored one is refused, never merged."""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STALE = _(
    "Someone else saved this since you opened it. Your changes were not saved: reload the page to see "
    "theirs, then make your changes again."
)


def save_if_unchanged(instance: models.Model, *, revision: int, fields: list[str]) -> None:
    """Write the fields only if the stored revision is still the one the editor started from."""
    values = {name: getattr(instance, name) for name in fields}
    if any(f.name == "updated_at" for f in instance._meta.fields):
        values["updated_at"] = timezone.now()
    updated = type(instance).objects.filter(pk=instance.pk, revision=revision).update(revision=revision + 1, **values)
    if not updated:
        raise ValidationError(STALE, code="stale")
    instance.revision = revision + 1
