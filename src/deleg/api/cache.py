"""A small in-process cache of anonymous public API reads, dropped whenever the published data changes.

The register's public reads are the same for everyone and change only when a summary is published or
an agreement or organisation is edited: a cached answer is served while the register's "generation"
(the newest version id and edit times, one indexed query) is unchanged, and never longer than an hour.
"""
import threading
import time
from collections import OrderedDict

from django.db import connection
from django.utils.translation import get_language_from_request

CACHED_PREFIXES = ("/api/v1/summaries", "/api/v1/figures")
# Enough for every summary of a national register (a summary's answer is a few kilobytes).
MAX_ENTRIES = 32768
# The generation covers every change a cached read can show; the age limit only bounds surprises.
MAX_AGE_SECONDS = 3600
GENERATION_SQL = (
    "SELECT (SELECT MAX(id) FROM summaries_summaryversion), "
    "(SELECT MAX(updated_at) FROM agreements_agreement), (SELECT MAX(updated_at) FROM organizations_organization)"
)


def register_generation() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(GENERATION_SQL)
        return tuple(cursor.fetchone())


class PublicReadCache:
    """Middleware: answer a repeated anonymous GET of a public read from memory while the data is unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.entries: OrderedDict[str, tuple] = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, request):
        if not self._cacheable(request):
            return self.get_response(request)
        # Labels in an answer may follow the reader's language, so the language is part of the key.
        key = f"{get_language_from_request(request)} {request.get_full_path()}"
        generation = register_generation()
        with self.lock:
            entry = self.entries.get(key)
            if entry and entry[0] == generation and time.monotonic() - entry[1] < MAX_AGE_SECONDS:
                self.entries.move_to_end(key)
                return entry[2]
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            with self.lock:
                self.entries[key] = (generation, time.monotonic(), response)
                self.entries.move_to_end(key)
                while len(self.entries) > MAX_ENTRIES:
                    self.entries.popitem(last=False)
        return response

    @staticmethod
    def _cacheable(request) -> bool:
        return (
            request.method == "GET"
            and request.path.startswith(CACHED_PREFIXES)
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.COOKIES
        )
