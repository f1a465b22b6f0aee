"""Generated summaries written in the seed's text layout read back to the structure they came from."""
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deleg.core.dates import format_date
from deleg.core.money import format_money, money_str
from deleg.ingest import parse_bytes
from deleg.ingest.labels import FIELD_LABELS

MONTHS = ("janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris",
          "oktobris", "novembris", "decembris")
REGIONS = {"Latgale": "Latgales", "Vidzeme": "Vidzemes", "Kurzeme": "Kurzemes", "Zemgale": "Zemgales",
           "Rīga": "Rīgas"}
TASKS = ("Pilsoniskās sabiedrības attīstības veicināšana", "Zīmju valodas tulka pakalpojuma nodrošināšana",
         "Jaunatnes darba kvalitātes pilnveide", "Tautas sporta sacensību organizēšana")
NAME_WORDS = ("Latvijas", "Kurzemes", "Jauniešu", "Pilsoniskā", "alianse", "atbalsta", "centrs", "apvienība", "tīkls")
OBJECTIVES = ("Stiprināt nevalstisko organizāciju kapacitāti.", "Veicināt iedzīvotāju līdzdalību;",
              "Nodrošināt bezmaksas konsultācijas iedzīvotājiem.", "Atbalstīt mazākumtautību kolektīvus.")
VERBS = ("Noorganizēti", "Sniegtas", "Iesaistīti", "Sagatavoti", "Kopā")
# (noun as written after a count, its kind): several case forms and all kinds.
NOUNS = (("semināri", "events"), ("pasākumos", "events"), ("forumi", "events"), ("mācības", "events"),
         ("dalībnieki", "participants"), ("dalībniekiem", "participants"), ("jaunieši", "participants"),
         ("pārstāvjiem", "participants"), ("konsultācijas", "consultations"), ("konsultācijās", "consultations"),
         ("publikācijas", "publications"), ("raksti", "publications"), ("sižeti", "publications"),
         ("organizācijām", "organizations"), ("pašvaldībās", "organizations"), ("NVO", "organizations"),
         ("kolektīvi", "groups"), ("komandas", "groups"), ("stundas", "other"), ("pieteikumi", "other"))


def _number(value: int) -> str:
    """Return a count as Latvian text writes it: thousands grouped by a space."""
    return f"{value:,}".replace(",", " ")


@st.composite
def summaries(draw):
    start = draw(st.dates(date(2012, 1, 1), date(2024, 12, 31)))
    end = start + timedelta(days=draw(st.integers(30, 900)))
    results = []
    for _ in range(draw(st.integers(1, 6))):
        clauses = draw(st.lists(st.tuples(st.integers(1, 99999), st.sampled_from(NOUNS)), min_size=1, max_size=3))
        text = f"{draw(st.sampled_from(VERBS))} " + ", ".join(f"{_number(n)} {noun}" for n, (noun, _k) in clauses) + "."
        results.append({"text": text, "quantities": [(n, kind, noun) for n, (noun, kind) in clauses]})
    funding = []
    for year in range(start.year, end.year + 1):
        role = draw(st.sampled_from(("amount", "both", "empty")))
        planned = Decimal(draw(st.integers(100, 999999))) / 100
        actual = Decimal(draw(st.integers(100, 999999))) / 100
        funding.append((year, role, planned, actual))
    return {
        "region": draw(st.sampled_from([None, *REGIONS])),
        "task": draw(st.sampled_from(TASKS)),
        "legal_form": draw(st.sampled_from(("biedrība", "nodibinājums", "SIA"))),
        "name": " ".join(draw(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=4))),
        "start": start,
        "end": end,
        "textual_dates": draw(st.booleans()),
        "objectives": draw(st.lists(st.sampled_from(OBJECTIVES), min_size=0, max_size=4)),
        "results": results,
        "list_style": draw(st.sampled_from(("li", "typed", "plain"))),
        "funding": funding,
        "non_compliant": draw(st.one_of(st.none(), st.integers(0, 500000).map(lambda c: Decimal(c) / 100))),
        "other": draw(st.sampled_from((None, "Pasākumi notika klātienē."))),
    }


