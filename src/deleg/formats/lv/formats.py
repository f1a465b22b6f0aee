"""Latvian formats: Django's, with the date written as in official documents (12.08.2019.)."""
from django.conf.locale.lv.formats import *  # noqa: F403

DATE_FORMAT = "d.m.Y."
SHORT_DATE_FORMAT = "d.m.Y."
DATETIME_FORMAT = "d.m.Y. H:i"
SHORT_DATETIME_FORMAT = "d.m.Y. H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
# Typed dates are accepted with or without the closing dot, and in ISO form.
DATE_INPUT_FORMATS = ["%d.%m.%Y.", "%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
