"""Counts and percentages the Latvian way (1 234; 62,5 %), beside core's `eur` and `lvdate`."""
from django import template

from deleg.analytics.charts import show

register = template.Library()


@register.filter
def number(value):
    return show(value)


@register.filter
def percent(value):
    return show(value, percent=True)


@register.filter
def change(value):
    """A change in percent with its sign (+12,5 %); a change that cannot be computed is a dash."""
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + show(value, percent=True)
