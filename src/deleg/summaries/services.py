"""Writes to published summaries: new versions (never edits) and the atomic, idempotent import of files."""
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import jsonschema
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deleg.agreements.models import Agreement, AgreementStatus, BudgetLine, Objective
from deleg.organizations.models import LegalForm, Organization, OrganizationRole
from deleg.summaries.models import Summary, SummaryVersion, SummaryYear, content_sha256
from deleg.summaries.search import index_version, search_text

SCHEMA_PATH = Path(__file__).resolve().parent / "summary.schema.json"
# File types `deleg import` picks up from a folder; others are left alone.
IMPORTABLE_SUFFIXES = {".txt", ".tsv", ".html", ".htm", ".docx"}


@cache
def summary_schema_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def summary_content_errors(content: dict) -> list[str]:
    """Where and how the content breaks the canonical schema; empty when it is valid."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in summary_schema_validator().iter_errors(content)
    ]


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@transaction.atomic
def summary_version_create(*, summary: Summary, content: dict, change_note: str = "", published_by=None,
                           source_report=None, source_file: str = "", source_sha256: str = "") -> SummaryVersion:
    """Publish the next version of a summary; the content must be valid canonical JSON."""
    errors = summary_content_errors(content)
    if errors:
        raise ValidationError({"content": ValidationError(
            _("The summary does not follow the canonical format: %(errors)s"), code="schema",
            params={"errors": "; ".join(errors[:5])},
        )})
    # Lock the series so that two publications cannot take the same number.
    Summary.objects.select_for_update().filter(pk=summary.pk).first()
    last = summary.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = SummaryVersion(
        summary=summary, number=last + 1, content=content, content_sha256=content_sha256(content),
        change_note=change_note, published_by=published_by, source_report=source_report,
        source_file=source_file[:500], source_sha256=source_sha256,
        title=content["title"][:500], region=content.get("region") or "",
        performer_name=content["performer"]["name"][:300],
        period_start=_iso_date(content["period"]["start"]), period_end=_iso_date(content["period"]["end"]),
        search_text=search_text(content),
    )
    # The number was taken under the series' lock; the database constraint still refuses a duplicate.
    version.full_clean(validate_constraints=False)
    version.save()
    _register(summary, version)
    return version


def _register(summary: Summary, version: SummaryVersion) -> None:
    """Make the new version the one the register finds: search index, years, latest mark."""
    index_version(version.pk, version.search_text)
    if version.period_start and version.period_end and version.period_start <= version.period_end:
        SummaryYear.objects.bulk_create(
            SummaryYear(version=version, year=year)
            for year in range(version.period_start.year, version.period_end.year + 1)
        )
    summary.latest = version
    summary.save(update_fields=["latest"])


@dataclass
class ImportResult:
    source: str
    status: str  # created | new_version | unchanged | failed
    summary_id: int | None = None
    version: int | None = None
    findings: list[dict] = field(default_factory=list)
    error: str = ""


def _organization(*, name: str, role: str, legal_form: str = "", registration_number: str = "") -> Organization:
    """The organisation with this register number, else with this name and role; created if new."""
    if registration_number:
        found = Organization.objects.filter(registration_number=registration_number).first()
        if found:
            return found
    found = Organization.objects.filter(name=name, role=role).first()
    if found:
        return found
    organization = Organization(name=name, role=role, legal_form=legal_form or "",
                                registration_number=registration_number or "")
    # The register number was just looked up; the database constraint still guards it.
    organization.full_clean(validate_constraints=False)
    organization.save()
    return organization


def _agreement_for(content: dict) -> Agreement:
    """The agreement a summary reports on: same performer, delegator, task and period, else a new one."""
    performer_data = content["performer"]
    legal_form = performer_data.get("legal_form") or ""
    performer = _organization(
        name=performer_data["name"], role=OrganizationRole.PERFORMER,
        legal_form=legal_form if legal_form in LegalForm.values else LegalForm.CITS if legal_form else "",
        registration_number=performer_data.get("registration_number") or "",
    )
    delegator = None
    if content.get("delegator"):
        is_ministry = "ministrij" in content["delegator"].lower()
        delegator = _organization(name=content["delegator"], role=OrganizationRole.DELEGATOR,
                                  legal_form=LegalForm.MINISTRIJA if is_ministry else "")
    start, end = _iso_date(content["period"]["start"]), _iso_date(content["period"]["end"])
    if start and end and end < start:
        # The summary keeps the impossible period and its finding; the agreement does not pretend to know it.
        start = end = None
    # A summary that does not name its delegator belongs to the agreement with the same performer, task
    # and period, whoever delegated it.
    same = Agreement.objects.filter(performer=performer, task=content["task"], start=start, end=end)
    existing = (same.filter(delegator=delegator) if delegator else same).order_by("pk").first()
    if existing:
        return existing
    title = content["task"] if len(content["task"]) <= 500 else content["task"][:499] + "…"
    agreement = Agreement(
        title=title, task=content["task"], performer=performer, delegator=delegator,
        region=content.get("region") or "", start=start, end=end,
        status=AgreementStatus.CLOSED if end and end < timezone.localdate() else AgreementStatus.ACTIVE,
    )
    objectives = [Objective(agreement=agreement, position=n, text=text)
                  for n, text in enumerate(content["objectives"], start=1)]
    # A year listed twice keeps its last figure, as budget_line_set would.
    lines = {row["year"]: BudgetLine(agreement=agreement, year=row["year"], planned=row["planned"])
             for row in content["funding"] if row["planned"] is not None}
    # Imported agreements have no number and an ordered period, and positions and years are unique
    # by construction: the fields are validated here, the database constraints guard the rest.
    agreement.full_clean(validate_constraints=False)
    agreement.save()
    for item in [*objectives, *lines.values()]:
        item.full_clean(exclude=["agreement"], validate_unique=False, validate_constraints=False)
    Objective.objects.bulk_create(objectives)
    BudgetLine.objects.bulk_create(lines.values())
    return agreement


def summary_import(*, data: bytes, source: str, dry_run: bool = False) -> ImportResult:
    """Parse one file and store its organisations, agreement and summary: all of it, or nothing.

    The same bytes imported twice create nothing new; a changed file for the same agreement becomes
    the summary's next version.
    """
    from deleg.ingest import UnreadableFile, parse_bytes

    source_sha256 = hashlib.sha256(data).hexdigest()
    already = SummaryVersion.objects.filter(source_sha256=source_sha256).first()
    if already:
        return ImportResult(source, "unchanged", already.summary_id, already.number, already.content["findings"])
    try:
        content = parse_bytes(data, filename=Path(source).name)
    except UnreadableFile as error:
        return ImportResult(source, "failed", error=str(error))
    try:
        with transaction.atomic():
            result = _store(content, source=source, source_sha256=source_sha256)
            if dry_run:
                transaction.set_rollback(True)
    except ValidationError as error:
        return ImportResult(source, "failed", findings=content["findings"], error=_validation_text(error))
    except DatabaseError as error:
        return ImportResult(source, "failed", findings=content["findings"], error=str(error))
    return result


def _store(content: dict, *, source: str, source_sha256: str) -> ImportResult:
    agreement = _agreement_for(content)
    summary = agreement.summaries.order_by("pk").first()
    name = Path(source).name
    if summary is None:
        summary = Summary.objects.create(agreement=agreement)
        note, status = _("Imported from %(file)s.") % {"file": name}, "created"
    else:
        latest = summary.versions.order_by("-number").first()
        if latest and latest.content_sha256 == content_sha256(content):
            return ImportResult(source, "unchanged", summary.pk, latest.number, content["findings"])
        note, status = _("Imported again from %(file)s with changes.") % {"file": name}, "new_version"
    version = summary_version_create(summary=summary, content=content, change_note=note,
                                     source_file=name, source_sha256=source_sha256)
    return ImportResult(source, status, summary.pk, version.number, content["findings"])


def _validation_text(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def importable_files(paths: list[str]) -> list[Path]:
    """The files named, and the importable files inside the folders named, in a stable order."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMPORTABLE_SUFFIXES))
        else:
            found.append(path)
    return found


def summary_import_path(path: Path, *, dry_run: bool = False) -> ImportResult:
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImportResult(str(path), "failed", error=_("Cannot read the file: %(reason)s") % {"reason": error.strerror})
    return summary_import(data=data, source=str(path), dry_run=dry_run)


@transaction.atomic
def summary_publish(*, actor, report, change_note: str = "") -> SummaryVersion:
    """Publish the summary of an accepted final report: the agreement's summary gets its next version."""
    from deleg.organizations.permissions import require
    from deleg.reports.models import ReportKind, ReportStatus
    from deleg.summaries.build import summary_build

    require(actor, "summary.publish", report.agreement)
    if report.kind != ReportKind.FINAL or report.status != ReportStatus.ACCEPTED:
        raise ValidationError({"report": ValidationError(
            _("Only an accepted final report can be published."), code="not_publishable")})
    summary = report.agreement.summaries.order_by("pk").first() or Summary.objects.create(agreement=report.agreement)
    if not change_note and summary.versions.exists():
        raise ValidationError({"change_note": ValidationError(
            _("Say what this version corrects."), code="required")})
    return summary_version_create(summary=summary, content=summary_build(report), change_note=change_note,
                                  published_by=actor if actor.pk else None, source_report=report)
