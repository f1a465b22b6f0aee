"""Dates as Latvian documents write them: 12.08.2019., 2019. gada 12. augusts, and ranges of them."""
import re
from dataclasses import dataclass
from datetime import date

# Month names by stem, so that every case form matches (augusts, augusta, augustā, augustam);
# the stems without diacritics cover text typed on a keyboard without Latvian letters.
_MONTH_STEMS = (
    ("janv", 1), ("febr", 2), ("mart", 3), ("apr", 4), ("maij", 5), ("jūn", 6), ("jun", 6),
    ("jūl", 7), ("jul", 7), ("aug", 8), ("sept", 9), ("okt", 10), ("nov", 11), ("dec", 12),
)
_MONTH_WORD = r"(?:janv|febr|mart|apr|maij|j[ūu]n|j[ūu]l|aug|sept|okt|nov|dec)[a-zā-ž]*\.?"

_PATTERNS = [
    # 12.08.2019. / 12.08.2019 / 12. 08. 2019 / 12/08/2019
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\s?([./])\s?(?P<m>\d{1,2})\s?\2\s?(?P<y>\d{4})(?!\d)\.?"),
    # 2019-08-12 (ISO)
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    # 2019. gada 12. augusts / 2019. g. 12. augustā / 2019.gada 12.augusta
    re.compile(
        r"(?<!\d)(?P<y>\d{4})\.?\s*(?:gada|g\.)?\s*(?P<d>\d{1,2})\.\s*(?P<mw>" + _MONTH_WORD + ")",
        re.IGNORECASE,
    ),
    # 12. augusts 2019. / 12. augustā, 2019. gadā
    re.compile(
        r"(?<![\d.])(?P<d>\d{1,2})\.\s*(?P<mw>" + _MONTH_WORD + r"),?\s*(?P<y>\d{4})\.?(?:\s*(?:gad[a-zā-ž]*|g\.))?",
        re.IGNORECASE,
    ),
]
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Words and dashes that join the two ends of a period: 'no … līdz …', '… – …', '… - …'.
_RANGE_JOIN = re.compile(r"^\s*(?:[-–—]|līdz|lidz|to|til)\s*$|^\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text; value is None when the text names an impossible date (31.02.2020.)."""

    start: int
    end: int
    value: date | None
    text: str


def _month(word: str) -> int:
    """Return the month a Latvian month word names (any case form)."""
    word = word.lower()
    for stem, month in _MONTH_STEMS:
        if word.startswith(stem):
            return month
    return 0


def _make(year: str, month: int, day: str) -> date | None:
    """Return the date, or None when it does not exist."""
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMatch]:
    """Return every date written in the text, in order, without overlaps."""
    found: list[DateMatch] = []
    text = text or ""
    for pattern in _patterns_for(text):
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            groups = m.groupdict()
            month = _month(groups["mw"]) if groups.get("mw") else int(groups["m"])
            value = _make(groups["y"], month, groups["d"]) if month else None
            found.append(DateMatch(m.start(), m.end(), value, m.group(0).strip()))
    return sorted(found, key=lambda f: f.start)


def _patterns_for(text: str) -> list[re.Pattern]:
    """Return the patterns that can match the text: an ISO date needs a hyphen, the others a month word."""
    patterns = [_PATTERNS[0]]
    if "-" in text:
        patterns.append(_PATTERNS[1])
    lowered = text.lower()
    if any(stem in lowered for stem, _month in _MONTH_STEMS):
        patterns.extend(_PATTERNS[2:])
    return patterns


def parse_date(text: str) -> date | None:
    """Return the first date in the text, or None."""
    dates = find_dates(text)
    return dates[0].value if dates else None


def parse_period(text: str) -> tuple[DateMatch | None, DateMatch | None]:
    """Return the two ends of a period such as '12.08.2019. – 31.10.2020.' (either may be None)."""
    dates = find_dates(text)
    if not dates:
        return None, None
    start = dates[0]
    for end in dates[1:]:
        if _RANGE_JOIN.match(text[start.end:end.start]):
            return start, end
    return start, (dates[1] if len(dates) > 1 else None)


def format_date(value: date, lang: str = "lv") -> str:
    """Return a date for people: '12.08.2019.' in Latvian (the official form), '12 August 2019' in English."""
    if lang == "en":
        return f"{value.day} {_ENGLISH_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day:02d}.{value.month:02d}.{value.year}."
