"""The counted nouns and their kinds, kept as data (data/vocabulary.json) so users can extend them.

A Latvian noun changes its ending with case and number (seminārs, semināri, semināros,
seminārus), so the vocabulary holds stems and a word matches a stem followed by one of the
endings below. Compound nouns put their head last (surdotulki, finālsacensības), so a word
whose last part is a known stem of four letters or more matches too.
"""
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUILTIN = Path(__file__).with_name("data") / "vocabulary.json"
KINDS = ("events", "participants", "organizations", "consultations", "publications", "groups", "other")

# Case endings of nouns (all declensions, singular and plural) and of adjectival nouns
# (brīvprātīgie, pieaugušajiem); 'j' forms cover the 2nd declension (pārstāvis → pārstāvji).
ENDINGS = tuple(sorted({
    "", "s", "š", "is", "us", "a", "e", "u", "i", "ā", "ē", "ī", "o", "am", "im", "um", "ai", "ei", "as", "es",
    "os", "ās", "ēs", "ūs", "ām", "ēm", "iem", "ie", "ji", "ju", "ja", "jā", "jam", "jiem", "jus", "jos", "jas",
    "jām", "ais", "ajam", "ajā", "ajiem", "ajos", "ajām", "ajās", "ajai", "ām", "ij", "īm", "īs", "ū",
}, key=len, reverse=True))
# Endings that may mark a genitive (or an indeclinable word such as NVO), so that the word can
# be a modifier of the noun after it: 'projektu pieteikumi', 'izbraukuma konsultācijas'.
# Definite adjectives used as nouns have their genitive in -ā and -o (brīvprātīgā darba).
GENITIVE_ENDINGS = frozenset({"", "u", "ju", "a", "ja", "o", "us", "ā"})
# Feminine genitive singular is spelled like the nominative plural (biedrības, darbnīcas).
AMBIGUOUS_GENITIVE_ENDINGS = frozenset({"as", "es", "s", "ās"})
NOMINATIVE_PLURAL_ENDINGS = frozenset({"i", "ji", "as", "es", "us", "jus", "is", "s", "š", "ie"})
_COMPOUND_MIN = 4


@dataclass(frozen=True)
class Match:
    """A word recognised as a counted noun: its kind and the ending it carries."""

    kind: str
    stem: str
    ending: str


class Vocabulary:
    """Noun stems by kind, with the words that are never counted."""

    def __init__(self, stems: dict[str, str], never_counted: set[str], not_nouns: set[str]):
        self.stems = stems
        self.never_counted = never_counted
        self.not_nouns = not_nouns
        self.match = lru_cache(maxsize=8192)(self._match)
        self.is_never_counted = lru_cache(maxsize=4096)(self._is_never_counted)

    def _split(self, word: str, table) -> tuple[str, str] | None:
        """Return (stem, ending) of the word when its stem is in table."""
        for ending in ENDINGS:
            if ending and not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] if ending else word
            if stem in table:
                return stem, ending
        return None

    def _match(self, word: str) -> Match | None:
        word = word.lower()
        if word in self.not_nouns:
            return None
        if "-" in word:  # e-konsultācijas, video-sižeti: the part after the hyphen is the noun
            word = word.rsplit("-", 1)[1]
        split = self._split(word, self.stems)
        if split:
            return Match(self.stems[split[0]], *split)
        for ending in ENDINGS:
            if ending and not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)] if ending else word
            for cut in range(2, len(stem) - _COMPOUND_MIN + 1):
                head = stem[cut:]
                if head in self.stems:
                    return Match(self.stems[head], head, ending)
        return None

    def _is_never_counted(self, word: str) -> bool:
        return self._split(word.lower(), self.never_counted) is not None


def _read(path: Path) -> dict:
    """Return one vocabulary file's content."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def build(*documents: dict) -> Vocabulary:
    """Return a vocabulary from documents in the vocabulary.json shape, later ones winning."""
    stems: dict[str, str] = {}
    never: set[str] = set()
    not_nouns: set[str] = set()
    for doc in documents:
        for kind, entries in (doc.get("kinds") or {}).items():
            if kind not in KINDS:
                raise ValueError(f"unknown kind {kind!r} in vocabulary")
            for stem in entries:
                stems[stem.lower()] = kind
        never.update(s.lower() for s in doc.get("never_counted") or ())
        not_nouns.update(s.lower() for s in doc.get("not_nouns") or ())
    return Vocabulary(stems, never, not_nouns)


@lru_cache(maxsize=8)
def load(extra: str | None = None) -> Vocabulary:
    """Return the built-in vocabulary merged with an extra file (argument or DELEG_VOCABULARY)."""
    extra = extra or os.environ.get("DELEG_VOCABULARY") or None
    documents = [_read(BUILTIN)]
    if extra:
        documents.append(_read(Path(extra)))
    return build(*documents)
