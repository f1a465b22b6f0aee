"""Counts in a result's text: every number that counts something, with the noun it counts.

A number is a count unless it is a year, a date, an ordinal, money, a percentage, a phone
number, part of a name (COVID-19, LV100) or of a quoted title. Its noun is the head noun after
it ('3 semināri', '89 NVO pārstāvjiem' → pārstāvjiem: genitive modifiers are skipped), or,
when nothing follows, the noun before it ('semināri – 28', 'dalībnieku skaits 352'), or, when
the noun is left out ('2021. gadā – 112'), the noun of the count it continues.
"""
import re
from typing import TypedDict

from deleg.ingest.vocabulary import (
    AMBIGUOUS_GENITIVE_ENDINGS,
    GENITIVE_ENDINGS,
    NOMINATIVE_PLURAL_ENDINGS,
    Vocabulary,
)

# Thousands are grouped by one space (1 250, 21 560): a number of one to three digits followed
# by groups of exactly three digits is one number.
_TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+(?:[-‐'’][^\W\d_]+)*)"
    r"|(?P<num>\d{1,3}(?:[ \u00a0\u2009\u202f\u2007]\d{3})+(?!\d)|\d+)|(?P<punct>\S)"
)
# The token's kind as match.lastindex gives it (cheaper than lastgroup): the groups' numbers above.
_NUM, _WORD = _TOKEN_RE.groupindex["num"], _TOKEN_RE.groupindex["word"]
_NOT_DIGIT_RE = re.compile(r"\D")
_DIGIT_RE = re.compile(r"\d")
_QUOTE_CHARS_RE = re.compile("[\"„“«‘]")
_QUOTE_RE = re.compile(r"„[^”“\"]*[”“\"]|“[^”]*”|«[^»]*»|\"[^\"]*\"|‘[^’]*’")
# What the characters right after or before a number show it is not a count: letters glued to
# it (3D, LV100, COVID-19), a decimal, date or time (99,9; 12.08.2019; 10:00), a range (3–5,
# no 7 līdz 18), a percentage, money (24 000,00 euro, EUR 500), a number's label (Nr. 5, § 3).
_NOT_COUNT_AFTER = re.compile(
    r"[^\W\d_]|[-‐][^\W\d_]|[.,:/]\d|\s?[-–—]\s?\d|\s+līdz\s+\d|\s*(?:%|proc(?:\.|ent|\b))"
    r"|\s*(?:,-)?\s*(?:(?:euro|eiro|eur|ls|lat[iusā]|latiem)\b|€|tūkst|milj)",
    re.IGNORECASE,
)
# Words and signs that make the number after them a label or an amount: 'Nr. 5', '§ 3', 'EUR 500'.
_LABEL_BEFORE = frozenset({"nr", "eur", "euro", "€", "+", "#", "§", "№", "p", "lpp", "pants", "panta",
                           "punkts", "punkta", "punktā", "pantā"})
# An ordinal or a year keeps its dot before a lower-case word ('2. kārtā', '2019. gadā');
# a count that ends a sentence is followed by its full stop and a capital or the end.
_SENTENCE_END = re.compile(r"\.[)\"”’»]*(?:\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ(„\"“]|\s*$)")
_PHONE_WORD = re.compile(r"^(?:tālr\w*|tel|telefon\w*|mob\w*|numur\w*|sms|fakss?|faksa)$", re.IGNORECASE)
# Only a text with a '+' or a phone word can hold a phone number: most texts skip the check.
_PHONE_HINTS = ("+", "tālr", "tel", "mob", "numur", "sms", "faks")
# Latvian phone numbers have eight digits (2…, 6…, 8000…, 90…); 116 … are EU helplines.
_PHONE_DIGITS = re.compile(r"^(?:[2689]\d{7}|116\d{3})$")
_GENITIVE_LOOKING = re.compile(r"(?:a|as|es|u|o|us|ās|ā|ības)$")
# Endings of an unknown noun that can be the head of a count: plural nominative or accusative.
_UNKNOWN_HEAD = re.compile(r"(?:[^āēīūo]i|[^āēīū]as|[^āēīū]es|[^āēīū]us)$")
# Endings of the locative (telpās, dabā, Latvijā): an unknown word in it says where, not what.
_LOCATIVE_LOOKING = re.compile(r"(?:ā|ē|ī|ū|os|ās|ēs|īs)$")
# Quotes that open a name standing between a number and its noun ('640 „Youthpass” sertifikāti').
_OPENING_QUOTES = frozenset("„“\"«‘")
_CLOSING_QUOTES = frozenset("”“\"»’")
_ADJECTIVE_LOOKING = re.compile(
    r"(?:ais|ie|ajiem|ajām|ajos|ajās|ajam|ajai|īgs|īga|īgi|īgas|īgu|īgo|isks|iska|iski|iskas|isku|iskās|iskie|"
    r"oši|ošas|oša|ošs|ošu|ošo|āls|āla|āli|ālas|ālu|ālo|tie|tās|ti|tas|ts|ta|ja|jās)$"
)
_STOP_WORDS = frozenset("""
ar no par uz pa pie līdz pēc bez pret caur starp virs zem aiz priekš pirms un vai bet kā kas kur kurš kuri
kuras kurā kurās kuros kuru kurām kuriem kurš tajā tajos tajās tai tam to tā tās tie šie šīs šajā šajos ir bija
tika tiek tiks ko jo ja lai gan arī vēl tikai vismaz aptuveni apm ap gandrīz vairāk nekā mazāk kopā kopumā
tostarp t sk u c utt kopskaitā kopsummā katrā katram katrai katru no tiem tām ne nav
""".split())
_BRIDGE_WORDS = frozenset({"un", "vai"})
# Endings of adjectives used as nouns (brīvprātīgie): before another noun they are its modifier.
_ADJECTIVAL_ENDINGS = frozenset({"ie", "ais", "ajiem", "ajām", "ajos", "ajās", "ajam", "ajai"})
_MODIFIER_ENDINGS = GENITIVE_ENDINGS | AMBIGUOUS_GENITIVE_ENDINGS | _ADJECTIVAL_ENDINGS
# Words that qualify a number and stand between it and the noun before it ('skaits – vairāk nekā 600').
_QUANTIFIERS = frozenset({"vairāk", "mazāk", "nekā", "aptuveni", "apmēram", "apm", "gandrīz", "vismaz", "ap",
                          "virs", "pāri", "līdz", "pat"})
_LEAD_PUNCT = frozenset("–-—:")
_BACK_SKIP = frozenset("–-—:(")
_ELISION_PUNCT = frozenset("–-—:,")
_OF_THEM = frozenset({"tām", "tiem", "kurām", "kuriem"})  # 'no tām 412': 412 of the ones counted before
_CLAUSE_END = frozenset(".;,)")
_WINDOW = 6
_BACK_WINDOW = 8


class Count(TypedDict):
    """One count of a result, as the canonical JSON holds it: value, kind and the noun as written."""

    value: int
    kind: str
    noun: str


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of quoted names and titles, whose digits are never counts."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def _is_not_count(text: str, tokens: list[re.Match], i: int, start: int, end: int, value: int, quotes,
                  vocab: Vocabulary, next_word: str | None, known_next: bool) -> bool:
    """Return True when the number at tokens[i] (text[start:end]) is not a count by its shape or surroundings.

    next_word is the word token right after the number (None when another kind of token or
    nothing follows); known_next says that it is a known noun one space after the number.
    """
    if quotes and any(a <= start < b for a, b in quotes):
        return True
    last = text[start - 1:start] if start else ""
    if last.isalpha() or (last and last in "-‐" and text[start - 2:start - 1].isalpha()):
        return True
    # A known noun one space after the number rules out everything that could follow it instead.
    year_like = 1900 <= value <= 2100 and end - start == 4
    if not known_next:
        if _NOT_COUNT_AFTER.match(text, end):
            return True
        if text.startswith(".", end) and (year_like or not _SENTENCE_END.match(text, end)):
            return True  # years and ordinals: '2019. gadā', '12. maijā', '1. vietu'
    if i:
        prev = tokens[i - 1]
        if prev.lastindex == _WORD:  # the usual case: a word before the number, a label or not
            if prev[0].lower() in _LABEL_BEFORE:
                return True
        elif _labelled(tokens, i):
            return True
    if year_like:
        return not known_next
    if value > 99999 and _PHONE_DIGITS.match(tokens[i][0].replace(" ", "")):
        return True
    return bool(next_word) and vocab.is_never_counted(next_word)


