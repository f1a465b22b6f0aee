"""Counts in a result's text: every number that counts something, with the noun it counts.

A number is a count unless it is a year, a date, an ordinal, money, a percentage, a phone
number, part of a name (COVID-19, LV100) or of a quoted title. Which noun it counts is the
business of deleg.ingest.nouns; a number whose noun is left out takes the noun of the count it
continues.
"""
import re
from typing import TypedDict

from deleg.ingest.nouns import NUM, TOKEN_RE, WORD, complement, ends_search, find_noun, left_out, topic
from deleg.ingest.vocabulary import Vocabulary

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
        if prev.lastindex == WORD:  # the usual case: a word before the number, a label or not
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
    if i > 1 and tokens[i - 2].lastindex == NUM:
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


def extract_counts(text: str, vocab: Vocabulary) -> list[Count]:
    """Return every count in a result's text, in source order."""
    if not _DIGIT_RE.search(text):
        return []
    tokens = list(TOKEN_RE.finditer(text))
    quotes = _quote_spans(text) if _QUOTE_CHARS_RE.search(text) else []
    lowered = text.lower()
    phone_hint = any(hint in lowered for hint in _PHONE_HINTS)
    phones: set[int] = set()
    counts: list[Count] = []
    where: list[int] = []  # the token of each count
    elided: list[tuple[int, tuple | None]] = []  # counts whose noun is left out, with the list's topic
    vocab_match = vocab.match
    last_index = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if tok.lastindex != NUM:
            continue
        if phone_hint and i and _is_phone(tokens, i, phones):  # nothing before the first token is a phone
            phones.add(i)
            continue
        digits = tok[0]
        value = int(digits) if digits.isdigit() else int(_NOT_DIGIT_RE.sub("", digits))
        start, end = tok.span()
        # The token after the number is looked at once, for both the test and the usual noun.
        nxt = tokens[i + 1] if i < last_index else None
        if nxt is not None and nxt.lastindex == WORD:
            next_word = nxt[0]
            next_match = vocab_match(next_word)
            known_next = next_match is not None and nxt.start() == end + 1
        else:
            next_word = next_match = None
            known_next = False
        if _is_not_count(text, tokens, i, start, end, value, quotes, vocab, next_word, known_next):
            continue
        if next_match is not None and ends_search(next_match, next_word):
            # The usual case, '3 semināri': what find_noun finds first, without looking further.
            counts.append({"value": value, "kind": next_match.kind, "noun": next_word})
            where.append(i)
            continue
        found = find_noun(tokens, i, value, vocab, next_match)
        if found:
            noun, known = found
            match = vocab_match(noun) if known else None
            counts.append({"value": value, "kind": match.kind if match else "other", "noun": noun})
            where.append(i)
        elif left_out(tokens, i, bool(counts)):
            elided.append((len(counts), topic(tokens, i, vocab)))
            counts.append({"value": value, "kind": "", "noun": ""})
            where.append(i)
    if not elided:
        return counts
    for pos, heading in elided:
        # The nearest before: a count with its noun, or the noun a colon sets over the figures
        # ('pasākumi: 2021. gadā – 7, 2022. gadā – 9'); else the count after.
        # a count after a preposition is a complement ('4 260 skolēni no 87 skolām, t. sk. … – 1 980')
        earlier = [k for k in range(pos - 1, -1, -1) if counts[k]["noun"]]
        before = next((k for k in earlier if not complement(tokens, where[k])), earlier[0] if earlier else None)
        if heading and (before is None or heading[0] > where[before]):
            counts[pos]["kind"], counts[pos]["noun"] = heading[2], heading[1]
            continue
        ref = counts[before] if before is not None else next((c for c in counts[pos + 1:] if c["noun"]), None)
        if ref:
            counts[pos]["kind"], counts[pos]["noun"] = ref["kind"], ref["noun"]
    return [c for c in counts if c["noun"]]
