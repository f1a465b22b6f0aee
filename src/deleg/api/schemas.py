"""Types every router shares: money as a two-decimal string, and the error bodies."""
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import PlainSerializer

from deleg.core.money import money_str

# Money travels as a string with two decimals ("37500.00"), never a float. Input may be a string or an
# integer and stays a Decimal for the services; output is always written with both decimals.
MoneyIn = Annotated[
    Decimal, Field(max_digits=14, decimal_places=2, json_schema_extra={"examples": ["37500.00"]})
]
Money = Annotated[Decimal, PlainSerializer(money_str, return_type=str)]


class ErrorOut(Schema):
    """A refused write: messages per field ("__all__" for the whole object) and the first error's code."""

    errors: dict[str, list[str]]
    code: str


class DetailOut(Schema):
    detail: str


# What a single-object read and a write may answer besides success, for the OpenAPI description.
# Every status an operation may answer is documented, so clients (and schemathesis) can rely on it:
# 401 without credentials, 404 outside the caller's scope, 422 for input that does not parse.
PUBLIC_ERRORS = {422: ErrorOut}
READ_ERRORS = {404: DetailOut, 422: ErrorOut}
AUTH_READ_ERRORS = {401: DetailOut, 404: DetailOut, 422: ErrorOut}
WRITE_ERRORS = {401: DetailOut, 403: DetailOut, 404: DetailOut, 409: ErrorOut, 422: ErrorOut}


class RevisionIn(Schema):
    """The revision the client read; a save made from an older one is refused with 409."""

    revision: int
