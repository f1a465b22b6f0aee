"""Writes to published summaries: new versions (never edits) and the atomic, idempotent import of files."""
import hashlib
import json
import numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import batched
from pathlib import Path

import jsonschema
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
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


def _ref(instance):
    """A key for a row that may not be written yet (a _ChunkLookups in deferred mode): its pk, else itself."""
    return instance.pk if instance.pk is not None else ("new", id(instance))


class _StoredLookups:
    """What the import of a file asks about what is stored, and how it stores: the database, one query
    per question, each row written when it is made."""

    def imported(self, source_sha256: str) -> tuple | None:
        """(summary, version, findings) of a version imported from the same bytes, if any."""
        already = SummaryVersion.objects.filter(source_sha256=source_sha256).first()
        return (already.summary_id, already.number, already.content["findings"]) if already else None

    def organization(self, *, name: str, role: str, registration_number: str) -> Organization | None:
        """The organisation with this register number, else with this name and role."""
        if registration_number:
            found = Organization.objects.filter(registration_number=registration_number).first()
            if found:
                return found
        return Organization.objects.filter(name=name, role=role).first()

    def agreement(self, *, performer, delegator, task: str, start, end) -> Agreement | None:
        # A summary that does not name its delegator belongs to the agreement with the same performer, task
        # and period, whoever delegated it. (_ChunkLookups.agreement answers the same from memory.)
        same = Agreement.objects.filter(performer=performer, task=task, start=start, end=end)
        return (same.filter(delegator=delegator) if delegator else same).order_by("pk").first()

    def summary(self, agreement: Agreement) -> Summary | None:
        return agreement.summaries.order_by("pk").first()

    def latest(self, summary: Summary) -> tuple[int, str] | None:
        """(number, content SHA-256) of the summary's latest version."""
        return summary.versions.order_by("-number").values_list("number", "content_sha256").first()

    def save_organization(self, organization: Organization) -> None:
        organization.save()

    def save_agreement(self, agreement: Agreement, objectives: list, lines: list, *, performer, delegator) -> None:
        agreement.save()
        Objective.objects.bulk_create(objectives)
        BudgetLine.objects.bulk_create(lines)

    def summary_create(self, agreement: Agreement) -> Summary:
        return Summary.objects.create(agreement=agreement)

    def version_create(self, *, summary: Summary, last: int, derived=None, **fields) -> SummaryVersion:
        return summary_version_create(summary=summary, **fields)

    def bind(self, result: ImportResult, summary) -> ImportResult:
        """Set the result's summary id (of a summary, or the id itself)."""
        result.summary_id = summary if isinstance(summary, int) else summary.pk
        return result


_MISSING = object()


