from collections.abc import Iterator

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry
from wagtailmedia.models import AbstractMedia

from .models import OrganisationOwned
from .selectors import organisations_of


def choices_limit(form: forms.BaseForm, organisations) -> None:
    """Every choice of something an organisation owns offers only what these organisations may use."""
    for field in form.fields.values():
        model = getattr(getattr(field, "queryset", None), "model", None)
        if model and issubclass(model, OrganisationOwned):
            field.queryset = model.objects.usable_by(organisations)
            if hasattr(field.widget, "usable"):
                field.widget.usable = field.queryset


# The names slide types give their image and video choosers, as they end the choosers' form field names.
CHOOSER_NAMES = ("image", "logo", "video")


def media_in(value) -> Iterator[AbstractImage | AbstractMedia]:
    """Every image and video chosen anywhere in a StreamField value."""
    if isinstance(value, AbstractImage | AbstractMedia):
        yield value
    elif isinstance(value, StreamValue | ListValue):
        for child in value:
            yield from media_in(getattr(child, "value", child))
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from media_in(child)


class OrganisationOwnedForm(WagtailAdminModelForm):
    """The form of an organisation-owned object: only the user's organisations, only what they may use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisations_of(user=self.for_user)
        self.fields["organisation"].queryset = organisations
        if not self.instance.pk and len(organisations) == 1:
            self.initial["organisation"] = organisations[0].pk
        children = [child for formset in self.formsets.values() for child in [*formset.forms, formset.empty_form]]
        for form in [self, *children]:
            choices_limit(form, organisations)

    def clean(self):
        cleaned_data = super().clean()
        # Image and video choosers inside a StreamField validate only that the file exists.
        for name, value in list(cleaned_data.items()):
            for chosen in media_in(value):
                # "change": wagtailmedia has no "choose" permission; its chooser offers what one may change.
                if not policy_registry.get_by_type(type(chosen)).user_has_any_permission_for_instance(
                    self.for_user, ["choose", "change"], chosen
                ):
                    self.add_error(name, self.refusal(chosen))
                    self.forget_choice(name, chosen.pk)
        return cleaned_data

    @staticmethod
    def refusal(chosen) -> str:
        if isinstance(chosen, AbstractImage):
            return _("Choose only images your organisation may use.")
        return _("Choose only videos your organisation may use.")

    def forget_choice(self, field_name: str, pk: int) -> None:
        """Take a refused choice out of the submitted data, so the form shown again does not show it."""
        self.data = self.data.copy()
        for key in [k for k in self.data if k.startswith(f"{field_name}-") and k.endswith(CHOOSER_NAMES)]:
            if self.data[key] == str(pk):
                self.data[key] = ""


class OrganisationForm(WagtailAdminModelForm):
    """A new organisation gets its own media collection when it is created (`OrganisationCreateAction`)."""
