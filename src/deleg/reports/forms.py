from django import forms
from django.utils.translation import gettext_lazy as _

from deleg.core.forms import DateInput, MoneyField
from deleg.reports.models import ReportKind


class ReportNewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices)
    period_start = forms.DateField(label=_("Period start"), widget=DateInput())
    period_end = forms.DateField(label=_("Period end"), widget=DateInput())


class ReportEditForm(forms.Form):
    """The report's text, spending for each year and any indicator value entered by hand (with its reason)."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    narrative = forms.CharField(label=_("Description and evaluation of the results"), required=False,
                                widget=forms.Textarea(attrs={"rows": 6}))
    other_information = forms.CharField(label=_("Other information"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.years = sorted(set(report.agreement.years()) | set(report.agreement.budget_lines.values_list("year", flat=True))
                            | set(report.spending.values_list("year", flat=True)))
        spent = dict(report.spending.values_list("year", "spent"))
        for year in self.years:
            self.fields[f"spent_{year}"] = MoneyField(label=_("Spent in %(year)s, EUR") % {"year": year},
                                                      required=False, initial=spent.get(year))
        self.values = list(report.indicator_values.select_related("indicator").order_by(
            "indicator__objective__position", "indicator__position"))
        for value in self.values:
            name = value.indicator.name
            self.fields[f"override_{value.indicator_id}"] = forms.IntegerField(
                label=_("%(indicator)s: value by hand") % {"indicator": name}, min_value=0, required=False,
                initial=value.override, help_text=_("Computed from the activity log: %(n)s. Leave empty to use it.")
                % {"n": value.computed})
            self.fields[f"reason_{value.indicator_id}"] = forms.CharField(
                label=_("%(indicator)s: reason") % {"indicator": name}, required=False, initial=value.override_reason)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "revision": data["revision"],
            "narrative": data["narrative"],
            "other_information": data["other_information"],
            "spending": {year: data[f"spent_{year}"] for year in self.years if data.get(f"spent_{year}") is not None},
            "overrides": {v.indicator_id: (data.get(f"override_{v.indicator_id}"), data.get(f"reason_{v.indicator_id}", ""))
                          for v in self.values},
        }


class RevisionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class ReviewForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    evaluation = forms.CharField(label=_("Evaluation"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    comments = forms.CharField(label=_("Comments to the performer (needed to return the report)"), required=False,
                               widget=forms.Textarea(attrs={"rows": 3}))
    non_compliant_amount = MoneyField(label=_("Non-compliant expenditure, EUR"), required=False)
    non_compliant_description = forms.CharField(label=_("Description of the non-compliant expenditure"),
                                                required=False, widget=forms.Textarea(attrs={"rows": 2}))
    recovered_amount = MoneyField(label=_("Recovered, EUR"), required=False)


class PublishForm(forms.Form):
    change_note = forms.CharField(label=_("What this version changes"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Needed when the summary has been published before."))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Supporting document"),
                           help_text=_("PDF, DOCX, XLSX, ODT, ODS, JPG or PNG, up to 10 MB."))
