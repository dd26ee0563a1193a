"""A playlist's schedules in its edit form: repeats people choose, stored as RRULE text."""

from django import forms
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from core.schedule_rules import CUSTOM, KINDS, ORDINALS, WEEKLY, YEARLY, Repeat, RuleError, repeat_of, rule_of

WEEKDAY_CHOICES = list(WEEKDAYS.items())
ERROR_FIELDS = {WEEKLY: "weekdays", YEARLY: "month_day", CUSTOM: "custom_rule"}


class RepeatSelect(forms.RadioSelect):
    """The repeat's choices; its script hides the fields other repeats use."""

    class Media:
        js = ["playlists/js/schedule-form.js"]


class ScheduleForm(WagtailAdminModelForm):
    """Edits a `PlaylistSchedule`: the repeat's fields in, its `rule` out."""

    repeat = forms.ChoiceField(label=_("Repeats"), choices=list(KINDS.items()), initial=WEEKLY, widget=RepeatSelect)
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        initial=[0, 1, 2, 3, 4],
        widget=forms.CheckboxSelectMultiple,
    )
    ordinal = forms.TypedChoiceField(label=_("Which"), choices=list(ORDINALS.items()), coerce=int, initial=1)
    ordinal_weekday = forms.TypedChoiceField(
        label=_("Weekday of the month"), choices=WEEKDAY_CHOICES, coerce=int, initial=5
    )
    month_day = forms.IntegerField(label=_("Day"), min_value=1, max_value=31, initial=1, required=False)
    month = forms.TypedChoiceField(label=_("Month"), choices=list(MONTHS.items()), coerce=int, initial=1)
    custom_rule = forms.CharField(
        label=_("Rule"),
        required=False,
        max_length=255,
        help_text=_("An RFC 5545 RRULE, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU (every other Tuesday)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.rule:
            repeat = repeat_of(self.instance.rule)
            self.initial.update(
                repeat=repeat.kind,
                weekdays=list(repeat.weekdays) or self.fields["weekdays"].initial,
                ordinal=repeat.ordinal,
                ordinal_weekday=repeat.weekday,
                month=repeat.month,
                month_day=repeat.day,
                custom_rule=repeat.rule,
            )

    def clean(self):
        cleaned_data = super().clean()
        if "repeat" not in cleaned_data:
            return cleaned_data
        repeat = Repeat(
            kind=cleaned_data["repeat"],
            weekdays=tuple(cleaned_data.get("weekdays") or ()),
            ordinal=cleaned_data.get("ordinal", 1),
            weekday=cleaned_data.get("ordinal_weekday", 0),
            month=cleaned_data.get("month", 1),
            day=cleaned_data.get("month_day") or 1,
            rule=cleaned_data.get("custom_rule", ""),
        )
        try:
            # `rule` is not a form field, so the model form leaves it as set here.
            self.instance.rule = rule_of(repeat)
        except RuleError as error:
            self.add_error(ERROR_FIELDS[repeat.kind], str(error))
        return cleaned_data


class ScheduleInlinePanel(InlinePanel):
    """An InlinePanel whose child forms are `ScheduleForm`s."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = ScheduleForm
        return options


def schedule_panel() -> ScheduleInlinePanel:
    return ScheduleInlinePanel(
        "schedules",
        heading=_("When it plays"),
        label=_("Schedule"),
        help_text=_("Without a schedule the playlist plays whenever it is published. Times are local."),
        panels=[
            FieldPanel("repeat"),
            FieldPanel("weekdays"),
            FieldRowPanel([FieldPanel("ordinal"), FieldPanel("ordinal_weekday")]),
            FieldRowPanel([FieldPanel("month_day"), FieldPanel("month")]),
            FieldPanel("custom_rule"),
            FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
            FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        ],
    )
