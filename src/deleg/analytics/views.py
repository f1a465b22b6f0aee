"""The figures pages: /figures/ for everyone (published summaries), /dashboard/ for ministry staff (the register)."""
import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from deleg.analytics import pages
from deleg.analytics.selectors import (
    PUBLIC_SCOPE,
    Filters,
    Scope,
    figures_filter_choices,
    figures_filters,
    figures_scope,
)
from deleg.analytics.services import figures_refresh_if_stale

FILTER_LABELS = {
    "region": _("Region"), "year": _("Year"), "delegator": _("Delegator"), "performer": _("Performer"),
    "field": _("Field"), "kind": _("Agreement kind"), "status": _("Status"),
}


@require_safe
def figures(request):
    return _page(request, PUBLIC_SCOPE, "analytics/figures.html")


@require_safe
@login_required
def dashboard(request):
    return _page(request, figures_scope(actor=request.user), "analytics/dashboard.html")


def _page(request, scope: Scope, template: str):
    figures_refresh_if_stale()
    errors = {}
    try:
        filters = figures_filters(request.GET)
    except ValidationError as error:
        filters, errors = Filters(), {name: messages[0] for name, messages in error.message_dict.items()}
    if request.GET.get("format") == "csv":
        return _csv(scope, filters, request.GET.get("chart", ""))
    context = pages.page_figures(scope, filters)
    context |= {"filters": _filter_fields(scope, filters, request.GET, errors), "errors": errors,
                "query": filters.as_query()}
    return render(request, template, context, status=400 if errors else 200)


def _filter_fields(scope: Scope, filters: Filters, data, errors: dict) -> list[dict]:
    choices = figures_filter_choices(scope=scope)
    return [{"name": name, "label": label, "options": choices[name], "error": errors.get(name),
             "value": data.get(name, "") if name in errors else str(getattr(filters, name) or "")}
            for name, label in FILTER_LABELS.items()]


def _csv(scope: Scope, filters: Filters, name: str) -> HttpResponse:
    chart = pages.chart_for(name, scope, filters)
    if chart is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"deleg-{chart.name}.csv")
    writer = csv.writer(response)
    writer.writerows(chart.csv_rows())
    return response
