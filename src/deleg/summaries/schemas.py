"""API shapes of published summaries: the register's list, a summary with its versions, one version."""
import datetime

from ninja import Field, Schema


class SummaryListOut(Schema):
    id: int
    version: int
    title: str
    region: str
    performer_name: str
    period_start: datetime.date | None
    period_end: datetime.date | None
    published_at: datetime.datetime

    @staticmethod
    def resolve_id(version):
        return version.summary_id

    @staticmethod
    def resolve_version(version):
        return version.number


class SummaryVersionRefOut(Schema):
    number: int
    published_at: datetime.datetime
    change_note: str


class SummaryVersionOut(SummaryVersionRefOut):
    summary: int
    content: dict = Field(description="The canonical summary JSON (deleg.summary/1); money as strings.")
    content_sha256: str
    source_file: str
    source_sha256: str

    @staticmethod
    def resolve_summary(version):
        return version.summary_id


class SummaryOut(Schema):
    id: int
    agreement: int | None
    latest: SummaryVersionOut
    versions: list[SummaryVersionRefOut] = Field(description="Every version, newest first.")

    @staticmethod
    def resolve_id(latest):
        return latest.summary_id

    @staticmethod
    def resolve_agreement(latest):
        return latest.summary.agreement_id

    @staticmethod
    def resolve_latest(latest):
        return latest

    @staticmethod
    def resolve_versions(latest):
        return latest.summary.versions.only("number", "published_at", "change_note").order_by("-number")


class FacetOut(Schema):
    value: str | int
    label: str | int
    count: int


class FacetsOut(Schema):
    region: list[FacetOut]
    year: list[FacetOut]
    delegator: list[FacetOut]
    performer: list[FacetOut]
    field: list[FacetOut]
    status: list[FacetOut]
