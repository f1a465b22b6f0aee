"""Plain text as the canonical JSON holds it: tags removed, entities decoded, spaces collapsed."""
import html
import re

_TAG_RE = re.compile(r"<!--.*?(?:-->|$)|</?[a-zA-Z][^>]*>", re.S)
# Every run of whitespace, no-break and thin spaces included, is one space (str.split knows
# them all); soft hyphens and zero-width characters are not text at all.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def clean(text: str | None) -> str:
    """Return text with its whitespace collapsed to single spaces and trimmed."""
    if not text:
        return ""
    if not text.isprintable() and _INVISIBLE_RE.search(text):  # invisible characters are not printable
        text = _INVISIBLE_RE.sub("", text)
    return " ".join(text.split())


def plain(fragment: str | None) -> str:
    """Return the plain text of a cell that may hold HTML: tags dropped, entities decoded."""
    if not fragment:
        return ""
    if "<" in fragment:
        fragment = _TAG_RE.sub(" ", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    return clean(fragment)
