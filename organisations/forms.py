from collections.abc import Iterator

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry

from .models import OrganisationOwned
from .selectors import organisations_of
from .services import organisation_collection_create


def choices_limit(form: forms.BaseForm, organisations) -> None:
    """Every choice of something an organisation owns offers only what these organisations may use."""
    for field in form.fields.values():
        model = getattr(getattr(field, "queryset", None), "model", None)
        if model and issubclass(model, OrganisationOwned):
            field.queryset = model.objects.usable_by(organisations)
            if hasattr(field.widget, "usable"):
                field.widget.usable = field.queryset


def images_in(value) -> Iterator[AbstractImage]:
    """Every image chosen anywhere in a StreamField value."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue | ListValue):
        for child in value:
            yield from images_in(getattr(child, "value", child))
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from images_in(child)


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
        # Image choosers inside a StreamField validate only that the image exists.
        for name, value in list(cleaned_data.items()):
            for image in images_in(value):
                if not policy_registry.get_by_type(type(image)).user_has_permission_for_instance(
                    self.for_user, "choose", image
                ):
                    self.add_error(name, _("Choose only images your organisation may use."))
                    self.forget_choice(name, image.pk)
        return cleaned_data

    def forget_choice(self, field_name: str, pk: int) -> None:
        """Take a refused image out of the submitted data, so the form shown again does not show it."""
        self.data = self.data.copy()
        for key in [k for k in self.data if k.startswith(f"{field_name}-") and k.endswith("image")]:
            if self.data[key] == str(pk):
                self.data[key] = ""


class OrganisationForm(WagtailAdminModelForm):
    """A new organisation gets its own media collection."""

    @transaction.atomic
    def save(self, commit=True):
        if self.instance.pk is None:
            self.instance.collection = organisation_collection_create(name=self.instance.name)
        return super().save(commit=commit)
