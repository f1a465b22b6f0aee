"""The Latvian catalogue is complete and compiled: no empty or fuzzy entry, and the .mo matches the .po."""
from pathlib import Path

import polib
from django.utils import translation

CATALOGUE = Path(__file__).resolve().parent.parent / "src/deleg/locale/lv/LC_MESSAGES"


def test_latvian_catalogue_has_no_untranslated_or_fuzzy_entries():
    po = polib.pofile(str(CATALOGUE / "django.po"))

    untranslated = [e.msgid for e in po if not (e.msgstr or all(e.msgstr_plural.values()))]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]

    assert len(po) > 100
    assert untranslated == [] and fuzzy == []


def test_compiled_catalogue_matches_the_source():
    po = {(e.msgid, e.msgstr) for e in polib.pofile(str(CATALOGUE / "django.po")) if not e.msgid_plural}
    mo = {(e.msgid, e.msgstr) for e in polib.mofile(str(CATALOGUE / "django.mo")) if not e.msgid_plural}

    assert po == mo


def test_latvian_plurals_use_three_forms():
    from django.utils.translation import ngettext

    with translation.override("lv"):
        forms = [ngettext("%(n)s agreement", "%(n)s agreements", n) % {"n": n} for n in (1, 2, 0, 21, 11)]

    assert forms == ["1 līgums", "2 līgumi", "0 līgumu", "21 līgums", "11 līgumi"]
