"""`deleg figures`: the figures table on the terminal (rich) or as CSV; the work is in the selectors."""
import csv
import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from deleg.analytics.charts import show
from deleg.analytics.models import Source
from deleg.analytics.selectors import COUNT_KINDS, GROUPS, Scope, figures_filters, figures_table
from deleg.analytics.services import figures_refresh_if_stale
from deleg.core.money import money_str

MONEY = ("planned", "spent", "unstated")


def cli_figures(*, by: str, filters: list[str], as_csv: bool, source: str, out=None) -> int:
    """Print the figures grouped by the named dimensions; exit status 2 for a bad filter or grouping."""
    groups = tuple(name.strip() for name in by.split(",") if name.strip())
    try:
        pairs = dict(_pair(item) for item in filters)
        unknown = sorted(set(pairs) - set(GROUPS))
        if unknown:
            raise ValidationError({name: ValidationError("unknown filter", code="invalid") for name in unknown})
        applied = figures_filters(pairs)
        figures_refresh_if_stale()
        with translation.override(settings.LANGUAGE_CODE):
            rows = figures_table(scope=Scope(source), filters=applied, by=groups)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            print(f"deleg figures: {name}: {' '.join(messages)}", file=sys.stderr)
        return 2
    out = out or sys.stdout
    if as_csv:
        _print_csv(rows, groups, out)
    else:
        with translation.override(settings.LANGUAGE_CODE):
            _print_table(rows, groups, source, out)
    return 0


def _pair(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep:
        raise ValidationError({item: ValidationError("expected name=value", code="invalid")})
    return name.strip(), value.strip()


def _print_csv(rows: list[dict], groups: tuple[str, ...], out) -> None:
    writer = csv.writer(out)
    writer.writerow([*groups, *MONEY, "rate", *COUNT_KINDS])
    for row in rows:
        writer.writerow([
            *["" if row["key"][name] is None else row["key"][name] for name in groups],
            *[money_str(row[name]) or "" for name in MONEY],
            "" if row["rate"] is None else str(row["rate"]),
            *["" if row[kind] is None else row[kind] for kind in COUNT_KINDS],
        ])


def _print_table(rows: list[dict], groups: tuple[str, ...], source: str, out) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=_("Figures: %(source)s") % {"source": Source(source).label})
    table.add_column(" · ".join(groups) or _("Total"))
    headings = [_("planned, euro"), _("spent, euro"), _("role not stated, euro"), _("execution rate"),
                _("events"), _("participants"), _("organisations"), _("consultations"), _("publications"), _("groups")]
    for heading in headings:
        table.add_column(heading, justify="right")
    for row in rows:
        table.add_row(
            row["label"] if groups else _("Total"),
            *[show(row[name], money=True) for name in MONEY],
            show(row["rate"], percent=True),
            *[show(row[kind]) for kind in COUNT_KINDS],
        )
    Console(file=out, width=200).print(table)
