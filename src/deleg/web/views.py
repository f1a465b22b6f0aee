from django.shortcuts import render

from deleg.agreements.selectors import agreement_public_list


def home(request):
    return render(request, "web/home.html", {"agreements": agreement_public_list()})
