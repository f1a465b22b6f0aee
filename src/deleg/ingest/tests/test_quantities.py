"""Counts in result texts: which numbers count something, what, and with which noun."""
import json

import pytest

from deleg.ingest.quantities import extract_counts
from deleg.ingest.vocabulary import build, load


def counts(text: str) -> list[tuple[int, str, str]]:
    return [(c["value"], c["kind"], c["noun"]) for c in extract_counts(text, load())]


@pytest.mark.parametrize("text,expected", [
    ("Noorganizēti 3 semināri NVO attīstībai 89 NVO pārstāvjiem.",
     [(3, "events", "semināri"), (89, "participants", "pārstāvjiem")]),
    ("6 starpkultūru dialoga pasākumi, kopējais dalībnieku skaits 352.",
     [(6, "events", "pasākumi"), (352, "participants", "dalībnieku")]),
    ("2020. gadā – 98 dalībnieki, 2021. gadā – 112.",
     [(98, "participants", "dalībnieki"), (112, "participants", "dalībnieki")]),
    ("Vairāk nekā 600 iedzīvotāju piedalījās 14 talkās.",
     [(600, "participants", "iedzīvotāju"), (14, "events", "talkās")]),
    ("Semināri – 28, dalībnieki – 734.", [(28, "events", "Semināri"), (734, "participants", "dalībnieki")]),
    ("Pilsoniskās līdzdalības mācībās piedalījās 64 pašvaldību un NVO pārstāvji.",
     [(64, "participants", "pārstāvji")]),
    ("Saņemts 61 projekta pieteikums, atbalstīti 24 projekti par kopējo summu 46 000 euro.",
     [(61, "other", "pieteikums"), (24, "other", "projekti")]),
    ("Izveidotas 4 iedzīvotāju līdzdalības darba grupas.", [(4, "groups", "grupas")]),
    ("Sacensībās startēja 420 sportisti, 35 treneri un 18 tiesneši no 12 valstīm.",
     [(420, "participants", "sportisti"), (35, "participants", "treneri"), (18, "participants", "tiesneši"),
      (12, "other", "valstīm")]),
    ("Noorganizēti 5 mēģinājumi un 2 skates, kurās piedalījās 12 kori un 8 deju kolektīvi.",
     [(5, "events", "mēģinājumi"), (2, "events", "skates"), (12, "groups", "kori"), (8, "groups", "kolektīvi")]),
    ("Nodrošinātas 38 412 surdotulka pakalpojuma stundas.", [(38412, "other", "stundas")]),
    ("Semināros piedalījās 58 dalībnieces no 21 organizācijas.",
     [(58, "participants", "dalībnieces"), (21, "organizations", "organizācijas")]),
])
def test_counts_and_their_nouns(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the noun left out: after 'no tām' (of them), in a breakdown of places, at the end of a clause
    ("Darbojas 14 vienības, no tām 5 izveidotas 2021. gadā.", [(14, "groups", "vienības"), (5, "groups", "vienības")]),
    ("Dalība 6 izstādēs (3 Latvijā, 2 Lietuvā).",
     [(6, "events", "izstādēs"), (3, "events", "izstādēs"), (2, "events", "izstādēs")]),
    ("Notika 120 nodarbības (72 brīvā dabā, 48 – telpās).",
     [(120, "events", "nodarbības"), (72, "events", "nodarbības"), (48, "events", "nodarbības")]),
    ("Mācībās iesaistīti 47 klienti; darbā iekārtojās 12.",
     [(47, "participants", "klienti"), (12, "participants", "klienti")]),
    # a noun before the number only when a sign sets it apart, never the object of a verb
    ("Kursos piedalījās 1 124 skolēni, no tiem apliecību ieguva 1 037.",
     [(1124, "participants", "skolēni"), (1037, "participants", "skolēni")]),
    ("Izveidoti 8 punkti; senioriem sniegtās konsultācijas – 640.",
     [(8, "other", "punkti"), (640, "consultations", "konsultācijas")]),
    ("Vietnes apmeklējumu skaits – vairāk nekā 14 000.", [(14000, "other", "apmeklējumu")]),
    # a noun of an earlier count does not take a later number that has its own noun
    ("Reaģēja uz 312 izsaukumiem (228 ugunsgrēki, 84 glābšanas darbi).",
     [(312, "other", "izsaukumiem"), (228, "other", "ugunsgrēki"), (84, "other", "darbi")]),
    # modifiers joined by 'un', adjectives between a modifier and its noun, a quoted name
    ("Notika 120 nūjošanas un vingrošanas nodarbības.", [(120, "events", "nodarbības")]),
    ("Noorganizētas 9 koru un 7 deju kolektīvu skates.", [(9, "events", "skates"), (7, "events", "skates")]),
    ("Sadarbība ar 9 pašvaldību sociālajiem dienestiem.", [(9, "organizations", "dienestiem")]),
    ("Izsniegti 640 „Youthpass” sertifikāti.", [(640, "other", "sertifikāti")]),
    ("Konstatēti 23 medību noteikumu pārkāpumi.", [(23, "other", "pārkāpumi")]),
    # ordinals, of-them and a dash: the count continues the one before
    ("1. vietu ieguva 31 audzēknis, 2. vietu – 44.",
     [(31, "participants", "audzēknis"), (44, "participants", "audzēknis")]),
    ("Piedalījās 22 laureāti, no kuriem 8 ieguva godalgotas vietas.",
     [(22, "participants", "laureāti"), (8, "participants", "laureāti")]),
    ("Aptaujā 508 respondenti, no tiem 122 – ratiņkrēslu lietotāji.",
     [(508, "participants", "respondenti"), (122, "participants", "lietotāji")]),
    ("Atbalstītas 12 skolas Anglijā un 9 – Īrijā.", [(12, "organizations", "skolas"), (9, "organizations", "skolas")]),
    ("Darbnīcas – 86; dalībnieku skaits 1 904.", [(86, "events", "Darbnīcas"), (1904, "participants", "dalībnieku")]),
    ("Reģistrēti apmeklējumi: 5 812; tālrunis darbojās no 9.00 līdz 17.00.", [(5812, "other", "apmeklējumi")]),
    ("Atbalstītas 74 nedēļas nogales skolas; uzstādīti 40 glābšanas riņķi.",
     [(74, "organizations", "skolas"), (40, "other", "riņķi")]),
    ("Darbojās 74 brīvprātīgie digitālie aģenti.", [(74, "participants", "aģenti")]),
    # 't. sk.' (including), a place after a dash, a preposition's complement before a dash
    ("Sniegtas 905 konsultācijas, t. sk. 318 pa tālruni 29 400 611.",
     [(905, "consultations", "konsultācijas"), (318, "consultations", "konsultācijas")]),
    ("Konsultācijas: 1 046; t. sk. izbraukumā – 212.",
     [(1046, "consultations", "Konsultācijas"), (212, "consultations", "Konsultācijas")]),
    ("Sniegtas 186 konsultācijas, no tām 41 – izbraukumā.",
     [(186, "consultations", "konsultācijas"), (41, "consultations", "konsultācijas")]),
    ("Biedrībām sniegtas konsultācijas par projektu pieteikumiem – 57, par finanšu pārskatiem – 22.",
     [(57, "consultations", "konsultācijas"), (22, "consultations", "konsultācijas")]),
    ("Piešķirts 58 federācijām, t. sk. 21 olimpisko sporta veidu federācijai.",
     [(58, "organizations", "federācijām"), (21, "organizations", "federācijai")]),
    # unknown nouns: participles are not nouns, nouns on -t- are; a chain of genitives before the noun
    ("Ievietotas 1 735 aprakstītas lietas; izsniegti 4 200 ārstniecības līdzekļu flakoni.",
     [(1735, "other", "lietas"), (4200, "other", "flakoni")]),
    # the genitive after 'vairāk nekā'; a topic set over figures by a colon; a place after a dash
    ("Publicēti vairāk nekā 600 ierakstu sociālajos tīklos.", [(600, "publications", "ierakstu")]),
    ("Starpkultūru dialoga pasākumi: 2021. gadā – 7, 2022. gadā – 9; kopā 1 126 dalībnieki.",
     [(7, "events", "pasākumi"), (9, "events", "pasākumi"), (1126, "participants", "dalībnieki")]),
    ("Nodrošinātas 24 318 tulkošanas stundas, no tām 6 205 – izglītības iestādēs.",
     [(24318, "other", "stundas"), (6205, "other", "stundas")]),
    ("Publicitāte: 61 publikācija reģionālajos medijos.", [(61, "publications", "publikācija")]),
    ("Sniegtas konsultācijas NVO un iniciatīvu grupām: 2019. gadā – 128, 2020. gadā – 47.",
     [(128, "consultations", "konsultācijas"), (47, "consultations", "konsultācijas")]),
    ("Sagatavoti 254 plāni, no tiem 31 – bioloģiskajām saimniecībām.",
     [(254, "other", "plāni"), (31, "other", "plāni")]),
    ("Pasākumos (kopā 9) piedalījās aptuveni 900 iedzīvotāju un 14 kolektīvi; 11 skolās notika darbnīcas.",
     [(9, "events", "Pasākumos"), (900, "participants", "iedzīvotāju"), (14, "groups", "kolektīvi"),
      (11, "organizations", "skolās")]),
    ("Sniegtas 446 konsultācijas; 97 no tām – par ziedojumu piesaisti.",
     [(446, "consultations", "konsultācijas"), (97, "consultations", "konsultācijas")]),
    ("Sniegtas konsultācijas: psihologa – 642, jurista – 318, kopā 960 konsultācijas.",
     [(642, "consultations", "konsultācijas"), (318, "consultations", "konsultācijas"),
      (960, "consultations", "konsultācijas")]),
    ("Sniegtas 2 075 konsultācijas, no tām 1 430 pa tālruni un 645 klātienē.",
     [(2075, "consultations", "konsultācijas"), (1430, "consultations", "konsultācijas"),
      (645, "consultations", "konsultācijas")]),
    ("Dalībnieku skaits pa sporta veidiem: vieglatlētikā – 2 104, peldēšanā – 1 380.",
     [(2104, "participants", "Dalībnieku"), (1380, "participants", "Dalībnieku")]),
    ("Publicitāte – 51 publikācija un 16 radio sižeti.",
     [(51, "publications", "publikācija"), (16, "publications", "sižeti")]),
    ("Tulkošanas pakalpojumi – 4 015, t. sk. 1 260 ārkārtas situācijās.",
     [(4015, "other", "pakalpojumi"), (1260, "other", "pakalpojumi")]),
    ("Apmācīti 4 260 skolēni no 87 skolām, t. sk. 2017. gadā – 1 980, 2018. gadā – 2 280.",
     [(4260, "participants", "skolēni"), (87, "organizations", "skolām"), (1980, "participants", "skolēni"),
      (2280, "participants", "skolēni")]),
    # a range's end is not a count of the noun before
    ("Iesaistīti 25 brīvprātīgie vecumā no 16 līdz 25.", [(25, "participants", "brīvprātīgie")]),
    # adjectives joined by 'un' before their noun
    ("Izdalīja 9 870 trūcīgām un maznodrošinātām personām.", [(9870, "participants", "personām")]),
    # words that only start like 'procenti' or 'euro'
    ("Sagatavoti 286 procesuālie dokumenti; 5 Eiropas valstis.",
     [(286, "other", "dokumenti"), (5, "other", "valstis")]),
])
def test_counts_whose_noun_is_left_out_or_far(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "Forums notika 2019. gada 16. novembrī.",
    "Konkursā par 1.–3. vietu, izcīnot 1. vietu.",
    "Apmierinātība – 94 %, pieaugums 12,5 procenti.",
    "Atbalsts kopsummā 24 000,00 euro, EUR 500 katram.",
    "Zvaniet pa tālruni 67 555 123, uz numuru 29 555 123 vai 8000 1234, +371 67 123 456.",
    "Uzticības tālrunis 116006 darbojās visu gadu.",
    "COVID-19 ierobežojumi; programma LV100.",
    "Izdots materiāls \"Jaunatnes darbs 2019\".",
    "Līgums Nr. 5, MK noteikumi Nr. 317.",
    "Bērni vecumā no 7 līdz 14 gadiem.",
])
def test_numbers_that_are_not_counts(text):
    assert counts(text) == []


def test_a_count_that_ends_a_sentence_is_a_count():
    assert counts("Kopējais dalībnieku skaits 1 120.") == [(1120, "participants", "dalībnieku")]


def test_an_extra_vocabulary_adds_and_overrides_kinds(tmp_path, monkeypatch):
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"kinds": {"events": ["hakaton"], "groups": ["kaķ"]}}), encoding="utf-8")
    alone = build(json.loads(extra.read_text(encoding="utf-8")))
    assert extract_counts("Atrasti 3 kaķi.", alone)[0]["kind"] == "groups"
    monkeypatch.setenv("DELEG_VOCABULARY", str(extra))
    load.cache_clear()
    try:
        merged = load()
        assert [(c["value"], c["kind"]) for c in extract_counts("2 hakatoni un 5 kaķi, 4 semināri.", merged)] == [
            (2, "events"), (5, "groups"), (4, "events")]
    finally:
        load.cache_clear()