def _labelled(tokens: list[re.Match], i: int) -> bool:
    """Return True when the sign before the number makes it a label, amount, decimal or range end."""
    prev = tokens[i - 1]
    sign = prev[0]
    if sign == "." and i > 1 and tokens[i - 2][0].lower() in _LABEL_BEFORE:  # 'Nr. 5', 'p. 3'
        return True
    if sign.lower() in _LABEL_BEFORE:
        return True
    if i > 1 and tokens[i - 2].lastindex == _NUM:
        glued = prev.start() == tokens[i - 2].end() and prev.end() == tokens[i].start()
        if sign in ".,:/" and glued:
            return True  # 99,9 · 12.08.2019 · 9.00 · 10:30 · 3/4
        if sign in "-–—" and prev.string[tokens[i - 2].end():tokens[i].start()].strip() == sign:
            return True  # 3–5: a range is not an exact count
    return False


def _is_phone(tokens: list[re.Match], i: int, phones: set[int]) -> bool:
    """Return True when the number at i is (part of) a phone number ('tālr. 67 311 420', '8000 5550')."""
    j = i - 1
    while j >= 0 and tokens[j][0] in ".:":
        j -= 1
    if j < 0:
        return False
    prev = tokens[j]
    if j in phones:  # the next digit group of the same phone number
        return not prev.string[prev.end():tokens[i].start()].strip(" -")
    return prev[0] == "+" or (prev.lastgroup == "word" and bool(_PHONE_WORD.match(prev[0])))