class _ChunkLookups(_StoredLookups):
    """The same answers for a chunk of files imported in one transaction, from a few queries made at once.

    What a file adds is remembered for the files after it. In deferred mode the rows are not
    written as they are made but all at once by `flush`, table by table; otherwise each is written
    at once, as _StoredLookups does, in the file's savepoint. `rollback` forgets what a file added
    when the file fails (or in a dry run), `commit` keeps it.
    """

    def __init__(self, chunk: list, *, deferred: bool = False) -> None:
        self.deferred = deferred
        self._journal: list[tuple[dict, object, object]] = []
        self._file_rows: list[tuple[str, object]] = []
        self._rows: dict[str, list] = {name: [] for name in ("organizations", "agreements", "objectives", "lines",
                                                           "summaries", "versions")}
        self._unbound: list[tuple[ImportResult, Summary]] = []
        contents = [p.content for p in chunk if p.content is not None]
        shas = [p.sha256 for p in chunk if p.sha256]
        # (summary, number, findings) by the source's hash; ordered as SummaryVersion.Meta.ordering, so
        # that the first row per hash is the one .first() gives.
        self.by_sha: dict[str, tuple] = {}
        for sha, summary_id, number, findings in SummaryVersion.objects.filter(source_sha256__in=shas).order_by(
                "summary", "-number").values_list("source_sha256", "summary_id", "number", "content__findings"):
            self.by_sha.setdefault(sha, (summary_id, number, findings))
        regs = {c["performer"].get("registration_number") for c in contents} - {None, ""}
        names = {c["performer"]["name"] for c in contents} | {c["delegator"] for c in contents if c.get("delegator")}
        self.org_by_reg: dict[str, Organization] = {}
        self.org_by_name: dict[tuple[str, str], Organization] = {}
        for org in Organization.objects.filter(Q(registration_number__in=regs) | Q(name__in=names)).order_by("name", "pk"):
            if org.registration_number in regs:
                self.org_by_reg.setdefault(org.registration_number, org)
            if org.name in names:
                self.org_by_name.setdefault((org.name, org.role), org)
        performer_ids = {org.pk for org in [*self.org_by_reg.values(), *self.org_by_name.values()]}
        tasks = {c["task"] for c in contents}
        # (performer, task, start, end) → [(agreement, its delegator)] by pk.
        self.agreements: dict[tuple, list[tuple[Agreement, object]]] = {}
        for agreement in Agreement.objects.filter(performer_id__in=performer_ids, task__in=tasks).order_by("pk"):
            key = (agreement.performer_id, agreement.task, agreement.start, agreement.end)
            self.agreements.setdefault(key, []).append((agreement, agreement.delegator_id))
        self.summary_of: dict[object, Summary] = {}
        agreement_ids = [a.pk for same in self.agreements.values() for a, _d in same]
        for summary in Summary.objects.filter(agreement_id__in=agreement_ids).order_by("pk"):
            self.summary_of.setdefault(summary.agreement_id, summary)
        summary_ids = sorted(s.pk for s in self.summary_of.values())
        # Lock the series that may get a version before reading their numbers, as summary_version_create does.
        list(Summary.objects.select_for_update().filter(pk__in=summary_ids).order_by("pk").values_list("pk", flat=True))
        self.latest_of: dict[object, tuple[int, str]] = {}
        for summary_id, number, sha in SummaryVersion.objects.filter(summary_id__in=summary_ids).order_by(
                "summary_id", "-number").values_list("summary_id", "number", "content_sha256"):
            self.latest_of.setdefault(summary_id, (number, sha))

    def _set(self, mapping: dict, key, value) -> None:
        self._journal.append((mapping, key, mapping.get(key, _MISSING)))
        mapping[key] = value

    def _write(self, table: str, *rows) -> None:
        self._file_rows.extend((table, row) for row in rows)

    def commit(self) -> None:
        self._journal.clear()
        for table, row in self._file_rows:
            self._rows[table].append(row)
        self._file_rows.clear()

    def rollback(self) -> None:
        for mapping, key, old in reversed(self._journal):
            if old is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = old
        self._journal.clear()
        self._file_rows.clear()

    def imported(self, source_sha256: str) -> tuple | None:
        return self.by_sha.get(source_sha256)

    def organization(self, *, name: str, role: str, registration_number: str) -> Organization | None:
        if registration_number and registration_number in self.org_by_reg:
            return self.org_by_reg[registration_number]
        return self.org_by_name.get((name, role))

    def agreement(self, *, performer, delegator, task: str, start, end) -> Agreement | None:
        # As _StoredLookups.agreement: the first by pk, of the same delegator when the summary names one.
        for agreement, agreement_delegator in self.agreements.get((_ref(performer), task, start, end), ()):
            if not delegator or agreement_delegator == _ref(delegator):
                return agreement
        return None

    def summary(self, agreement: Agreement) -> Summary | None:
        return self.summary_of.get(_ref(agreement))

    def latest(self, summary: Summary) -> tuple[int, str] | None:
        return self.latest_of.get(_ref(summary))

    def save_organization(self, organization: Organization) -> None:
        if self.deferred:
            self._write("organizations", organization)
        else:
            organization.save()
        if organization.registration_number:
            self._set(self.org_by_reg, organization.registration_number, organization)
        self._set(self.org_by_name, (organization.name, organization.role), organization)

    def save_agreement(self, agreement: Agreement, objectives: list, lines: list, *, performer, delegator) -> None:
        if self.deferred:
            self._write("agreements", agreement)
            self._write("objectives", *objectives)
            self._write("lines", *lines)
        else:
            super().save_agreement(agreement, objectives, lines, performer=performer, delegator=delegator)
        key = (_ref(performer), agreement.task, agreement.start, agreement.end)
        delegator_ref = _ref(delegator) if delegator else None
        self._set(self.agreements, key, [*self.agreements.get(key, ()), (agreement, delegator_ref)])

    def summary_create(self, agreement: Agreement) -> Summary:
        if self.deferred:
            summary = Summary(agreement=agreement)
            self._write("summaries", summary)
        else:
            summary = super().summary_create(agreement)
        self._set(self.summary_of, _ref(agreement), summary)
        return summary

    def version_create(self, *, summary: Summary, last: int, derived=None, **fields) -> SummaryVersion:
        version = _imported_version(summary=summary, number=last + 1, derived=derived, **fields)
        if self.deferred:
            self._write("versions", version)
        else:
            version.save()
            _register(summary, version)
        self._set(self.latest_of, _ref(summary), (version.number, version.content_sha256))
        self._set(self.by_sha, version.source_sha256, (summary, version.number, version.content["findings"]))
        return version

    def bind(self, result: ImportResult, summary) -> ImportResult:
        if not isinstance(summary, int) and summary.pk is None:
            self._unbound.append((result, summary))  # its id is known once flush has written it
            return result
        return super().bind(result, summary)

    def flush(self) -> None:
        """Write the rows the deferred files made, table by table (a foreign key takes the pk its row got)."""
        rows = self._rows
        Organization.objects.bulk_create(rows["organizations"])
        Agreement.objects.bulk_create(rows["agreements"])
        Objective.objects.bulk_create(rows["objectives"])
        BudgetLine.objects.bulk_create(rows["lines"])
        Summary.objects.bulk_create(rows["summaries"])
        SummaryVersion.objects.bulk_create(rows["versions"])
        _register_many(rows["versions"])
        for result, summary in self._unbound:
            result.summary_id = summary.pk


