"""The description field: objectives, results and the narrative around them.

Published descriptions hold two numbered lists, each introduced by a line ('tika noteikti šādi
valsts pārvaldes uzdevumi:', 'sasniegti šādi rezultatīvie rādītāji:'). The lists come as
proper <ol><li> markup, as <ol> tags left open with their numbers typed as text (the seed),
as '1)' markers in one line of plain text, or one item per line or per <br>. The reader turns
all of these into a sequence of narrative text and lists, then decides which list is which
from the line that introduces it.
"""
import html
import re
from dataclasses import dataclass, field

from deleg.ingest.clean import clean

_TAG_RE = re.compile(r"<!--.*?(?:-->|$)|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>", re.S)
_BLOCK = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 tr td th table blockquote section article header footer hr dl dt dd pre "
    "tbody thead tfoot caption".split()
)
_LISTS = frozenset({"ol", "ul"})
_HAS_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|ol|ul|li|br|div|table|tr|td|h\d)\b", re.IGNORECASE)
# A typed list marker is one or two digits, then '.' or ')', then a space or a letter ('1. ', '2)').
# The patterns find the mark after a digit and before what must follow it; _marker_matches takes
# the digits. One pattern per mark: a pattern that starts with a literal is searched fast.
_MARK_RES = (re.compile(r"\.(?<=\d\.)(?=\s|[^\W\d_])"), re.compile(r"\)(?<=\d\))(?=\s|[^\W\d_])"))
_BULLET_RE = re.compile(r"^\s*[•▪◦·\-–—*]\s+")
_SENTENCE_BREAK = re.compile(r"[.;!?][)\"”’»]*\s+(?=\S)")
_CLOSERS = frozenset(")\"”’»")
# A list that starts at '1.' goes on with a '2.' after the end of a sentence.
_SECOND_MARKER = {mark: re.compile(rf"[.;:!?][)\"”’»]*\s+2\{mark}(?=\s|[^\W\d_])") for mark in ".)"}
_RESULT_WORDS = re.compile(r"rezultat|rezultāt|rādītāj|sasniegt|paveikt|izpildīt", re.IGNORECASE)
_OBJECTIVE_WORDS = re.compile(r"uzdevum|mērķ|noteikt|paredzēt", re.IGNORECASE)
_INFINITIVE = re.compile(r"^[^\W\d_]+t\b")


@dataclass
class Description:
    """What the description says, split into its parts."""

    objectives: list[str] = field(default_factory=list)
    results: list[str] = field(default_factory=list)
    narrative: str | None = None
    malformed: bool = False


@dataclass
class _Segment:
    text: str
    list_id: int | None = None  # set for the items of an HTML list


@dataclass
class _List:
    items: list[str]
    intro: str = ""


def read_description(raw: str) -> Description:
    """Return the objectives, results and narrative of a description cell."""
    segments, malformed = _segments(raw or "")
    pieces = _pieces(segments)
    objectives, results, narrative = _classify(pieces)
    text = clean(" ".join(narrative))
    return Description(objectives, results, text or None, malformed)


