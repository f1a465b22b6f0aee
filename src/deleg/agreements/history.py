"""Recording changes for the per-agreement history; services call these inside their transactions."""
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from deleg.agreements.models import Agreement, HistoryEntry

ACTIONS = {
    "created": _("created"), "changed": _("changed"), "deleted": _("deleted"), "imported": _("imported"),
    "status": _("changed the status of"), "submitted": _("submitted"), "returned": _("returned"),
    "accepted": _("accepted"), "reviewed": _("reviewed"), "attached": _("attached"),
}
# The parent and the author are already in the entry itself.
NOT_RECORDED = {"created_at", "updated_at", "revision", "agreement", "created_by", "report"}
HISTORY_APPS = ("agreements", "activities", "reports", "summaries")


def snapshot(instance: models.Model) -> dict[str, str]:
    """The instance's field values as text, for comparing before and after a change."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in NOT_RECORDED:
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


def _model(model_name: str):
    for label in HISTORY_APPS:
        try:
            return apps.get_model(label, model_name)
        except LookupError:
            continue
    return None


def history_rows(agreement: Agreement, *, limit: int = 50) -> list[dict]:
    """The agreement's latest history, labelled in the reader's language."""
    rows = []
    for entry in agreement.history.select_related("actor")[:limit]:
        model = _model(entry.object_type)
        changes = []
        for name, (old, new) in entry.changes.items():
            try:
                label = model._meta.get_field(name).verbose_name if model else name
            except FieldDoesNotExist:
                label = name
            changes.append({"field": label, "old": old, "new": new})
        rows.append({
            "at": entry.at, "actor": entry.actor, "action": ACTIONS.get(entry.action, entry.action),
            "object": model._meta.verbose_name if model else entry.object_type, "changes": changes,
        })
    return rows