def _register_many(versions: list[SummaryVersion]) -> None:
    """_register for each of the versions, in order, with a statement per table rather than per version."""
    years = []
    latest = {}
    for version in versions:
        index_version(version.pk, version.search_text)
        if version.period_start and version.period_end and version.period_start <= version.period_end:
            years.extend(SummaryYear(version=version, year=year)
                         for year in range(version.period_start.year, version.period_end.year + 1))
        version.summary.latest = version
        latest[version.summary.pk] = version.pk
    SummaryYear.objects.bulk_create(years)
    # summary.save(update_fields=["latest"]) for each, as one statement run for many rows.
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(Summary._meta.db_table)} SET {quote(Summary._meta.get_field('latest').column)} = %s "
            f"WHERE {quote(Summary._meta.pk.column)} = %s",
            [(version_id, summary_id) for summary_id, version_id in latest.items()],
        )


# The canonical schema compiled into one Python predicate, for the import of many files, where
# jsonschema's general validator costs more than parsing a file. It knows the keywords the schema
# uses (with jsonschema's Draft 2020-12 meaning, format not asserted); a schema with any other
# keyword is not compiled and jsonschema decides. test_import_many checks both agree.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "format", "default",
                          "examples", "deprecated", "readOnly", "writeOnly"})
_TYPE_TESTS = {
    "string": lambda x: isinstance(x, str),
    "null": lambda x: x is None,
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": lambda x: (isinstance(x, int) and not isinstance(x, bool)) or (isinstance(x, float) and x.is_integer()),
    "number": lambda x: isinstance(x, numbers.Number) and not isinstance(x, bool),
}


class _NotCompiled(Exception):
    """The schema uses something _compile_schema does not know."""