def _segments(raw: str) -> tuple[list[_Segment], bool]:
    """Split a description into text segments and list items; report markup left broken.

    The markup is broken in the seed's way when a list is never closed or holds text typed
    outside its <li> items (numbers typed by hand).
    """
    has_tags = bool(_HAS_BLOCK_TAG.search(raw))
    segments: list[_Segment] = []
    buffer: list[str] = []
    stack: list[int] = []
    li_list: int | None = None
    nested = 0
    next_id = 0
    typed_in_list = False

    def flush():
        text = "".join(buffer)
        buffer.clear()
        if li_list is not None:
            segments.append(_Segment(text, li_list))
        elif has_tags:
            segments.append(_Segment(text))
        else:
            segments.extend(_Segment(line) for line in text.split("\n"))

    pos = 0
    for m in _TAG_RE.finditer(raw):
        text = _unescape(raw[pos:m.start()])
        pos = m.end()
        if text:
            buffer.append(text)
            if stack and li_list is None and text.strip():
                typed_in_list = True
        closing, tag = m.group(1), (m.group(2) or "").lower()
        if not tag:
            continue
        if li_list is not None:
            # Inside an item, nested lists and paragraphs are part of the item's text.
            if tag in _LISTS:
                nested += -1 if closing else 1
                if nested >= 0:
                    buffer.append(" ")
                    continue
                nested = 0
            elif tag == "li" and nested > 0:
                buffer.append(" ")
                continue
            elif tag in _BLOCK:
                buffer.append(" ")
                continue
            elif tag != "li":
                continue
            flush()
            li_list = None
            if tag == "li" and not closing:
                li_list = stack[-1] if stack else next_id
                continue
            if tag in _LISTS and stack:
                stack.pop()
            continue
        if tag in _LISTS:
            flush()
            if closing:
                if stack:
                    stack.pop()
            else:
                next_id += 1
                stack.append(next_id)
        elif tag == "li":
            flush()
            if not closing:
                if not stack:
                    next_id += 1
                li_list = stack[-1] if stack else next_id
        elif tag in _BLOCK:
            flush()
    tail = _unescape(raw[pos:])
    if tail:
        buffer.append(tail)
        if stack and li_list is None and tail.strip():
            typed_in_list = True
    flush()
    malformed = bool(typed_in_list or stack)
    return [s for s in segments if s.text.strip()], malformed


def _unescape(text: str) -> str:
    """Return text with its character references decoded (most pieces of a description have none)."""
    return html.unescape(text) if "&" in text else text


def _marker_matches(text: str) -> list[tuple[int, int, int, str]]:
    """Return (start, end, number, mark) of every typed list marker, in order.

    The scan looks for the marks ('.' or ')') with what must follow them, then takes the one or
    two digits before each: a marker always ends at its mark, and the digits before one mark
    cannot belong to an earlier marker.
    """
    found = []
    for mark_re in _MARK_RES:
        for m in mark_re.finditer(text):
            end = m.start()
            start = end - 2 if end > 1 and text[end - 2].isdecimal() else end - 1
            found.append((start, end + 1, int(text[start:end]), text[end]))
    found.sort()
    return found


def _markers(text: str, expect: int | None, style: str | None) -> list[tuple[int, int, int, str]]:
    """Return the typed list markers of a text segment that continue or start a list."""
    found = []
    for start, m_end, number, mark in _marker_matches(text):
        if start and (text[start - 1].isalnum() or text[start - 1] in "._," or not _after_sentence(text, start)):
            continue
        if expect is not None and number == expect and mark == style:
            found.append((start, m_end, number, mark))
            expect += 1
        elif number == 1 and (
            _opens(text[:start]) or _SECOND_MARKER[mark].search(text, m_end)
        ):
            found.append((start, m_end, number, mark))
            expect, style = 2, mark
    return found


def _opens(before: str) -> bool:
    """Return True when a '1.' after this text can open a list: at the start, or after a colon."""
    before = before.rstrip()
    return not before or before.endswith(":")


def _after_sentence(text: str, start: int) -> bool:
    """Return True when only the end of a sentence (or nothing) stands before position start."""
    k = start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    while k >= 0 and text[k] in _CLOSERS:
        k -= 1
    return k < 0 or text[k] in ".;:!?"


