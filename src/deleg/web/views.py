from django.shortcuts import render

from deleg.agreements.selectors import agreement_public_list
from deleg.summaries.selectors import summary_latest_versions


def home(request):
    return render(request, "web/home.html", {
        "summaries": summary_latest_versions(),
        "agreements": agreement_public_list(),
    })
