"""Which field of the summary a row label names, by its keywords rather than its exact wording.

Published summaries word their labels slightly differently ('Valsts pārvaldes uzdevuma
veicējs', 'Uzdevuma izpildītājs'), so a label is matched by the stems of its key words, with
diacritics removed, in an order that puts the longer labels first: the label of the
unrecovered amount also mentions non-compliant expenditure, the description's label mentions
funding, and nearly every label mentions the task.
"""
import re
import unicodedata
from functools import lru_cache

# (field, stems that must all occur, stems of which one must occur, stems that must not occur)
_RULES = (
    ("unrecovered_amount", (), ("neatgut", "atgut", "atgust"), ()),
    ("non_compliant_expenditure", (), ("neatbilst", "neattiecinam", "nepamatot"), ()),
    ("description", (), ("apraksts", "vertejum", "rezultativ", "sasniegt"), ()),
    ("funding", (), ("finansejum", "budzet", "pa gadiem", "pieskirt"), ()),
    ("registration_number", ("reg",), ("numur", "nr"), ()),
    ("period", (), ("period", "termin", "laikposm", "darbibas laik"), ()),
    ("performer", (), ("veicej", "izpilditaj", "istenotaj"), ()),
    ("delegator", (), ("delegetaj", "delegejos", "delegejus", "deleget", "ministrij"), ()),
    ("other_information", (), ("informacij", "papildinformacij", "piezim", "citi", "cita"), ()),
    ("region", (), ("region",), ()),
    ("task", (), ("uzdevums", "uzdevuma nosaukum", "uzdevuma saturs"), ("numur", "nr", "datum")),
)
FIELD_LABELS = {
    "task": "Valsts pārvaldes uzdevums",
    "performer": "Valsts pārvaldes uzdevuma veicējs",
    "period": "Valsts pārvaldes uzdevuma deleģēšanas periods",
    "description": "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
                   "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
                   "paredzētajiem mērķiem",
    "funding": "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
    "non_compliant_expenditure": "Neatbilstoši veiktie izdevumi",
    "unrecovered_amount": "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
    "other_information": "Cita informācija",
}
_WORDS = re.compile(r"[a-z0-9]+")
_MAX_LABEL_WORDS = 30


def fold(text: str) -> str:
    """Return text in lower case without diacritics, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORDS.findall(plain))


@lru_cache(maxsize=1024)
def field_of(label: str) -> str | None:
    """Return the summary field a row label names, or None for a row that is not part of it."""
    folded = fold(label)
    if not folded or folded.count(" ") >= _MAX_LABEL_WORDS:
        return None
    padded = f" {folded}"
    for field, all_of, any_of, none_of in _RULES:
        if all(s in folded for s in all_of) and any(_has(padded, s) for s in any_of) \
                and not any(_has(padded, s) for s in none_of):
            return field
    return None


def _has(padded: str, stem: str) -> bool:
    """Return True when a word of the label starts with the stem (or the phrase occurs)."""
    return f" {stem}" in padded