def _date_text(value: date, textual: bool) -> str:
    return f"{value.year}. gada {value.day}. {MONTHS[value.month - 1]}" if textual else format_date(value)


def _list(items: list[str], style: str, mark: str) -> str:
    if style == "li":
        return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"
    body = " ".join(f"{n}{mark} {item}" for n, item in enumerate(items, 1))
    return f'<ol style="list-style-type: none"> {body} ' if style == "typed" else f" {body}"


def _write(s: dict) -> str:
    """Return the summary in the seed's text layout."""
    region = f" {REGIONS[s['region']]} reģionā" if s["region"] else ""
    title = f"Kopsavilkums par valsts pārvaldes uzdevuma izpildi{region}"
    tag = "p" if s["list_style"] != "plain" else None
    intro_objectives = "Tika noteikti šādi valsts pārvaldes uzdevumi:"
    intro_results = "Tika sasniegti šādi rezultatīvie rādītāji:"
    description = ""
    if s["objectives"]:
        description += (f"<{tag}>{intro_objectives}</{tag}>" if tag else intro_objectives)
        description += _list(s["objectives"], s["list_style"], ".")
    description += (f"<{tag}>{intro_results}</{tag}>" if tag else f" {intro_results}")
    description += _list([r["text"] for r in s["results"]], s["list_style"], ")")
    form = "SIA" if s["legal_form"] == "SIA" else s["legal_form"].capitalize()
    period = f"{_date_text(s['start'], s['textual_dates'])} – {_date_text(s['end'], s['textual_dates'])}"
    lines = [title, "",
             f"{FIELD_LABELS['task']}\t{s['task']}\t",
             f"{FIELD_LABELS['performer']}\t{form} \"{s['name']}\"\t",
             f"{FIELD_LABELS['period']}\t{period}\t",
             f"{FIELD_LABELS['description']}\t{description}\t"]
    for k, (year, role, planned, actual) in enumerate(s["funding"]):
        label = FIELD_LABELS["funding"] if k == 0 else ""
        value = {"amount": format_money(planned), "empty": "",
                 "both": f"plānotais {format_money(planned)}, faktiski izlietotais {format_money(actual)}"}[role]
        lines.append(f"{label}\t{year}.gads\t{value}")
    money = format_money(s["non_compliant"]) if s["non_compliant"] is not None else "Nav"
    lines += [f"{FIELD_LABELS['non_compliant_expenditure']}\t{money}\t",
              f"{FIELD_LABELS['unrecovered_amount']}\tNav\t",
              f"{FIELD_LABELS['other_information']}\t{s['other'] or 'Nav'}\t"]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(summaries())
def test_a_written_summary_reads_back(s):
    got = parse_bytes(_write(s).encode("utf-8"))
    assert got["region"] == s["region"]
    assert got["task"] == s["task"]
    assert got["performer"] == {"name": s["name"], "legal_form": s["legal_form"], "registration_number": None}
    assert got["period"] == {"start": s["start"].isoformat(), "end": s["end"].isoformat()}
    assert got["objectives"] == s["objectives"]
    assert [r["text"] for r in got["results"]] == [r["text"] for r in s["results"]]
    assert [[(q["value"], q["kind"], q["noun"]) for q in r["quantities"]] for r in got["results"]] == [
        r["quantities"] for r in s["results"]]
    expected_funding = [
        {"year": year,
         "planned": money_str(planned) if role == "both" else None,
         "actual": money_str(actual) if role == "both" else None,
         "amount": money_str(planned) if role == "amount" else None}
        for year, role, planned, actual in s["funding"]]
    assert got["funding"] == expected_funding
    assert got["non_compliant_expenditure"]["amount"] == money_str(s["non_compliant"] or Decimal(0))
    assert got["other_information"] == s["other"]
    assert all(f["code"] != "period_invalid" for f in got["findings"])