def _head(lows: list[str], matches: list, value: int) -> int | None:
    """Return the index of the head noun among words, skipping genitive modifiers before it.

    lows are the words in lower case, matches their vocabulary matches (None for 'un', 'vai').
    The head is a known noun, or an unknown plural noun right after a known genitive one
    ('medību noteikumu pārkāpumi').
    """
    i = None
    for k, m in enumerate(matches):
        if m:
            i = k
            break
    while i is not None:
        current = matches[i]
        nxt = None
        for k in range(i + 1, len(lows)):
            if matches[k]:
                nxt = k
                break
            low = lows[k]
            if low in _BRIDGE_WORDS and current.ending in GENITIVE_ENDINGS:
                continue
            if not _GENITIVE_LOOKING.search(low) and not _ADJECTIVE_LOOKING.search(low):
                break  # adjectives may stand between: 'pašvaldību sociālajiem dienestiem'
        if nxt is None:
            if current.ending in GENITIVE_ENDINGS and i + 1 < len(lows) and _UNKNOWN_HEAD.search(lows[i + 1]) \
                    and not _ADJECTIVE_LOOKING.search(lows[i + 1]) and lows[i + 1] not in _BRIDGE_WORDS:
                return i + 1
            return i
        following = matches[nxt]
        ending = current.ending
        if value % 10 == 1 and value % 100 != 11 and ending == "a":
            ending = "as"  # after 1, 21, 31 … a feminine noun in -a is the head itself
        # Between a modifier and its noun only more modifiers stand: 'nedēļas nogales skolas'.
        adjacent = nxt == i + 1 or all(_GENITIVE_LOOKING.search(low) or _ADJECTIVE_LOOKING.search(low)
                                       for low in lows[i + 1:nxt])
        if ending in GENITIVE_ENDINGS or (ending in _ADJECTIVAL_ENDINGS and adjacent):
            i = nxt  # a modifier: 'projektu pieteikumi', 'brīvprātīgie (digitālie) aģenti'
        elif ending in AMBIGUOUS_GENITIVE_ENDINGS and adjacent and following.ending in NOMINATIVE_PLURAL_ENDINGS:
            i = nxt
        else:
            return i
    return None


def _fallback_noun(words: list[str], lows: list[str], vocab: Vocabulary) -> int | None:
    """Return the index of the likely noun among words no vocabulary entry knows.

    Not a noun of a count: adjectives and participles, names (capitalised) and places in the
    locative ('3 Latvijā', '48 – telpās'); a genitive before another word is its modifier
    ('412 atkritumu maisi').
    """
    candidates = [k for k, low in enumerate(lows[:3])
                  if low not in vocab.not_nouns and len(low) >= 3 and not _ADJECTIVE_LOOKING.search(low)
                  and not words[k][:1].isupper() and not _LOCATIVE_LOOKING.search(low)]
    for n, k in enumerate(candidates):
        if lows[k].endswith(("u", "šanas")) and n + 1 < len(candidates) and candidates[n + 1] == k + 1:
            continue  # '412 atkritumu maisi', '40 glābšanas riņķi'
        return k
    return None