def _compile_schema(schema: dict) -> Callable[[object], bool]:
    def resolve(ref: str):
        if not ref.startswith("#/"):
            raise _NotCompiled(ref)
        node = schema
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def compile_node(node, refs: tuple) -> Callable[[object], bool]:
        if node is True or node == {}:
            return lambda x: True
        if node is False:
            return lambda x: False
        if not isinstance(node, dict) or ("$id" in node and node is not schema):
            raise _NotCompiled(node)
        unknown = set(node) - _ANNOTATIONS - {"type", "const", "enum", "required", "properties",
                                             "additionalProperties", "items", "minimum", "pattern", "$ref"}
        if unknown:
            raise _NotCompiled(unknown)
        tests = []
        if "$ref" in node:
            if node["$ref"] in refs:
                raise _NotCompiled(node["$ref"])  # recursive
            tests.append(compile_node(resolve(node["$ref"]), (*refs, node["$ref"])))
        if "type" in node:
            names = [node["type"]] if isinstance(node["type"], str) else list(node["type"])
            if any(name not in _TYPE_TESTS for name in names):
                raise _NotCompiled(names)
            kinds = tuple(_TYPE_TESTS[name] for name in names)
            if len(kinds) == 1:
                tests.append(kinds[0])
            elif len(kinds) == 2:
                tests.append(lambda x, a=kinds[0], b=kinds[1]: a(x) or b(x))
            else:
                tests.append(lambda x, kinds=kinds: any(kind(x) for kind in kinds))
        for keyword in ("const", "enum"):
            if keyword in node:
                allowed = [node["const"]] if keyword == "const" else list(node["enum"])
                if not all(a is None or isinstance(a, str) for a in allowed):
                    raise _NotCompiled(allowed)
                # jsonschema's equal(): a string equals only an equal string, null only null.
                strings, null = frozenset(a for a in allowed if a is not None), None in allowed
                tests.append(lambda x, strings=strings, null=null: x in strings if isinstance(x, str) else null and x is None)
        if "required" in node:
            required = frozenset(node["required"])
            tests.append(lambda x: not isinstance(x, dict) or required.issubset(x))
        if "properties" in node or "additionalProperties" in node:
            properties = {k: compile_node(v, refs) for k, v in node.get("properties", {}).items()}
            extra = node.get("additionalProperties", True)
            extra_test = None if extra is True else compile_node(extra, refs)

            def object_test(x, properties=properties, extra_test=extra_test):
                if not isinstance(x, dict):
                    return True
                for key, value in x.items():
                    test = properties.get(key) if isinstance(key, str) else None
                    if test is None:
                        if extra_test is not None and not extra_test(value):
                            return False
                    elif not test(value):
                        return False
                return True
            tests.append(object_test)
        if "items" in node:
            item_test = compile_node(node["items"], refs)

            def array_test(x, item_test=item_test):
                if isinstance(x, list):
                    for item in x:
                        if not item_test(item):
                            return False
                return True
            tests.append(array_test)
        if "minimum" in node:
            minimum = node["minimum"]
            number = _TYPE_TESTS["number"]
            tests.append(lambda x: not number(x) or not x < minimum)
        if "pattern" in node:
            search = re.compile(node["pattern"]).search
            tests.append(lambda x: not isinstance(x, str) or search(x) is not None)
        if len(tests) == 1:
            return tests[0]
        if len(tests) == 2:
            return lambda x, a=tests[0], b=tests[1]: a(x) and b(x)

        def all_tests(x, tests=tuple(tests)):
            for test in tests:
                if not test(x):
                    return False
            return True
        return all_tests

    return compile_node(schema, ())


@cache
def _summary_schema_check() -> Callable[[object], bool]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    try:
        return _compile_schema(schema)
    except _NotCompiled:
        return summary_schema_validator().is_valid


def summary_content_valid(content: dict) -> bool:
    """Whether the content follows the canonical schema: summary_content_errors(content) == [], faster."""
    return _summary_schema_check()(content)


def _derive(content: dict) -> tuple[bool, str, str]:
    """What a version needs computed from its content: whether it is valid, its hash and its search text.

    summary_import_many has the workers that parse the files compute it (deleg.ingest.batch).
    """
    return summary_content_valid(content), content_sha256(content), search_text(content)


def _imported_version(*, summary: Summary, number: int, content: dict, change_note: str,
                      source_file: str, source_sha256: str, derived: tuple | None = None) -> SummaryVersion:
    """The version summary_version_create would publish, made and validated but not saved, for _ChunkLookups.

    The series was locked and its last number read when the chunk began; the content is checked
    with the compiled schema (summary_content_valid gives jsonschema's verdict), and the summary's
    reference is not looked up again: it was just read or made, and the foreign key constraint
    guards it. test_import_many checks that both ways store the same.
    """
    valid, sha256, text = derived if derived is not None else _derive(content)
    errors = [] if valid else summary_content_errors(content)
    if errors:
        raise ValidationError({"content": ValidationError(
            _("The summary does not follow the canonical format: %(errors)s"), code="schema",
            params={"errors": "; ".join(errors[:5])},
        )})
    version = SummaryVersion(
        summary=summary, number=number, content=content, content_sha256=sha256,
        change_note=change_note, source_file=source_file[:500], source_sha256=source_sha256,
        title=content["title"][:500], region=content.get("region") or "",
        performer_name=content["performer"]["name"][:300],
        period_start=_iso_date(content["period"]["start"]), period_end=_iso_date(content["period"]["end"]),
        search_text=text,
    )
    # The content passed the schema, which admits JSON values only: what its field would check by
    # encoding it, the insert does again.
    version.full_clean(exclude=["summary", "content"], validate_unique=False, validate_constraints=False)
    return version


