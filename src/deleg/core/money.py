"""Money: reading amounts as Latvian documents write them, and writing them back.

Every amount in deleg is a Decimal in euro with two places; this module is the only place that
turns text into money or money into text.
"""
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")

# Thousands may be grouped by a space of any width (Latvian: no-break space), by a dot when the
# decimal mark is a comma (37.500,00), or by a comma when it is a dot (37,500.00, English).
_SPACE = "[ \u00a0\u2009\u202f\u2007]"
_NUMBER = (
    rf"(?<![\d.,])(?P<int>\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)"
    r"|\d{1,3}(?:\.\d{3})+(?=,\d)"
    r"|\d{1,3}(?:,\d{3})+(?=\.\d\d(?!\d))"
    r"|\d{1,3}(?:,\d{3})+(?![\d.,])"
    r"|\d+)"
    r"(?:[.,](?P<frac>\d{1,2})(?![\d.])|,-)?"
)
_CURRENCY = r"(?:euro|eiro|eur|€)"
_SCALE = r"(?:\s*(?P<scale>tūkst|milj)\.?\w*)?"
MONEY_RE = re.compile(
    rf"(?P<pre>{_CURRENCY}\s*)?{_NUMBER}{_SCALE}(?P<post>\s*{_CURRENCY}(?![a-zā-ž]))?",
    re.IGNORECASE,
)
# A date (12.08.2019), a year with its ordinal dot (2019. gada), or a percentage is never money.
_NOT_MONEY_AFTER = re.compile(r"\.\d|\.?\s*(?:gad|g\.)|\s*%|\s*proc", re.IGNORECASE)
# 'Nav' (none) in a money field means there is nothing to report: zero, not unknown; but
# 'Nav zināms' or 'Nav noteikts' says the amount is not known yet, which is not zero.
_NONE_RE = re.compile(
    r"^\s*(?:nav|nekas|nebija)\b(?!\s+(?:zinām|noteikt|informācij|pieejam|aprēķin|iesniegt|precizēt|"
    r"izvērtēt|vērtēt|apkopot|dat|skaidr))",
    re.IGNORECASE,
)
_NOT_DIGIT_RE = re.compile(r"\D")
# No amount of public money reaches a quadrillion euro: a longer figure is an identifier or an
# error, and two decimal places on it would overflow Decimal's default precision.
_MAX_AMOUNT = Decimal(10) ** 15
_SCALES = {"tūkst": Decimal(1000), "milj": Decimal(1000000)}


def _decimal(match: re.Match) -> Decimal:
    """Return the value of one MONEY_RE match."""
    digits = _NOT_DIGIT_RE.sub("", match.group("int"))
    value = Decimal(f"{digits}.{match.group('frac') or '0'}")
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    if value >= _MAX_AMOUNT:
        raise ValueError(f"{value} is too large to be an amount")
    return value


def iter_money(text: str):
    """Yield (start, end, Decimal, has_currency) for every figure that may be an amount."""
    for match in MONEY_RE.finditer(text or ""):
        start, end = match.span()
        if _NOT_MONEY_AFTER.match(text, end) or (
                start > 1 and text[start - 1] in ".-/" and text[start - 2].isdecimal()):
            continue  # the day or month of a date before it, a range's end ('12.08.2019', '3-5')
        try:
            value = _decimal(match)
        except (InvalidOperation, ValueError):
            continue
        yield start, end, value, bool(match.group("pre") or match.group("post"))


def is_none_statement(text: str | None) -> bool:
    """Return True when the text says there is nothing ('Nav', 'Nav konstatēti.', 'Nav (…)')."""
    return bool(text and _NONE_RE.match(text))


def parse_money(text: str | None) -> Decimal | None:
    """Return the amount a Latvian text states: 'Nav' is zero, no figure is None.

    A figure marked as euro wins over bare numbers, so an explanation that mentions a date or a
    count does not hide the amount; otherwise the first figure is the amount.
    """
    if not text or not text.strip():
        return None
    if is_none_statement(text):
        return Decimal("0.00")
    first = None
    for _start, _end, value, has_currency in iter_money(text):
        if has_currency:
            return value.quantize(CENT, ROUND_HALF_UP)
        if first is None:
            first = value
    return None if first is None else first.quantize(CENT, ROUND_HALF_UP)


def money_str(value: Decimal | None) -> str | None:
    """Return the canonical JSON form of an amount ("37500.00"), or None."""
    if value is None:
        return None
    return f"{Decimal(value).quantize(CENT, ROUND_HALF_UP):f}"


def format_money(value: Decimal, *, lang: str = "lv") -> str:
    """Return an amount for people: '37 500,00 euro' in Latvian, 'EUR 37,500.00' in English."""
    grouped = f"{Decimal(value).quantize(CENT, ROUND_HALF_UP):,.2f}"
    if lang == "en":
        return f"EUR {grouped}"
    # Latvian groups thousands with a no-break space and writes the decimal comma.
    lv = grouped.replace(",", "\u00a0").replace(".", ",")
    return f"{lv}\u00a0euro"
