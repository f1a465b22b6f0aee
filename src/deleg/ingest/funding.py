"""The funding table: one entry per year, with the planned and the spent figure when labelled.

A figure's role comes from the word next to it (plānots, piešķirts → planned; faktiski,
izlietots → spent) or from its column's header; a single figure whose role the source does not
state is the row's `amount`, never guessed to be planned or spent.
"""
import re
from dataclasses import dataclass
from decimal import Decimal

from deleg.core.money import is_none_statement, iter_money, money_str

PLANNED, ACTUAL = "planned", "actual"
_PLANNED_RE = re.compile(r"plānot|piešķirt|paredzēt|apstiprināt|budžetēt|plan", re.IGNORECASE)
_ACTUAL_RE = re.compile(r"faktisk|izlietot|iztērēt|apgūt|izmaksāt|izpild|spent|actual", re.IGNORECASE)
_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d\d)\s*\.?\s*(?:g\.|gad[a-zā-ž]*)?\s*[.:–-]?\s*$", re.IGNORECASE)
_YEAR_MENTION = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?:\s*\.?\s*(?:g\.|gad[a-zā-ž]*)|(?=\s*[:–-]))", re.IGNORECASE)
_HEADER_WORD = re.compile(r"gad|summa|finansējum|eur|plānot|faktisk|izlietot|piešķirt", re.IGNORECASE)


@dataclass
class FundingRow:
    """One year of funding as read, with what the reader noticed about it."""

    year: int
    planned: str | None = None
    actual: str | None = None
    amount: str | None = None
    text: str = ""
    unparseable: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def as_dict(self) -> dict:
        return {"year": self.year, "planned": self.planned, "actual": self.actual, "amount": self.amount}


def role_of(text: str) -> str | None:
    """Return the role a label or column header gives its figures, if it names exactly one."""
    planned, actual = bool(_PLANNED_RE.search(text)), bool(_ACTUAL_RE.search(text))
    if planned and not actual:
        return PLANNED
    if actual and not planned:
        return ACTUAL
    return None


def read_funding(rows: list[list[str]], label: str = "") -> list[FundingRow]:
    """Return the funding entries of the rows under the funding label, in source order."""
    label_role = role_of(label)
    column_roles: list[str | None] | None = None
    out: list[FundingRow] = []
    for cells in rows:
        if not any(c.strip() for c in cells):
            continue
        m = _YEAR_CELL.match(cells[0])
        if m:
            roles = column_roles[1:] if column_roles else None
            out.append(_read_values(int(m.group(1)), cells[1:], roles, label_role))
            continue
        joined = " ".join(c for c in cells if c.strip())
        mentions = list(_YEAR_MENTION.finditer(joined))
        if not mentions:
            if not any(True for _ in iter_money(joined)) and _HEADER_WORD.search(joined):
                column_roles = [role_of(c) for c in cells]
            continue
        for k, mention in enumerate(mentions):
            stop = mentions[k + 1].start() if k + 1 < len(mentions) else len(joined)
            rest = joined[mention.end():stop].strip(" :–-,;")
            out.append(_read_values(int(mention.group(1)), [rest], None, label_role))
    return out


def _read_values(year: int, values: list[str], roles, label_role) -> FundingRow:
    """Return one year's entry from its value cells."""
    row = FundingRow(year, text=" ".join(v.strip() for v in values if v.strip()))
    if row.empty:
        return row
    figures: list[tuple[str | None, Decimal]] = []
    for k, value in enumerate(values):
        column_role = roles[k] if roles and k < len(roles) else None
        for role, amount in _figures(value):
            figures.append((role or column_role or label_role, amount))
    if not figures:
        row.unparseable = True
        return row
    for role, amount in figures:
        if role == PLANNED and row.planned is None:
            row.planned = money_str(amount)
        elif role == ACTUAL and row.actual is None:
            row.actual = money_str(amount)
    if row.planned is None and row.actual is None:
        row.amount = money_str(figures[0][1])
    return row


def _figures(text: str) -> list[tuple[str | None, Decimal]]:
    """Return the figures of one cell with the role its label gives each.

    Labels stand either before their figures ('plānots 40 000, izlietots 39 870') or after them
    ('40 000 (plānots), 39 870 (izlietots)'); which way a cell writes them is told by whether
    the first label comes before the first figure.
    """
    if not text.strip():
        return []
    if is_none_statement(text):
        return [(None, Decimal("0.00"))]
    found = list(iter_money(text))
    if not found:
        return []
    labels = sorted([(m.start(), PLANNED) for m in _PLANNED_RE.finditer(text)]
                    + [(m.start(), ACTUAL) for m in _ACTUAL_RE.finditer(text)])
    if not labels:
        return [(None, value) for _start, _end, value, _currency in found]
    labels_first = labels[0][0] < found[0][0]
    out = []
    for k, (start, end, value, _currency) in enumerate(found):
        if labels_first:
            low, high = (found[k - 1][1] if k else 0), start
            roles = [role for pos, role in labels if low <= pos < high][-1:]
        else:
            low, high = end, (found[k + 1][0] if k + 1 < len(found) else len(text))
            roles = [role for pos, role in labels if low <= pos < high][:1]
        out.append((roles[0] if roles else None, value))
    return out
