"""The performer's activity log in the work area: add, change, delete, and import from a spreadsheet."""
import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from deleg.activities import services
from deleg.activities.forms import ActivityForm, SpreadsheetForm
from deleg.activities.models import Activity
from deleg.activities.selectors import activity_get
from deleg.activities.spreadsheet import SpreadsheetUnreadable
from deleg.agreements.views_work import get_agreement_or_404
from deleg.core.forms import add_service_errors
from deleg.organizations.permissions import can

IMPORT_SESSION_KEY = "deleg_activity_import"


def _editable_agreement(request, pk):
    agreement = get_agreement_or_404(request, pk)
    if not can(request.user, "activity.edit", agreement):
        raise PermissionDenied
    return agreement


def _get_activity(request, pk) -> Activity:
    try:
        activity = activity_get(actor=request.user, pk=pk)
    except Activity.DoesNotExist:
        raise Http404 from None
    if not can(request.user, "activity.edit", activity.agreement):
        raise PermissionDenied
    return activity


def _back(agreement) -> str:
    return reverse("agreements:work_detail", args=[agreement.pk]) + "#activities"


@login_required
def create(request, pk: int):
    agreement = _editable_agreement(request, pk)
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_log(actor=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The activity was added."))
            return redirect(_back(agreement))
    return render(request, "web/form_page.html", {
        "form": form, "title": _("New activity"), "caption": agreement.title, "back_url": _back(agreement)})


@login_required
def edit(request, pk: int):
    activity = _get_activity(request, pk)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(actor=request.user, activity=Activity.objects.get(pk=pk), **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(_back(activity.agreement))
    return render(request, "web/form_page.html", {
        "form": form, "title": _("Edit activity"), "caption": activity.agreement.title,
        "back_url": _back(activity.agreement)})


@login_required
@require_POST
def delete(request, pk: int):
    activity = _get_activity(request, pk)
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("The activity was deleted."))
    return redirect(_back(activity.agreement))


@login_required
def import_spreadsheet(request, pk: int):
    """Upload → every bad row listed, nothing stored → the person may store the good rows only."""
    agreement = _editable_agreement(request, pk)
    form = SpreadsheetForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.pop(IMPORT_SESSION_KEY, None)
        if not pending or pending["agreement"] != agreement.pk:
            messages.error(request, _("The upload has expired; upload the file again."))
            return redirect(reverse("activities:import", args=[pk]))
        result = services.activities_import(actor=request.user, agreement=agreement, filename=pending["name"],
                                            data=base64.b64decode(pending["data"]), store_good_rows=True)
        return _imported(request, agreement, result.stored)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            result = services.activities_import(actor=request.user, agreement=agreement, data=data,
                                                filename=upload.name)
        except SpreadsheetUnreadable as error:
            form.add_error("file", str(error))
        else:
            if not result.errors:
                return _imported(request, agreement, result.stored)
            request.session[IMPORT_SESSION_KEY] = {"agreement": agreement.pk, "name": upload.name,
                                                   "data": base64.b64encode(data).decode()}
    return render(request, "activities/import.html", {"agreement": agreement, "form": form, "result": result,
                                                      "back_url": _back(agreement)})


def _imported(request, agreement, count: int):
    messages.success(request, ngettext("%(n)s activity was stored.", "%(n)s activities were stored.", count)
                     % {"n": count})
    return redirect(_back(agreement))
