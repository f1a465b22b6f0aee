from django import forms
from django.utils.translation import gettext_lazy as _

from deleg.activities.models import Activity
from deleg.core.forms import DateInput

# Spreadsheets larger than this are not activity logs; refusing them early protects the server.
MAX_SPREADSHEET_BYTES = 2 * 1024 * 1024


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["type", "date", "title", "municipality", "participants", "organizations", "minority_focus", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        # The service validates against the agreement (its period) after checking the person's role.
        pass


class SpreadsheetForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_("Columns: Datums, Veids, Nosaukums, Pašvaldība, Dalībnieki, Organizācijas, Mazākumtautību fokuss, Piezīmes."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_SPREADSHEET_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."), code="too_large")
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Upload an XLSX or CSV file."), code="file_type")
        return upload
