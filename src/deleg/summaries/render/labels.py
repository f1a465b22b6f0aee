"""The official summary's labels in Latvian and English, in one place for every renderer.

The Latvian row labels are the published form's exact wording (the seed's), which parsers of
published summaries key on; they are legal-document text, not interface text.
"""

# A plain lv/en dict, not gettext: documents stay the same whatever the UI catalogue says.
LABELS = {
    "task": {
        "lv": "Valsts pārvaldes uzdevums",
        "en": "State administration task",
    },
    "performer": {
        "lv": "Valsts pārvaldes uzdevuma veicējs",
        "en": "Performer of the state administration task",
    },
    "delegator": {
        "lv": "Deleģētājs",
        "en": "Delegating institution",
    },
    "period": {
        "lv": "Valsts pārvaldes uzdevuma deleģēšanas periods",
        "en": "Delegation period of the state administration task",
    },
    "description": {
        "lv": "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
              "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
              "paredzētajiem mērķiem",
        "en": "Description and assessment of the performance indicators achieved in performing the state "
              "administration task and of the conformity of the state budget funding spent with the "
              "objectives set in the agreement",
    },
    "funding": {
        "lv": "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
        "en": "Planned and actually spent state budget funding by year",
    },
    "non_compliant_expenditure": {
        "lv": "Neatbilstoši veiktie izdevumi",
        "en": "Non-compliant expenditure",
    },
    "unrecovered_amount": {
        "lv": "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
        "en": "Amount of non-compliant expenditure not recovered",
    },
    "other_information": {
        "lv": "Cita informācija",
        "en": "Other information",
    },
    "year": {"lv": "Gads", "en": "Year"},
    "planned": {"lv": "Plānotais", "en": "Planned"},
    "actual": {"lv": "Faktiski izlietotais", "en": "Actually spent"},
    "amount": {"lv": "Summa, loma nav norādīta", "en": "Amount, role not stated"},
    # In a row of the TSV: 'plānotais 42 000,00 euro, faktiski izlietotais 41 873,40 euro', as ministries write it.
    "planned_inline": {"lv": "plānotais", "en": "planned"},
    "actual_inline": {"lv": "faktiski izlietotais", "en": "actually spent"},
    "year_row": {"lv": "{year}.gads", "en": "{year}"},
    # 'Nav' in a money field or in other information means there is nothing to report.
    "none": {"lv": "Nav", "en": "None"},
    "unknown": {"lv": "nav norādīts", "en": "not stated"},
    "registration_number": {"lv": "reģ. Nr.", "en": "reg. No."},
    "quotes": {"lv": ("„", "”"), "en": ("“", "”")},
    "version": {"lv": "Kopsavilkums, {number}. versija", "en": "Summary, version {number}"},
    "published": {"lv": "publicēts {date}", "en": "published {date}"},
    "page": {"lv": ("Lapa ", " no "), "en": ("Page ", " of ")},
}

ROWS = ("task", "performer", "delegator", "period", "description", "funding", "non_compliant_expenditure",
        "unrecovered_amount", "other_information")


def language(lang: str | None) -> str:
    """Return 'en' or 'lv': every other language gets the official Latvian document."""
    return "en" if (lang or "lv").lower().startswith("en") else "lv"


def labels(lang: str) -> dict:
    """Return every label in one language, for templates and renderers."""
    lang = language(lang)
    return {key: texts[lang] for key, texts in LABELS.items()}