def _forward(tokens: list[re.Match], i: int, value: int, vocab: Vocabulary):
    """Return the noun after the number at i (and whether it is known), or None.

    The caller has already found that the word right after the number, if any, is not a known
    noun that ends the search ('3 semināri').
    """
    vocab_match = vocab.match
    j = i + 1
    if j < len(tokens) and tokens[j][0] in _OPENING_QUOTES:
        close = next((n for n in range(j + 1, min(len(tokens), j + 12)) if tokens[n][0] in _CLOSING_QUOTES), None)
        if close is not None:
            j = close + 1
    if j < len(tokens) and tokens[j][0] in _LEAD_PUNCT:
        j += 1
        if j < len(tokens):
            first = vocab_match(tokens[j][0])
            if first and first.ending not in _MODIFIER_ENDINGS:
                return tokens[j][0], True
    words: list[str] = []
    lows: list[str] = []
    matches: list = []
    while j < len(tokens) and len(words) < _WINDOW:
        tok = tokens[j]
        if tok.lastindex != _WORD:
            break
        word = tok[0]
        low = word.lower()
        if low in _BRIDGE_WORDS:
            # 'projektu un pasākumu …', 'nūjošanas un vingrošanas nodarbības': two modifiers of one noun
            last = matches[-1] if matches else None
            if not words or (last.ending not in GENITIVE_ENDINGS if last else not _GENITIVE_LOOKING.search(lows[-1])):
                break
            match = None
        elif low in _STOP_WORDS:
            break
        else:
            match = vocab_match(word)
        words.append(word)
        lows.append(low)
        matches.append(match)
        j += 1
    if not words:
        return None
    if lows[-1] in _BRIDGE_WORDS and j + 1 < len(tokens) and tokens[j].lastindex == _NUM:
        # '9 koru un 7 deju kolektīvu skates': two numbers with their modifiers share one noun.
        word = tokens[j + 1][0]
        following = vocab_match(word)
        if following.ending in GENITIVE_ENDINGS if following else _GENITIVE_LOOKING.search(word.lower()):
            return _forward(tokens, j, value, vocab)
    k = _head(lows, matches, value)
    if k is not None:
        return words[k], matches[k] is not None
    k = _fallback_noun(words, lows, vocab)
    return (words[k], False) if k is not None else None


def _backward(tokens: list[re.Match], i: int, value: int, vocab: Vocabulary):
    """Return the noun before the number at i ('semināri – 28', 'dalībnieku skaits 352'), or None.

    The result is (noun, known, shared): shared says that the words before the number follow
    another number, so that their noun is that count's ('312 izsaukumiem (228 …'). Without a
    sign between them, the word right before the number must be the noun: a number after a verb
    ('eksāmenu nokārtoja 512') has no noun before it.
    """
    j = i - 1
    skipped = 0
    punctuated = False  # 'semināri – 28', 'pasākumi (5)': a sign sets the number apart from its noun
    while j >= 0 and skipped < 4 and (tokens[j][0] in _BACK_SKIP or tokens[j][0].lower() in _QUANTIFIERS):
        punctuated = punctuated or tokens[j][0] in _BACK_SKIP
        j -= 1
        skipped += 1
    texts: list[str] = []
    while j >= 0 and len(texts) < _BACK_WINDOW and tokens[j].lastindex == _WORD:
        texts.append(tokens[j][0])
        j -= 1
    shared = j >= 0 and tokens[j].lastindex == _NUM
    after_ordinal = j > 0 and tokens[j][0] == "." and tokens[j - 1].lastindex == _NUM
    texts.reverse()
    lows = [w.lower() for w in texts]
    for k, low in enumerate(lows):
        if low.startswith("skait") and k > 0:
            return texts[k - 1], bool(vocab.match(texts[k - 1])), shared
    matches = [vocab.match(w) if low not in _BRIDGE_WORDS else None for w, low in zip(texts, lows)]
    if not matches or (matches[-1] is None and not punctuated):
        return None
    if after_ordinal:
        return None  # '2. vietu – 44', '2021. gadā – 112': the words name the ordinal, not the count
    if matches[-1] and matches[-1].ending in NOMINATIVE_PLURAL_ENDINGS:
        # 'senioriem sniegtās konsultācijas – 640', 'punktos reģistrēti apmeklējumi: 5 812'
        return texts[-1], True, shared
    k = _head(lows, matches, value)
    if k is None or matches[k] is None:
        return None
    return texts[k], True, shared


