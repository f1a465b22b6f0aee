"""The short fields of a summary: performer, register number, region and delegator."""
import re

# Legal forms as written before the performer's quoted name, with their canonical spelling.
_LEGAL_FORMS = (
    (re.compile(r"^biedrīb\w*", re.IGNORECASE), "biedrība"),
    (re.compile(r"^nodibinājum\w*", re.IGNORECASE), "nodibinājums"),
    (re.compile(r"^(?:sabiedrība\s+ar\s+ierobežotu\s+atbildību|SIA)\b", re.IGNORECASE), "SIA"),
    (re.compile(r"^(?:akciju\s+sabiedrība|AS)\b", re.IGNORECASE), "AS"),
    (re.compile(r"^pašvaldīb\w*", re.IGNORECASE), "pašvaldība"),
    (re.compile(r"^valsts\s+iestād\w*", re.IGNORECASE), "valsts iestāde"),
)
_OTHER_FORMS = re.compile(
    r"^(?:reliģisk\w*\s+organizācij\w*|arodbiedrīb\w*|kooperatīv\w*\s+sabiedrīb\w*|politisk\w*\s+partij\w*|"
    r"individuāl\w*\s+komersant\w*|IK|ZS|zemnieku\s+saimniecīb\w*|fonds|asociācij\w*)\b",
    re.IGNORECASE,
)
_REGISTRATION = re.compile(r"(?<!\d)(\d{11})(?!\d)")
_ELEVEN_DIGITS = re.compile(r"\d{11}")
_REGISTRATION_TEXT = re.compile(
    r"[,;(]?\s*(?:vienot\w*\s+)?(?:reģ\w*\.?|registr\w*)\s*(?:nr\.?|numur\w*)?\s*:?\s*\d{11}\)?|"
    r"[,;(]?\s*(?:nr\.?|numur\w*)\s*:?\s*\d{11}\)?|\(?\d{11}\)?",
    re.IGNORECASE,
)
_QUOTE_CHARS = "\"„“”«»‘’'"
_QUOTES = frozenset(_QUOTE_CHARS)
_MUNICIPALITY = re.compile(r"\bpašvaldība$", re.IGNORECASE)

# Planning regions in any case form, named by the group that matches. Rīga counts only as a
# region ('Rīgas reģionā', 'Rīgas plānošanas reģions'): the city alone is not a planning region.
_REGION_RE = re.compile(
    r"(?<![^\W\d_])(?:(?P<Latgale>Latgal)|(?P<Vidzeme>Vidzem)|(?P<Kurzeme>Kurzem)|(?P<Zemgale>Zemgal))"
    r"(?:e|es|ei|i|ē)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?P<Rīga>[Rr]īg(?:a|as|ai|u|ā)\s+(?:plānošanas\s+)?[Rr]eģion)"
)
# Letters every region's name starts with (Rīga's from its second letter): a text without any
# of them is not searched, and a search starts at the first of them.
_REGION_LETTERS = ("Latgal", "Vidzem", "Kurzem", "Zemgal", "īg")
# '… Labklājības ministrijas deleģētā …': the institution in the genitive before 'deleģētā'.
_DELEGATOR_IN_TITLE = re.compile(
    r"((?:[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\s]*)(?:\s+[^\sA-ZĀČĒĢĪĶĻŅŠŪŽ][^\s]*)*?)\s+deleģēt", re.UNICODE
)
_GENITIVE_TO_NOMINATIVE = (("ijas", "ija"), ("as", "a"), ("es", "e"), ("a", "s"))


def read_performer(text: str) -> dict:
    """Return the performer's name, legal form and register number from its row."""
    number = _REGISTRATION.search(text)
    # Every form of the number has eleven digits: a text without them is not searched for one.
    rest = (_REGISTRATION_TEXT.sub("", text) if _ELEVEN_DIGITS.search(text) else text).strip(" ,;")
    legal_form = None
    for pattern, form in _LEGAL_FORMS:
        m = pattern.match(rest)
        if m:
            legal_form, rest = form, rest[m.end():].strip(" ,")
            break
    else:
        m = _OTHER_FORMS.match(rest)
        if m and rest[m.end():].strip()[:1] in _QUOTES:
            legal_form, rest = "cits", rest[m.end():].strip(" ,")
    if legal_form is None:
        for pattern, form in _LEGAL_FORMS[:4]:
            # '"Name", biedrība' or 'Name (biedrība)': the form written after the name
            tail = re.search(r"[,(]\s*(" + pattern.pattern[1:] + r")\s*\)?\s*$", rest, re.IGNORECASE)
            if tail:
                legal_form, rest = form, rest[:tail.start()]
                break
        else:
            if _MUNICIPALITY.search(rest) and not any(q in rest for q in _QUOTE_CHARS):
                legal_form = "pašvaldība"
    name = _unquote(rest)
    return {
        "name": name,
        "legal_form": legal_form,
        "registration_number": number.group(1) if number else None,
    }


def _unquote(text: str) -> str:
    """Return a name without its quotes and anything after the closing quote ('…', reģ. Nr.)."""
    text = text.strip(" ,;")
    if text[:1] in _QUOTES:
        depth_end = _closing_quote(text)
        if depth_end:
            return text[1:depth_end].strip()
        return text.strip(_QUOTE_CHARS + " ")
    if text.count(",") and not any(q in text for q in _QUOTE_CHARS):
        return text.split(",")[0].strip()
    return text.strip(_QUOTE_CHARS + " ")


def _closing_quote(text: str) -> int | None:
    """Return the index of the quote that closes the one text starts with."""
    closing = {"„": "”“\"", "“": "”\"", "«": "»", "‘": "’'", "\"": "\"”", "'": "'’"}.get(text[0], _QUOTE_CHARS)
    last = None
    for k in range(1, len(text)):
        if text[k] in closing:
            last = k
            rest = text[k + 1:].strip()
            if not rest or rest[0] in ",;(":
                return k
    return last


def read_registration(text: str) -> str | None:
    """Return the 11-digit register number a text gives, or None."""
    m = _REGISTRATION.search(text.replace(" ", "")) if text else None
    return m.group(1) if m else None


def find_region(*texts: str) -> str | None:
    """Return the planning region named first in the first text that names one."""
    for text in texts:
        starts = [k for k in map(text.find, _REGION_LETTERS) if k >= 0] if text else None
        m = _REGION_RE.search(text, max(0, min(starts) - 1)) if starts else None
        if m:
            return m.lastgroup
    return None


def delegator_from_title(title: str) -> str | None:
    """Return the institution that the title says delegated the task, in the nominative."""
    if not title or "deleģēt" not in title:
        return None
    m = _DELEGATOR_IN_TITLE.search(title)
    if not m:
        return None
    words = m.group(1).split()
    # The name starts at its last capitalised word before 'deleģētā' (Izglītības un zinātnes …).
    start = max(k for k, w in enumerate(words) if w[:1].isupper())
    words = words[start:]
    if words[0].lower() in ("par", "kopsavilkums"):
        return None
    last = words[-1]
    for genitive, nominative in _GENITIVE_TO_NOMINATIVE:
        if last.endswith(genitive):
            words[-1] = last[: -len(genitive)] + nominative
            break
    return " ".join(words).strip(" ,–-")
