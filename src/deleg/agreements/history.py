"""Recording changes for the per-agreement history; services call these inside their transactions."""
from django.db import models

from deleg.agreements.models import Agreement, HistoryEntry


def snapshot(instance: models.Model) -> dict[str, str]:
    """The instance's field values as text, for comparing before and after a change."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in {"created_at", "updated_at", "revision"}:
            continue
        value = getattr(instance, field.attname)
        values[field.name] = "" if value is None else str(value)
    return values


def history_record(*, agreement: Agreement, actor, action: str, instance: models.Model,
                   before: dict[str, str] | None = None) -> HistoryEntry:
    """Record a change: with `before`, only the fields that changed; without, every value as new."""
    after = snapshot(instance)
    before = before or {}
    changes = {name: [before.get(name, ""), value] for name, value in after.items() if before.get(name, "") != value}
    return HistoryEntry.objects.create(
        agreement=agreement, actor=actor if getattr(actor, "pk", None) else None, action=action,
        object_type=instance._meta.model_name, object_id=instance.pk, changes=changes,
    )
