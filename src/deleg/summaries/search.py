"""Full-text search of published summaries: SQLite FTS5 embedded, PostgreSQL full-text in production.

Both index the same normalised text (lower case, Latvian diacritics removed), so "latgale" finds
"Latgalē" and "LATGALES" alike, and each query word matches as a prefix ("semin" finds "semināri").
"""
import re
import unicodedata

from django.db import connection

SQLITE_TABLE = "summaries_search"
WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c))))


def search_text(content: dict) -> str:
    """The words a register search looks in: title, task, performer, delegator, objectives, results."""
    parts = [content["title"], content["task"], content["performer"]["name"], content.get("delegator") or "",
             *content["objectives"], *(result["text"] for result in content["results"])]
    return normalise(" ".join(parts))


def query_words(query: str) -> list[str]:
    return normalise(query).split()[:12]


def index_version(version_id: int, text: str, *, using=connection) -> None:
    """Add a published version to the SQLite index; PostgreSQL indexes the column by itself."""
    if using.vendor == "sqlite":
        with using.cursor() as cursor:
            # A row left by a database flush (tests) must not answer for a new version with the same id.
            cursor.execute(f"DELETE FROM {SQLITE_TABLE} WHERE rowid = %s", [version_id])
            cursor.execute(f"INSERT INTO {SQLITE_TABLE}(rowid, body) VALUES (%s, %s)", [version_id, text])


def matching_ids_sql(words: list[str]) -> tuple[str, list]:
    """SQL selecting the ids of versions that contain every word (as a prefix), with its parameters."""
    if connection.vendor == "postgresql":
        return ("SELECT id FROM summaries_summaryversion "
                "WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', %s)",
                [" & ".join(f"{word}:*" for word in words)])
    return (f"SELECT rowid FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s",
            [" ".join(f'"{word}"*' for word in words)])