def _pieces(segments: list[_Segment]) -> list:
    """Return the description as a sequence of narrative strings and lists."""
    pieces: list = []
    current: _List | None = None
    expect: int | None = None
    style: str | None = None
    html_list: int | None = None
    for segment in segments:
        if segment.list_id is not None:
            text = clean(segment.text)
            if current is None or html_list != segment.list_id:
                current = _List([])
                pieces.append(current)
                html_list = segment.list_id
                expect = style = None
            current.items.append(_strip_marker(text, len(current.items) + 1))
            continue
        html_list = None
        text = segment.text
        bullet = _BULLET_RE.match(text)
        if bullet and (style in (None, "•")):
            if current is None or style != "•":
                current = _List([])
                pieces.append(current)
                style, expect = "•", None
            current.items.append(clean(text[bullet.end():]))
            continue
        if style == "•":
            current, style = None, None
        markers = _markers(text, expect, style)
        if not markers or markers[0][0] > 0 and text[:markers[0][0]].strip():
            head = text[:markers[0][0]] if markers else text
            if current is not None and current.items and not markers and _continues(current.items[-1], head):
                current.items[-1] = clean(f"{current.items[-1]} {head}")
                continue
            pieces.append(clean(head))
            current = None
            expect = style = None
        for k, (start, end, number, mark) in enumerate(markers):
            stop = markers[k + 1][0] if k + 1 < len(markers) else len(text)
            item = text[end:stop]
            if number == 1 or current is None:
                current = _List([])
                pieces.append(current)
            next_restarts = k + 1 < len(markers) and markers[k + 1][2] == 1
            if next_restarts:
                item, intro = _split_intro(item)
                current.items.append(clean(item))
                if intro:
                    pieces.append(clean(intro))
                current = None
            else:
                current.items.append(clean(item))
            expect, style = number + 1, mark
    return [p for p in pieces if (p.items if isinstance(p, _List) else p)]


def _continues(item: str, line: str) -> bool:
    """Return True when a line wraps the item before it rather than starting new text."""
    line = line.strip()
    return bool(line) and line[0].islower() and not item.rstrip().endswith((".", ";", ":", "!", "?"))


def _strip_marker(text: str, number: int) -> str:
    """Return an item's text without a typed number that repeats its position."""
    mark = str(number)
    after = len(mark) + 1  # past the number and its '.' or ')'
    if text.startswith(mark) and text[after - 1:after] in (".", ")") and text[after:after + 1].isspace():
        return text[after:].lstrip()
    return text


def _split_intro(item: str) -> tuple[str, str]:
    """Split the last item of a list from the line that introduces the next list, if any."""
    stripped = item.rstrip()
    if not stripped.endswith(":"):
        return item, ""
    breaks = list(_SENTENCE_BREAK.finditer(stripped))
    if not breaks:
        return item, ""
    cut = breaks[-1].end()
    return stripped[:cut], stripped[cut:]


def _classify(pieces: list) -> tuple[list[str], list[str], list[str]]:
    """Return objectives, results and narrative parts; lists are told apart by their intro."""
    objectives: list[str] = []
    results: list[str] = []
    narrative: list[str] = []
    lists: list[tuple[_List, str | None]] = []
    previous: str | None = None
    for piece in pieces:
        if isinstance(piece, _List):
            lists.append((piece, _kind_from_intro(previous) if previous else None))
            previous = None
        else:
            narrative.append(piece)
            previous = piece
    kinds = [kind for _l, kind in lists]
    for k, (items, kind) in enumerate(lists):
        if kind is None:
            if len(lists) == 2:
                other = kinds[1 - k]
                kind = {"objectives": "results", "results": "objectives"}.get(other) or (
                    "objectives" if k == 0 else "results")
            else:
                kind = "objectives" if _looks_like_objectives(items.items) else "results"
            kinds[k] = kind
        (objectives if kind == "objectives" else results).extend(items.items)
    return objectives, results, narrative


def _kind_from_intro(intro: str) -> str | None:
    """Return which list an introducing line announces, judging by its last words first."""
    tail = " ".join(intro.split()[-3:])
    for text in (tail, intro):
        if _RESULT_WORDS.search(text):
            return "results"
        if _OBJECTIVE_WORDS.search(text):
            return "objectives"
    return None


def _looks_like_objectives(items: list[str]) -> bool:
    """Return True when most items start with an infinitive ('Veicināt …'), as objectives do."""
    return sum(1 for item in items if _INFINITIVE.match(item)) * 2 > len(items)
