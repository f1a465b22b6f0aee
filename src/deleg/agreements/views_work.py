"""The work area's agreement pages: ministries set agreements up, everyone follows their progress."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deleg.agreements import services
from deleg.agreements.forms import AgreementForm, BudgetLineForm, IndicatorForm, ObjectiveForm, StatusForm
from deleg.agreements.history import history_rows
from deleg.agreements.models import Agreement, AgreementStatus
from deleg.agreements.selectors import agreement_findings, agreement_get, agreement_work_list, indicator_progress
from deleg.core.forms import add_service_errors
from deleg.organizations.models import MemberRole, Organization
from deleg.organizations.permissions import can, organizations_with
from deleg.reports.selectors import report_inbox, report_list_for_agreement


def get_agreement_or_404(request, pk: int) -> Agreement:
    try:
        return agreement_get(actor=request.user, pk=pk)
    except Agreement.DoesNotExist:
        raise Http404 from None


@login_required
def home(request):
    ministries = organizations_with(request.user, {MemberRole.MINISTRY_ADMIN})
    return render(request, "agreements/work_home.html", {
        "rows": agreement_work_list(actor=request.user),
        "inbox": report_inbox(actor=request.user),
        "can_create": bool(ministries) or request.user.is_superuser,
    })


@login_required
def detail(request, pk: int):
    agreement = get_agreement_or_404(request, pk)
    user = request.user
    return render(request, "agreements/work_detail.html", {
        "agreement": agreement,
        "objectives": indicator_progress(agreement),
        "findings": agreement_findings(agreement),
        "activities": agreement.activities.all()[:50],
        "activity_count": agreement.activities.count(),
        "reports": report_list_for_agreement(actor=user, agreement=agreement),
        "history": history_rows(agreement, limit=30),
        "can_edit": can(user, "agreement.edit", agreement),
        "can_log": can(user, "activity.edit", agreement),
        "can_report": can(user, "report.edit", agreement),
        "status_form": StatusForm(initial={"status": agreement.status}),
        "next_statuses": [AgreementStatus(s) for s in services.TRANSITIONS[agreement.status]],
    })


def _delegators(user):
    if user.is_superuser:
        return Organization.objects.filter(role="delegator")
    return Organization.objects.filter(pk__in=organizations_with(user, {MemberRole.MINISTRY_ADMIN}))


@login_required
def create(request):
    delegators = _delegators(request.user)
    if not delegators.exists():
        raise PermissionDenied
    form = AgreementForm(request.POST or None, delegators=delegators)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("agreements:work_detail", agreement.pk)
    return render(request, "web/form_page.html", {
        "form": form, "title": _("New agreement"), "back_url": "/app/", "submit_label": _("Create agreement")})


@login_required
def edit(request, pk: int):
    agreement = get_agreement_or_404(request, pk)
    if not can(request.user, "agreement.edit", agreement):
        raise PermissionDenied
    form = AgreementForm(request.POST or None, instance=agreement, delegators=_delegators(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(actor=request.user, agreement=Agreement.objects.get(pk=pk), **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("agreements:work_detail", pk)
    return render(request, "web/form_page.html", {
        "form": form, "title": _("Edit agreement"), "caption": agreement.title,
        "back_url": agreement_url(agreement)})


def agreement_url(agreement) -> str:
    return reverse("agreements:work_detail", args=[agreement.pk])


@login_required
@require_POST
def set_status(request, pk: int):
    agreement = get_agreement_or_404(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.agreement_set_status(actor=request.user, agreement=agreement, status=form.cleaned_data["status"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("agreements:work_detail", pk)


def _sub_form(request, pk, form_class, save, title, form_kwargs):
    """A small form on an agreement (objective, indicator, budget line): parse, call the service, go back."""
    agreement = get_agreement_or_404(request, pk)
    if not can(request.user, "agreement.edit", agreement):
        raise PermissionDenied
    form = form_class(request.POST or None, **form_kwargs(agreement))
    if request.method == "POST" and form.is_valid():
        try:
            save(agreement, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("agreements:work_detail", pk)
    return render(request, "web/form_page.html", {
        "form": form, "title": title, "caption": agreement.title, "back_url": agreement_url(agreement)})


@login_required
def objective_new(request, pk: int):
    return _sub_form(request, pk, ObjectiveForm, lambda agreement, data: services.objective_add(
        actor=request.user, agreement=agreement, **data), _("New objective"), lambda agreement: {})


@login_required
def indicator_new(request, pk: int):
    return _sub_form(request, pk, IndicatorForm, lambda agreement, data: services.indicator_add(
        actor=request.user, **data), _("New indicator"), lambda agreement: {"agreement": agreement})


@login_required
def budget_line_new(request, pk: int):
    return _sub_form(request, pk, BudgetLineForm, lambda agreement, data: services.budget_line_set(
        actor=request.user, agreement=agreement, **data), _("Budget line"), lambda agreement: {})
