"""The noun a count counts: the head noun after the number, a noun before it, or none.

'3 semināri', '89 NVO pārstāvjiem' (genitive modifiers skipped), '9 koru un 7 deju kolektīvu
skates' (two numbers sharing one noun); 'semināri – 28', 'dalībnieku skaits 352' (the noun
before, set apart by a sign or 'skaits'); and a number whose noun is left out ('2021. gadā – 112',
'no tām 412', '… darbā iekārtojās 12.'), which takes the noun of the count it continues.
The words are tokens of a result's text (TOKEN_RE); the nouns and their kinds come from the
vocabulary.
"""
import re
from functools import lru_cache

from deleg.ingest.vocabulary import (
    AMBIGUOUS_GENITIVE_ENDINGS,
    GENITIVE_ENDINGS,
    NOMINATIVE_PLURAL_ENDINGS,
    Vocabulary,
)

# Thousands are grouped by one space (1 250, 21 560): a number of one to three digits followed
# by groups of exactly three digits is one number.
TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+(?:[-‐'’][^\W\d_]+)*)"
    r"|(?P<num>\d{1,3}(?:[ \u00a0\u2009\u202f\u2007]\d{3})+(?!\d)|\d+)|(?P<punct>\S)"
)
# The token's kind as match.lastindex gives it (cheaper than lastgroup): the groups' numbers above.
NUM, WORD = TOKEN_RE.groupindex["num"], TOKEN_RE.groupindex["word"]
_GENITIVE_LOOKING = re.compile(r"(?:a|as|es|u|o|us|ās|ā|ības)$")
# Endings of an unknown noun that can be the head of a count: plural nominative or accusative.
_UNKNOWN_HEAD = re.compile(r"(?:[^āēīūo]i|[^āēīū]as|[^āēīū]es|[^āēīū]us)$")
# Endings of the locative (telpās, dabā, Latvijā): an unknown word in it says where, not what.
_LOCATIVE_LOOKING = re.compile(r"(?:ā|ē|ī|ū|os|ās|ēs|īs)$")
# Quotes that open a name standing between a number and its noun ('640 „Youthpass” sertifikāti').
_OPENING_QUOTES = frozenset("„“\"«‘")
_CLOSING_QUOTES = frozenset("”“\"»’")
_ADJECTIVE_LOOKING = re.compile(
    r"(?:ais|ie|ajiem|ajām|ajos|ajās|ajam|ajai|īg(?:[saiuoā]|as|ās|ām|iem|ai|am)|isk(?:[saiuoā]|as|ās|ām|iem|ie)|"
    r"oši|ošas|oša|ošs|ošu|ošo|āls|āla|āli|ālas|ālu|ālo"
    # past participles (izveidotas, apmācīti, sniegts), not nouns on -t- (lietas, defekts, dienesti)
    r"|[āēīog]t(?:ie|ās|i|as|s|a|ām|iem|ajiem|ajām))$"
)
# Endings of the locative and the dative: after a dash the words say where or for whom the count
# was, not what it counts.
_WHERE_OR_FOR_WHOM = re.compile(r"(?:ā|ē|ī|ū|os|ās|ēs|īs|iem|ām|ēm|īm|am|ai)$")
# Past tense verbs (nokārtoja, iekārtojās) are not nouns either.
_VERB_ENDINGS = ("ja", "jās")
# Endings of a known noun in the locative: after a dash it says where the count was, not what
# ('no tām 41 – izbraukumā', 'izbraukumā – 212').
_LOCATIVE_ENDINGS = frozenset({"ā", "ē", "ī", "ū", "os", "ās", "ēs", "īs", "jā", "ajā", "ajos", "ajās"})
# Prepositions: a noun before one is the head, what follows is its complement
# ('konsultācijas par projektu pieteikumiem – 57').
_PREPOSITIONS = frozenset({"par", "ar", "no", "uz", "pie", "pa", "pēc", "bez", "pret", "starp", "caur", "priekš"})
_STOP_WORDS = frozenset("""
ar no par uz pa pie līdz pēc bez pret caur starp virs zem aiz priekš pirms un vai bet kā kas kur kurš kuri
kuras kurā kurās kuros kuru kurām kuriem kurš tajā tajos tajās tai tam to tā tās tie šie šīs šajā šajos ir bija
tika tiek tiks ko jo ja lai gan arī vēl tikai vismaz aptuveni apm ap gandrīz vairāk nekā mazāk kopā kopumā
tostarp t sk u c utt kopskaitā kopsummā katrā katram katrai katru no tiem tām ne nav
""".split())
_BRIDGE_WORDS = frozenset({"un", "vai"})
# Endings of adjectives used as nouns (brīvprātīgie): before another noun they are its modifier.
_ADJECTIVAL_ENDINGS = frozenset({"ie", "ais", "ajiem", "ajām", "ajos", "ajās", "ajam", "ajai"})
# A noun in -ās is in the locative ('11 skolās'), never a modifier; adjectives in -ās are.
_AMBIGUOUS_ENDINGS = AMBIGUOUS_GENITIVE_ENDINGS - {"ās"}
MODIFIER_ENDINGS = GENITIVE_ENDINGS | _AMBIGUOUS_ENDINGS | _ADJECTIVAL_ENDINGS
# Words that qualify a number and stand between it and the noun before it ('skaits – vairāk nekā 600').
_QUANTIFIERS = frozenset({"vairāk", "mazāk", "nekā", "aptuveni", "apmēram", "apm", "gandrīz", "vismaz", "ap",
                          "virs", "pāri", "līdz", "pat", "kopā", "kopumā", "kopskaitā"})
_LEAD_PUNCT = frozenset("–-—:")
_BACK_SKIP = frozenset("–-—:(")
_ELISION_PUNCT = frozenset("–-—:,")
_OF_THEM = frozenset({"tām", "tiem", "kurām", "kuriem"})  # 'no tām 412': 412 of the ones counted before
_CLAUSE_END = frozenset(".;,)")
_NOT_LEFT_OUT_AFTER = frozenset({"līdz", "no", "pēc", "uz", "par", "ar", "pa", "ap"})
_WINDOW = 6
_BACK_WINDOW = 8


# The same few hundred words come back in every summary: their shape is looked up, not searched.
@lru_cache(maxsize=16384)
def _adjective_looking(word: str) -> bool:
    return _ADJECTIVE_LOOKING.search(word) is not None


@lru_cache(maxsize=16384)
def _genitive_looking(word: str) -> bool:
    return _GENITIVE_LOOKING.search(word) is not None


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
        # An adjective used as a noun (trūcīgām, brīvprātīgie) modifies a noun after it.
        adjectival = current.ending in _ADJECTIVAL_ENDINGS or _adjective_looking(lows[i])
        nxt = None
        for k in range(i + 1, len(lows)):
            if matches[k]:
                nxt = k
                break
            low = lows[k]
            if low in _BRIDGE_WORDS and (current.ending in GENITIVE_ENDINGS or adjectival):
                continue
            if not _genitive_looking(low) and not _adjective_looking(low):
                break  # adjectives may stand between: 'pašvaldību sociālajiem dienestiem'
        if nxt is None:
            if current.ending in GENITIVE_ENDINGS and i + 1 < len(lows) and _UNKNOWN_HEAD.search(lows[i + 1]) \
                    and not _adjective_looking(lows[i + 1]) and lows[i + 1] not in _BRIDGE_WORDS:
                return i + 1
            return i
        following = matches[nxt]
        ending = current.ending
        if value % 10 == 1 and value % 100 != 11 and ending == "a":
            ending = "as"  # after 1, 21, 31 … a feminine noun in -a is the head itself
        # Between a modifier and its noun only more modifiers stand: 'nedēļas nogales skolas'.
        adjacent = nxt == i + 1 or all(_genitive_looking(low) or _adjective_looking(low)
                                       or low in _BRIDGE_WORDS for low in lows[i + 1:nxt])
        if ending in GENITIVE_ENDINGS or (adjectival and adjacent):
            i = nxt  # a modifier: 'projektu pieteikumi', 'brīvprātīgie (digitālie) aģenti', 'trūcīgām un … personām'
        elif ending in _AMBIGUOUS_ENDINGS and adjacent and following.ending in NOMINATIVE_PLURAL_ENDINGS:
            i = nxt
        else:
            return i
    return None


def _fallback_noun(words: list[str], lows: list[str], vocab: Vocabulary) -> int | None:
    """Return the index of the likely noun among words no vocabulary entry knows.

    Not a noun of a count: adjectives, participles and verbs, names (capitalised) and places in the
    locative ('3 Latvijā', '48 – telpās'); a genitive before another word is its modifier
    ('412 atkritumu maisi').
    """
    candidates = [k for k, low in enumerate(lows[:3])
                  if low not in vocab.not_nouns and len(low) >= 3 and not _adjective_looking(low)
                  and not low.endswith(_VERB_ENDINGS)
                  and not words[k][:1].isupper() and not _LOCATIVE_LOOKING.search(low)]
    for n, k in enumerate(candidates):
        if _genitive_looking(lows[k]) and k + 1 < len(lows) and (
                (n + 1 < len(candidates) and candidates[n + 1] == k + 1) or _LOCATIVE_LOOKING.search(lows[k + 1])):
            continue  # '412 atkritumu maisi', '… līdzekļu iepakojumi'; 'ārkārtas situācijās' says where
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
    dashed = j < len(tokens) and tokens[j][0] in _LEAD_PUNCT
    if dashed:
        j += 1
        if j < len(tokens):
            first = vocab_match(tokens[j][0])
            if first and first.ending in _LOCATIVE_ENDINGS:
                return None  # 'no tām 41 – izbraukumā': where, not what
            if first and first.ending not in MODIFIER_ENDINGS:
                return tokens[j][0], True
    words: list[str] = []
    lows: list[str] = []
    matches: list = []
    while j < len(tokens) and len(words) < _WINDOW:
        tok = tokens[j]
        if tok.lastindex != WORD:
            break
        word = tok[0]
        low = word.lower()
        if low in _BRIDGE_WORDS:
            # 'projektu un pasākumu …', 'nūjošanas un vingrošanas nodarbības': two modifiers of one noun
            last = matches[-1] if matches else None
            if not words or not (last.ending in GENITIVE_ENDINGS if last else _genitive_looking(lows[-1])) \
                    and not _adjective_looking(lows[-1]):
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
    quantified = i > 0 and tokens[i - 1][0].lower() in _QUANTIFIERS  # 'aptuveni 900 iedzīvotāju un 14 …'
    # after 1, 21, 31 … a feminine noun in -a is the count's own: '51 publikācija un 16 radio sižeti'
    singular = value % 10 == 1 and value % 100 != 11 and len(matches) > 1 and matches[-2] \
        and matches[-2].ending == "a"
    if lows[-1] in _BRIDGE_WORDS and j + 1 < len(tokens) and tokens[j].lastindex == NUM and not quantified \
            and not singular:
        # '9 koru un 7 deju kolektīvu skates': two numbers with their modifiers share one noun.
        word = tokens[j + 1][0]
        following = vocab_match(word)
        if following.ending in GENITIVE_ENDINGS if following else _genitive_looking(word.lower()):
            return _forward(tokens, j, value, vocab)
    if dashed and _WHERE_OR_FOR_WHOM.search(lows[-1]):
        return None  # 'no tām 6 205 – izglītības iestādēs', 'no tiem 31 – bioloģiskajām saimniecībām'
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
    sign = ""  # 'semināri – 28', 'pasākumi (5)': a sign sets the number apart from its noun
    while j >= 0 and skipped < 4 and (tokens[j][0] in _BACK_SKIP or tokens[j][0].lower() in _QUANTIFIERS):
        sign = sign or (tokens[j][0] if tokens[j][0] in _BACK_SKIP else "")
        j -= 1
        skipped += 1
    texts: list[str] = []
    while j >= 0 and len(texts) < _BACK_WINDOW and tokens[j].lastindex == WORD:
        texts.append(tokens[j][0])
        j -= 1
    shared = j >= 0 and tokens[j].lastindex == NUM
    after_ordinal = j > 0 and tokens[j][0] == "." and tokens[j - 1].lastindex == NUM
    texts.reverse()
    lows = [w.lower() for w in texts]
    for k, low in enumerate(lows):
        if low.startswith("skait") and k > 0:
            return texts[k - 1], bool(vocab.match(texts[k - 1])), shared
    matches = [vocab.match(w) if low not in _BRIDGE_WORDS else None for w, low in zip(texts, lows)]
    if not matches or (matches[-1] is None and not sign):
        return None
    if after_ordinal:
        return None  # '2. vietu – 44', '2021. gadā – 112': the words name the ordinal, not the count
    cut = max((k for k, low in enumerate(lows) if low in _PREPOSITIONS), default=-1)
    if cut >= 0:
        # 'konsultācijas par projektu pieteikumiem – 57': the noun before its complement; a phrase
        # that starts with one ('…, par finanšu pārskatiem – 22') leaves the noun out
        texts, lows, matches = texts[:cut], lows[:cut], matches[:cut]
        if not texts:
            return None
    if matches[-1] and matches[-1].ending in NOMINATIVE_PLURAL_ENDINGS:
        # 'senioriem sniegtās konsultācijas – 640', 'punktos reģistrēti apmeklējumi: 5 812'
        return texts[-1], True, shared
    k = _head(lows, matches, value)
    if k is None or matches[k] is None:
        return None
    if sign != "(" and matches[k].ending in _LOCATIVE_ENDINGS:
        return None  # 't. sk. izbraukumā – 212': where, not what; but 'talkās (11)' counts talkas
    if sign != "(" and matches[k].ending in GENITIVE_ENDINGS and matches[k].ending:
        return None  # 'konsultācijas: psihologa – 642, jurista – 318': whose, not what
    return texts[k], True, shared


def left_out(tokens: list[re.Match], i: int, after_count: bool) -> bool:
    """Return True when the number at i counts what a neighbouring count counts, its noun left out.

    '2021. gadā – 112' and '(3 Latvijā, 2 Lietuvā)' after a sign; 'no tām 412' (of them) and
    't. sk. 318 pa tālruni' (including); and, after an earlier count, a number that ends its
    clause ('… darbā iekārtojās 12.'), that a dash follows ('un 9 – Īrijā') or that 'un' joins to
    it ('… un 645 klātienē') — but not the end of a range or a time ('vecumā no 16 līdz 25.').
    """
    if i and tokens[i - 1][0] in _ELISION_PUNCT or _of_them(tokens, i) or _including(tokens, i):
        return True
    if not after_count or (i and tokens[i - 1][0].lower() in _NOT_LEFT_OUT_AFTER):
        return False
    if tokens[i - 1][0].lower() in _BRIDGE_WORDS:
        return True  # '1 430 pa tālruni un 645 klātienē': the second of two parts
    return i + 1 == len(tokens) or tokens[i + 1][0] in _CLAUSE_END or tokens[i + 1][0] in _LEAD_PUNCT


def topic(tokens: list[re.Match], i: int, vocab: Vocabulary) -> tuple[int, str, str] | None:
    """Return (position, noun, kind) of the known noun that a colon sets over the figures before
    the number at i ('Starpkultūru dialoga pasākumi: 2021. gadā – 7, 2022. gadā – 9'), or None."""
    for j in range(i - 1, 0, -1):
        if tokens[j][0] != ":":
            continue
        # the noun before 'skaits', else the nominative noun before any preposition, else the last
        # known one ('Sniegtas konsultācijas NVO un iniciatīvu grupām: 2019. gadā – 128',
        # 'Dalībnieku skaits pa sporta veidiem: vieglatlētikā – 2 104')
        start = j
        while start > 0 and j - start < _BACK_WINDOW and tokens[start - 1].lastindex == WORD:
            start -= 1
        lows = [tokens[k][0].lower() for k in range(start, j)]
        counted = next((k for k, low in enumerate(lows) if low.startswith("skait") and k > 0), None)
        if counted is not None:
            match = vocab.match(tokens[start + counted - 1][0])
            if match:
                return start + counted - 1, tokens[start + counted - 1][0], match.kind
        cut = next((k for k, low in enumerate(lows) if low in _PREPOSITIONS and k > 0), len(lows))
        known = []
        for k in range(start + cut - 1, start - 1, -1):
            match = vocab.match(tokens[k][0])
            if match:
                known.append((k, tokens[k][0], match))
        if known:
            k, noun, match = next((found for found in known if found[2].ending in NOMINATIVE_PLURAL_ENDINGS), known[0])
            return k, noun, match.kind
    return None


def complement(tokens: list[re.Match], i: int) -> bool:
    """Return True when a preposition stands right before the number at i ('no 87 skolām')."""
    return i > 0 and tokens[i - 1][0].lower() in _PREPOSITIONS


def _of_them(tokens: list[re.Match], i: int) -> bool:
    """Return True when 'no tām', 'no kuriem' … (of them) stands before or right after the number
    at i ('no tām 412', '97 no tām')."""
    before = i > 1 and tokens[i - 1][0].lower() in _OF_THEM and tokens[i - 2][0].lower() == "no"
    return before or (i + 2 < len(tokens) and tokens[i + 1][0].lower() == "no" and tokens[i + 2][0].lower() in _OF_THEM)


def _including(tokens: list[re.Match], i: int) -> bool:
    """Return True when 't. sk.', 'tai skaitā', 'tostarp' (including) stands before the number at i."""
    before = [tok[0].lower() for tok in tokens[max(0, i - 4):i]]
    return before[-1:] in (["tostarp"], ["ieskaitot"]) or before[-2:] == ["tai", "skaitā"] \
        or before[-4:] == ["t", ".", "sk", "."] or before[-3:] == ["t", ".", "sk"]


def ends_search(match, word: str) -> bool:
    """Return True when the known noun right after a number is the count's noun: not a modifier of
    a noun further on ('89 NVO pārstāvjiem', '9 870 trūcīgām un maznodrošinātām personām')."""
    return match.ending not in MODIFIER_ENDINGS and not _adjective_looking(word)


def find_noun(tokens: list[re.Match], i: int, value: int, vocab: Vocabulary, next_match) -> tuple[str, bool] | None:
    """Return (noun, known) of the number at tokens[i], or None when it has none of its own.

    A known noun after the number wins, then a known noun before it, then an unknown word after
    it; a noun before that belongs to an earlier count serves only a number without any other.
    After 'no kuriem', 'no tām' (of them) the number counts the ones counted before, unless a
    noun or a dash follows it ('no tiem 122 – ratiņkrēslu lietotāji'). next_match is the
    vocabulary's match of the word right after the number, if any.
    """
    following = tokens[i + 1][0] if i + 1 < len(tokens) else None
    if next_match is not None and next_match.ending in ("u", "ju") and i and tokens[i - 1][0].lower() == "nekā":
        return following, True  # 'vairāk nekā 600 ierakstu sociālajos tīklos': the genitive of quantity
    if next_match is None and _of_them(tokens, i) and following not in _LEAD_PUNCT:
        found = None
    else:
        found = _forward(tokens, i, value, vocab)
    if found is None or not found[1]:
        before = _backward(tokens, i, value, vocab)
        if before and not (before[2] and found):
            found = before[:2]
    return found
