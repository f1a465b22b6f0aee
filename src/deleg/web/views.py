from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.defaults import page_not_found

from deleg.agreements.models import AgreementStatus
from deleg.agreements.selectors import agreement_public_list
from deleg.core.choices import Region
from deleg.summaries.selectors import RegisterFilters, register_facets, register_versions

PAGE_SIZE = 20
FACETS = [("region", _("Region")), ("year", _("Year")), ("delegator", _("Delegator")),
          ("performer", _("Performer")), ("field", _("Field")), ("status", _("Status"))]
CHOICE_LABELS = {"region": dict(Region.choices), "status": dict(AgreementStatus.choices)}
SORT_LABELS = [("newest", _("newest period first")), ("oldest", _("oldest period first")),
               ("title", _("by title")), ("performer", _("by performer"))]


def home(request):
    """The public register: search, facets, sorting and pages over the published summaries."""
    filters = RegisterFilters.from_query(request.GET)
    versions = register_versions(filters).select_related("summary__agreement__delegator")
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = register_facets(versions)
    facets = []
    for name, title in FACETS:
        labels = CHOICE_LABELS.get(name, {})
        chosen = str(getattr(filters, name) or "")
        items = [{**item, "label": labels.get(item["value"], item["label"]), "chosen": str(item["value"]) == chosen}
                 for item in counts[name]]
        facets.append({"name": name, "title": title, "items": items, "chosen": chosen})
    return render(request, "web/home.html", {
        "filters": filters, "page": page, "facets": facets, "sorts": SORT_LABELS,
        "active": [facet for facet in facets if facet["chosen"]],
    })


def agreements(request):
    return render(request, "web/agreements.html", {"agreements": agreement_public_list()})


def not_found(request, exception=None):
    """404 as JSON under /api/ (clients parse it), as a page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(_("Not found."))}, status=404)
    return page_not_found(request, exception)
