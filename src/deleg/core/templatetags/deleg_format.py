"""Template filters that format money and dates the Latvian way (37 500,00 euro; 12.08.2019.)."""
from decimal import Decimal

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from deleg.core import dates, money

register = template.Library()


def _lang() -> str:
    return "en" if (get_language() or "lv").startswith("en") else "lv"


@register.filter
def eur(value):
    """Money in the active language; an unknown amount says so instead of showing 0 (canonical JSON gives strings)."""
    if value is None or value == "":
        return _("not stated")
    return money.format_money(Decimal(str(value)), lang=_lang())


@register.filter
def lvdate(value):
    if not value:
        return _("not stated")
    return dates.format_date(value, lang=_lang())


@register.simple_tag(takes_context=True)
def url_with(context, name: str, value="") -> str:
    """This page's query string with one parameter set (or removed when empty), back on page 1."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value in ("", None):
        params.pop(name, None)
    else:
        params[name] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"
