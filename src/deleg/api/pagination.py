"""Limit/offset pagination shared by every list endpoint."""
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 100
# Beyond any register's size; larger numbers would overflow the database's integers.
MAX_OFFSET = 10_000_000


class Pagination(LimitOffsetPagination):
    """`?limit=&offset=`; a limit above 100 is refused (422) rather than silently cut."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
