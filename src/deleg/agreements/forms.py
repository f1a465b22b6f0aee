from django import forms
from django.utils.translation import gettext_lazy as _

from deleg.activities.models import ActivityType
from deleg.agreements.models import Agreement, AgreementStatus, Indicator
from deleg.core.forms import DateInput, MoneyField
from deleg.organizations.models import Organization, OrganizationRole


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["kind", "number", "title", "task", "field", "region", "delegator", "performer", "legal_basis",
                  "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput(), "task": forms.Textarea(attrs={"rows": 3}),
                   "legal_basis": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, delegators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegator"].queryset = delegators
        self.fields["delegator"].required = True
        self.fields["delegator"].empty_label = None
        self.fields["performer"].queryset = Organization.objects.filter(role=OrganizationRole.PERFORMER)

    def _post_clean(self):
        # Validation is the service's (it checks the role, then the model); the form only parses input.
        pass


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=AgreementStatus.choices)


class ObjectiveForm(forms.Form):
    text = forms.CharField(label=_("Objective"), widget=forms.Textarea(attrs={"rows": 3}))


class IndicatorForm(forms.ModelForm):
    activity_types = forms.MultipleChoiceField(
        label=_("Activity types counted"), choices=ActivityType.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text=_("None chosen: every type counts."))

    class Meta:
        model = Indicator
        fields = ["objective", "name", "kind", "unit", "target", "baseline", "rule", "activity_types"]

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = agreement.objectives.all()
        self.fields["objective"].empty_label = None

    def _post_clean(self):
        pass


class BudgetLineForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    planned = MoneyField(label=_("Planned amount, EUR"))
