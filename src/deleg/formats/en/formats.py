"""English formats for deleg: day-first dates as in the Latvian documents, in English style."""
from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "d/m/Y"
