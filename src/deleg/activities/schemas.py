"""API shapes of the activity log and of a spreadsheet import's outcome."""
import datetime

from ninja import Field, Schema


class ActivityIn(Schema):
    type: str = Field(description="seminar, training, consultation, outreach_consultation, publication, "
                                  "intercultural_event, discussion, forum, festival or other")
    date: datetime.date
    title: str
    municipality: str = ""
    participants: int = Field(0, ge=0)
    organizations: int = Field(0, ge=0)
    minority_focus: bool = False
    notes: str = ""


class ActivityOut(Schema):
    id: int
    agreement: int
    type: str
    date: datetime.date
    title: str
    municipality: str
    participants: int
    organizations: int
    minority_focus: bool
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_agreement(activity):
        return activity.agreement_id


class RowErrorOut(Schema):
    row: int = Field(description="Row number in the spreadsheet; the header is row 1.")
    field: str
    message: str


class ActivityImportOut(Schema):
    valid_rows: int
    stored: int = Field(description="0 when the file had errors and store_good_rows was not set.")
    errors: list[RowErrorOut]

    @staticmethod
    def resolve_valid_rows(result):
        return len(result.good)