def _organization(lookups, *, name: str, role: str, legal_form: str = "", registration_number: str = "") -> Organization:
    """The organisation with this register number, else with this name and role; created if new."""
    found = lookups.organization(name=name, role=role, registration_number=registration_number)
    if found:
        return found
    organization = Organization(name=name, role=role, legal_form=legal_form or "",
                                registration_number=registration_number or "")
    # The register number was just looked up; the database constraint still guards it.
    organization.full_clean(validate_constraints=False)
    lookups.save_organization(organization)
    return organization


def _agreement_for(content: dict, lookups) -> Agreement:
    """The agreement a summary reports on: same performer, delegator, task and period, else a new one."""
    performer_data = content["performer"]
    legal_form = performer_data.get("legal_form") or ""
    performer = _organization(
        lookups, name=performer_data["name"], role=OrganizationRole.PERFORMER,
        legal_form=legal_form if legal_form in LegalForm.values else LegalForm.CITS if legal_form else "",
        registration_number=performer_data.get("registration_number") or "",
    )
    delegator = None
    if content.get("delegator"):
        is_ministry = "ministrij" in content["delegator"].lower()
        delegator = _organization(lookups, name=content["delegator"], role=OrganizationRole.DELEGATOR,
                                  legal_form=LegalForm.MINISTRIJA if is_ministry else "")
    start, end = _iso_date(content["period"]["start"]), _iso_date(content["period"]["end"])
    if start and end and end < start:
        # The summary keeps the impossible period and its finding; the agreement does not pretend to know it.
        start = end = None
    existing = lookups.agreement(performer=performer, delegator=delegator, task=content["task"], start=start, end=end)
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
    # by construction: the fields are validated here, the database constraints guard the rest. The
    # performer and delegator were just found or made, so their references need no query to validate
    # (the foreign key constraints guard them); only an organisation of the other role, found by its
    # register number, is validated against the field's choices, and fails as it always did.
    exclude = [name for name, organization, role in (("performer", performer, OrganizationRole.PERFORMER),
                                                     ("delegator", delegator, OrganizationRole.DELEGATOR))
               if organization is None or organization.role == role or organization.pk is None]
    agreement.full_clean(exclude=exclude, validate_constraints=False)
    for item in [*objectives, *lines.values()]:
        item.full_clean(exclude=["agreement"], validate_unique=False, validate_constraints=False)
    lookups.save_agreement(agreement, objectives, list(lines.values()), performer=performer, delegator=delegator)
    return agreement


def summary_import(*, data: bytes, source: str, dry_run: bool = False) -> ImportResult:
    """Parse one file and store its organisations, agreement and summary: all of it, or nothing.

    The same bytes imported twice create nothing new; a changed file for the same agreement becomes
    the summary's next version.
    """
    from deleg.ingest import UnreadableFile, parse_bytes

    lookups = _StoredLookups()
    source_sha256 = hashlib.sha256(data).hexdigest()
    already = lookups.imported(source_sha256)
    if already:
        summary, number, findings = already
        return lookups.bind(ImportResult(source, "unchanged", None, number, findings), summary)
    try:
        content = parse_bytes(data, filename=Path(source).name)
    except UnreadableFile as error:
        return ImportResult(source, "failed", error=str(error))
    return _store_atomic(content, source=source, source_sha256=source_sha256, lookups=lookups, dry_run=dry_run)


def _store_atomic(content: dict, *, source: str, source_sha256: str, lookups, dry_run: bool,
                  derived: tuple | None = None) -> ImportResult:
    """_store in a transaction of its own (a savepoint within a chunk's): all of the file, or nothing.

    A deferred _ChunkLookups writes nothing here, so there is nothing for a savepoint to undo:
    what the file made is forgotten with the lookups' rollback.
    """
    try:
        if getattr(lookups, "deferred", False):
            result = _store(content, source=source, source_sha256=source_sha256, lookups=lookups, derived=derived)
        else:
            with transaction.atomic():
                result = _store(content, source=source, source_sha256=source_sha256, lookups=lookups,
                                derived=derived)
                if dry_run:
                    transaction.set_rollback(True)
    except ValidationError as error:
        result = ImportResult(source, "failed", findings=content["findings"], error=_validation_text(error))
    except DatabaseError as error:
        result = ImportResult(source, "failed", findings=content["findings"], error=str(error))
    if isinstance(lookups, _ChunkLookups):
        if dry_run or result.status == "failed":
            lookups.rollback()
        else:
            lookups.commit()
    return result