def _elided(tokens: list[re.Match], i: int, after_count: bool) -> bool:
    """Return True when the number at i counts what a neighbouring count counts, its noun left out.

    '2021. gadā – 112' and '(3 Latvijā, 2 Lietuvā)' after a sign; 'no tām 412' (of them);
    and, after an earlier count, a number that ends its clause ('… darbā iekārtojās 12.') or
    that a dash follows ('un 9 – Īrijā').
    """
    if i and tokens[i - 1][0] in _ELISION_PUNCT or _of_them(tokens, i):
        return True
    return after_count and (i + 1 == len(tokens) or tokens[i + 1][0] in _CLAUSE_END or tokens[i + 1][0] in _LEAD_PUNCT)


def _of_them(tokens: list[re.Match], i: int) -> bool:
    """Return True when 'no tām', 'no kuriem' … (of them) stands before the number at i."""
    return i > 1 and tokens[i - 1][0].lower() in _OF_THEM and tokens[i - 2][0].lower() == "no"


def extract_counts(text: str, vocab: Vocabulary) -> list[Count]:
    """Return every count in a result's text, in source order."""
    if not _DIGIT_RE.search(text):
        return []
    tokens = list(_TOKEN_RE.finditer(text))
    quotes = _quote_spans(text) if _QUOTE_CHARS_RE.search(text) else []
    lowered = text.lower()
    phone_hint = any(hint in lowered for hint in _PHONE_HINTS)
    phones: set[int] = set()
    counts: list[Count] = []
    elided: list[int] = []
    vocab_match = vocab.match
    last_index = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if tok.lastindex != _NUM:
            continue
        if phone_hint and i and _is_phone(tokens, i, phones):  # nothing before the first token is a phone
            phones.add(i)
            continue
        digits = tok[0]
        value = int(digits) if digits.isdigit() else int(_NOT_DIGIT_RE.sub("", digits))
        start, end = tok.span()
        # The token after the number is looked at once, for both the test and the usual noun.
        nxt = tokens[i + 1] if i < last_index else None
        if nxt is not None and nxt.lastindex == _WORD:
            next_word = nxt[0]
            next_match = vocab_match(next_word)
            known_next = next_match is not None and nxt.start() == end + 1
        else:
            next_word = next_match = None
            known_next = False
        if _is_not_count(text, tokens, i, start, end, value, quotes, vocab, next_word, known_next):
            continue
        if next_match is not None and next_match.ending not in _MODIFIER_ENDINGS:
            # The usual case, '3 semināri': what _forward finds first, without looking further.
            counts.append({"value": value, "kind": next_match.kind, "noun": next_word})
            continue
        # A known noun after the number wins, then a known noun before it, then an unknown word after
        # it; a noun before that belongs to an earlier count serves only a number without any other.
        # 'no kuriem 8 ieguva …': of the ones counted before, unless a noun or a dash follows the number
        # ('no tiem 122 – ratiņkrēslu lietotāji').
        of_them = next_match is None and _of_them(tokens, i) and (nxt is None or nxt[0] not in _LEAD_PUNCT)
        found = None if of_them else _forward(tokens, i, value, vocab)
        if found is None or not found[1]:
            before = _backward(tokens, i, value, vocab)
            if before and not (before[2] and found):
                found = before[:2]
        if found:
            noun, known = found
            match = vocab_match(noun) if known else None
            counts.append({"value": value, "kind": match.kind if match else "other", "noun": noun})
        elif _elided(tokens, i, bool(counts)):
            elided.append(len(counts))
            counts.append({"value": value, "kind": "", "noun": ""})
    if not elided:
        return counts
    for pos in elided:
        ref = next((c for c in reversed(counts[:pos]) if c["noun"]), None)
        ref = ref or next((c for c in counts[pos + 1:] if c["noun"]), None)
        if ref:
            counts[pos]["kind"], counts[pos]["noun"] = ref["kind"], ref["noun"]
    return [c for c in counts if c["noun"]]
