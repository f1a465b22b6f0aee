"""The full-text index: an FTS5 table on SQLite, a GIN expression index on PostgreSQL."""
from django.db import migrations


def create_index(apps, schema_editor):
    from deleg.summaries.search import SQLITE_TABLE, index_version, search_text

    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema_editor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_TABLE} USING fts5(body)")
    elif connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS summaries_version_search ON summaries_summaryversion "
            "USING GIN (to_tsvector('simple', search_text))"
        )
    # Versions published before the register existed get their search text, years and latest mark.
    Summary = apps.get_model("summaries", "Summary")
    SummaryVersion = apps.get_model("summaries", "SummaryVersion")
    SummaryYear = apps.get_model("summaries", "SummaryYear")
    for version in SummaryVersion.objects.all().iterator():
        text = search_text(version.content)
        SummaryVersion.objects.filter(pk=version.pk).update(search_text=text)
        index_version(version.pk, text, using=connection)
        if version.period_start and version.period_end and version.period_start <= version.period_end:
            SummaryYear.objects.bulk_create(
                SummaryYear(version=version, year=year)
                for year in range(version.period_start.year, version.period_end.year + 1)
            )
    for summary in Summary.objects.all():
        summary.latest = SummaryVersion.objects.filter(summary=summary).order_by("-number").first()
        summary.save(update_fields=["latest"])


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS summaries_search")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS summaries_version_search")


class Migration(migrations.Migration):
    dependencies = [("summaries", "0002_register")]
    operations = [migrations.RunPython(create_index, drop_index)]
