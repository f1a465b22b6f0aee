from django.http import Http404
from django.shortcuts import render

from deleg.agreements.models import Agreement
from deleg.agreements.selectors import agreement_public_detail


def detail(request, pk: int):
    try:
        agreement = agreement_public_detail(pk=pk)
    except Agreement.DoesNotExist:
        raise Http404 from None
    return render(request, "agreements/detail.html", {"agreement": agreement})
