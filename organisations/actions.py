"""Wagtail's create and edit actions, with what must follow a save in the same transaction.

Wagtail's admin views save through the action registered for the model (`register_actions`), and so do
the API and the importer: a model's side effects (pushes to screens, pairing) live in its actions, never
in a form's `save()`, so every way of writing has them.
"""

from django.db import transaction
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from .services import organisation_collection_create


class AfterSaveMixin:
    """`before_save()` reads what the save will change, `saved(instance)` follows it; a refusal raised in
    either (a ServiceError) rolls the whole change back."""

    def before_save(self) -> None:
        pass

    def saved(self, instance) -> None:
        raise NotImplementedError

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            self.before_save()
            instance = super().execute(skip_permission_checks=skip_permission_checks)
            self.saved(instance)
        return instance


def save_actions(model, mixin) -> tuple[type[CreateAction], type[EditAction]]:
    """The create and edit actions of `model`, with `mixin` (an AfterSaveMixin) applied."""
    return tuple(type(f"{model.__name__}{base.__name__}", (mixin, base), {}) for base in (CreateAction, EditAction))


class OrganisationCreateAction(AfterSaveMixin, CreateAction):
    """A new organisation gets its own media collection."""

    def before_save(self) -> None:
        if self.instance.collection_id is None:
            self.instance.collection = organisation_collection_create(name=self.instance.name)

    def saved(self, instance) -> None:
        pass