def _store(content: dict, *, source: str, source_sha256: str, lookups, derived: tuple | None = None) -> ImportResult:
    agreement = _agreement_for(content, lookups)
    summary = lookups.summary(agreement)
    name = Path(source).name
    if summary is None:
        summary = lookups.summary_create(agreement)
        note, status, last = _("Imported from %(file)s.") % {"file": name}, "created", 0
    else:
        latest = lookups.latest(summary)
        if latest and latest[1] == (derived[1] if derived is not None else content_sha256(content)):
            return lookups.bind(ImportResult(source, "unchanged", None, latest[0], content["findings"]), summary)
        note, status = _("Imported again from %(file)s with changes.") % {"file": name}, "new_version"
        last = latest[0] if latest else 0
    version = lookups.version_create(summary=summary, last=last, content=content, change_note=note,
                                     source_file=name, source_sha256=source_sha256, derived=derived)
    return lookups.bind(ImportResult(source, status, None, version.number, content["findings"]), summary)


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
        return _read_failure(str(path), error.strerror)
    return summary_import(data=data, source=str(path), dry_run=dry_run)


def _read_failure(source: str, reason: str | None) -> ImportResult:
    return ImportResult(source, "failed", error=_("Cannot read the file: %(reason)s") % {"reason": reason})


# Files written per transaction by summary_import_many.
IMPORT_CHUNK = 100


def summary_import_many(items: Iterable, *, dry_run: bool = False,
                        on_progress: Callable[[ImportResult], None] | None = None,
                        workers: int | None = None, chunk_size: int = IMPORT_CHUNK) -> list[ImportResult]:
    """Import many files, paths or (source, bytes) pairs: the results that summary_import_path or
    summary_import would give for one file after another, in the same order, faster.

    Worker processes read and parse the files (deleg.ingest.batch.parse_many, `workers` as there)
    while this process stores them, a chunk of files per transaction, with what the chunk needs
    looked up at once and its rows written table by table. Each file is still all or nothing: a
    file that fails is left out of the chunk, and should writing the chunk fail, it is imported
    again file by file, each file in a savepoint of its own. A dry run rolls back every file's
    savepoint. on_progress gets each result once its chunk is committed.
    """
    from deleg.ingest.batch import parse_many

    results: list[ImportResult] = []
    parsed = parse_many(items, workers=workers, derive=_derive)
    try:
        for chunk in batched(parsed, max(1, chunk_size)):
            for result in _import_chunk(list(chunk), dry_run=dry_run):
                results.append(result)
                if on_progress:
                    on_progress(result)
    finally:
        parsed.close()
    return results


def _import_chunk(chunk: list, *, dry_run: bool) -> list[ImportResult]:
    if not dry_run:
        try:
            with transaction.atomic():
                lookups = _ChunkLookups(chunk, deferred=True)
                results = [_import_parsed(parsed, lookups, dry_run=False) for parsed in chunk]
                lookups.flush()
            return results
        except DatabaseError:
            # Something the checks before writing did not foresee (the database refused a row, another
            # import got there first): the chunk is rolled back as a whole and imported again below.
            pass
    try:
        with transaction.atomic():
            lookups = _ChunkLookups(chunk)
            return [_import_parsed(parsed, lookups, dry_run=dry_run) for parsed in chunk]
    except DatabaseError:
        return [_import_parsed(parsed, _StoredLookups(), dry_run=dry_run) for parsed in chunk]


def _import_parsed(parsed, lookups, *, dry_run: bool) -> ImportResult:
    """summary_import_path, for a file that parse_item has read and parsed already."""
    if parsed.read_failed:
        return _read_failure(parsed.source, parsed.read_error)
    already = lookups.imported(parsed.sha256)
    if already:
        summary, number, findings = already
        return lookups.bind(ImportResult(parsed.source, "unchanged", None, number, findings), summary)
    if parsed.content is None:
        return ImportResult(parsed.source, "failed", error=parsed.error)
    return _store_atomic(parsed.content, source=parsed.source, source_sha256=parsed.sha256, lookups=lookups,
                         dry_run=dry_run, derived=parsed.derived)


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
