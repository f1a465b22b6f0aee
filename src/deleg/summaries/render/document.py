"""One reading of the canonical JSON as the official document's rows, shared by every renderer.

Values stay what the source says: an unknown value is None here and each renderer shows it as
unknown; nothing is computed that the published summary does not state.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from deleg.core.dates import format_date
from deleg.core.money import format_money, is_none_statement
from deleg.summaries.render.labels import labels, language

# The description's lines that introduce a list end with a colon ('… tika noteikti šādi uzdevumi:').
_INTRO_END = re.compile(r"(?<=:)\s+")
_SPACES = re.compile(r"\s+")
# Control characters have no place in a document and are not even allowed in XML (DOCX).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Block:
    """A paragraph of the description (kind 'p') or one of its lists ('objectives', 'results')."""

    kind: str
    text: str = ""
    items: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class FundingRow:
    year: int
    planned: str | None
    actual: str | None
    amount: str | None


@dataclass(frozen=True)
class Document:
    lang: str
    labels: dict
    title: str
    task: str
    performer: str
    performer_name: str
    legal_form: str | None
    registration_number: str | None
    delegator: str | None
    start: date | None
    end: date | None
    blocks: tuple[Block, ...]
    funding: tuple[FundingRow, ...]
    funding_columns: tuple[str, ...]
    non_compliant_expenditure: str
    unrecovered_amount: str
    other_information: str
    footer: str

    def format_date(self, value: date | None) -> str:
        return format_date(value, lang=self.lang) if value else self.labels["unknown"]

    def format_money(self, value: str | None) -> str:
        return format_money(Decimal(value), lang=self.lang) if value is not None else self.labels["unknown"]


def plain(text) -> str:
    """Return text on one line: canonical text is plain already, but a tab or newline would break rows."""
    return _SPACES.sub(" ", _CONTROL.sub("", str(text or ""))).strip()


def iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def description_blocks(content: dict) -> tuple[Block, ...]:
    """Return the description in reading order: each list after the sentence that introduces it.

    The canonical narrative joins all non-list text of the description; the pieces that end in a
    colon introduce the objectives and the results, the rest is the evaluation that follows them.
    """
    pieces = [p for p in _INTRO_END.split(plain(content.get("narrative"))) if p]
    objectives = tuple((n, plain(text)) for n, text in enumerate(content.get("objectives") or [], start=1))
    results = tuple((int(r.get("n") or n), plain(r.get("text"))) for n, r in enumerate(content.get("results") or [],
                                                                                      start=1))
    blocks = []
    for kind, items in (("objectives", objectives), ("results", results)):
        if not items:
            continue
        if pieces and pieces[0].endswith(":"):
            blocks.append(Block("p", pieces.pop(0)))
        blocks.append(Block(kind, items=items))
    if pieces:
        blocks.append(Block("p", " ".join(pieces)))
    return tuple(blocks)


def funding_columns(rows: tuple[FundingRow, ...]) -> tuple[str, ...]:
    """Return the columns the figures need: planned and spent, and a column for figures of unstated role."""
    has_amount = any(row.amount is not None for row in rows)
    has_role = any(row.planned is not None or row.actual is not None for row in rows)
    return (("planned", "actual") if has_role or not has_amount else ()) + (("amount",) if has_amount else ())


def statement(value: dict | None, lang: str) -> str:
    """Return a money field for people: the source's words in Latvian; 'Nav' where it says there is nothing."""
    texts = labels(lang)
    amount, text = (value or {}).get("amount"), plain((value or {}).get("text")) or None
    if amount is None:
        return text or texts["unknown"]
    if Decimal(amount) == 0 and (text is None or is_none_statement(text)):
        return texts["none"] if lang == "en" or text is None else text
    if lang == "lv":
        return text or format_money(Decimal(amount), lang=lang)
    figure = format_money(Decimal(amount), lang=lang)
    return f"{figure} ({text})" if text else figure


def performer(content: dict, lang: str, *, quotes: tuple[str, str] | None = None) -> str:
    """Return the performer as the summary names it: legal form, the name in quotes, the register number."""
    texts = labels(lang)
    data = content.get("performer") or {}
    opening, closing = quotes or texts["quotes"]
    name = plain(data.get("name")) or texts["unknown"]
    form = data.get("legal_form")
    # 'cits' (another legal form) is our category, not words the summary wrote before the name.
    shown = f"{form[:1].upper()}{form[1:]} {opening}{name}{closing}" if form and form != "cits" else name
    if data.get("registration_number"):
        shown += f", {texts['registration_number']} {data['registration_number']}"
    return shown


def published_date(value) -> date | None:
    """Return the local calendar date of a publication time given as a datetime, date or ISO text."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        from django.utils import timezone

        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def footer(content: dict, version: dict | None, lang: str) -> str:
    """Return the footer line: who delegated the task, which published version this is and when."""
    texts = labels(lang)
    version = version or {}
    parts = []
    delegator = plain(version.get("delegator") or content.get("delegator"))
    if delegator:
        parts.append(delegator)
    if version.get("number"):
        line = texts["version"].format(number=version["number"])
        published = published_date(version.get("published_at"))
        if published:
            line += ", " + texts["published"].format(date=format_date(published, lang=lang))
        parts.append(line)
    return " · ".join(parts)


def build(content: dict, *, lang: str = "lv", version: dict | None = None) -> Document:
    """Read the canonical JSON once into the rows of the official document."""
    lang = language(lang)
    period = content.get("period") or {}
    funding = tuple(
        FundingRow(int(row["year"]), row.get("planned"), row.get("actual"), row.get("amount"))
        for row in content.get("funding") or []
    )
    other = plain(content.get("other_information"))
    data = content.get("performer") or {}
    return Document(
        lang=lang,
        labels=labels(lang),
        title=plain(content.get("title")),
        task=plain(content.get("task")) or labels(lang)["unknown"],
        performer=performer(content, lang),
        performer_name=plain(data.get("name")),
        legal_form=data.get("legal_form"),
        registration_number=data.get("registration_number"),
        delegator=plain(content.get("delegator")) or None,
        start=iso_date(period.get("start")),
        end=iso_date(period.get("end")),
        blocks=description_blocks(content),
        funding=funding,
        funding_columns=funding_columns(funding),
        non_compliant_expenditure=statement(content.get("non_compliant_expenditure"), lang),
        unrecovered_amount=statement(content.get("unrecovered_amount"), lang),
        # Canonical null means the source said 'Nav' or left the row empty: nothing else to report.
        other_information=other or labels(lang)["none"],
        footer=footer(content, version, lang),
    )
