"""Admin viewsets for what organisations own: every list, chooser and form scoped to the user's organisations."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import CreateView
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from core.errors import ServiceError

from .forms import OrganisationOwnedForm, choices_limit
from .selectors import organisations_of


class UsableOnlyMixin:
    """A chooser view that lists and returns only what the user's organisations may use."""

    def usable_objects(self):
        return self.model_class.objects.usable_by(organisations_of(user=self.request.user))

    def get_object_list(self):
        return self.usable_objects()

    def get_object(self, pk):
        return self.usable_objects().get(pk=pk)

    def get_objects(self, pks):
        return self.usable_objects().filter(pk__in=pks)


class UsableOnlyChooser(AdminSnippetChooser):
    """Shows a chosen object only if the form's user may use it: a posted id of another organisation's
    object must not be rendered back with its title. `choices_limit` sets `usable`."""

    usable = None

    def get_instance(self, value):
        instance = super().get_instance(value)
        if instance is None or self.usable is None or self.usable.filter(pk=instance.pk).exists():
            return instance
        return None


class ChooseView(UsableOnlyMixin, chooser.ChooseView):
    pass


class ChooseResultsView(UsableOnlyMixin, chooser.ChooseResultsView):
    pass


class ChosenView(UsableOnlyMixin, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(UsableOnlyMixin, chooser.SnippetChosenMultipleView):
    pass


class OrganisationChooserViewSet(chooser.SnippetChooserViewSet):
    base_widget_class = UsableOnlyChooser
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class OrganisationFilterSet(WagtailFilterSet):
    """List filters offer only what the user's organisations may use."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices_limit(self.form, organisations_of(user=self.request.user))


ANY_ACTION = ["add", "change", "delete", "view", "publish", "lock", "unlock", "pair"]


class OwnOrganisationRequiredMixin:
    """Mixed into every view of the viewset: a view of one object (its URL names a pk) refuses, before it
    runs, an object outside the user's organisations. Wagtail's generic edit, history, revision, workflow
    and preview views check only model permissions, so this is where organisations are enforced."""

    def dispatch(self, request, *args, **kwargs):
        if "pk" in kwargs:
            obj = get_object_or_404(self.model._default_manager, pk=unquote(str(kwargs["pk"])))
            policy = policy_registry.get_by_type(self.model)
            if not policy.user_has_any_permission_for_instance(request.user, ANY_ACTION, obj):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RefusalsAsFormErrorsMixin:
    """Mixed into create and edit views: a refusal from the write path (a ServiceError from a model's
    save action, raised inside the view's transaction, so nothing was kept) shows as a form error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ServiceError as error:
            if isinstance(self, CreateView):
                form.instance.pk = None  # rolled back: still to be created
                form.instance._state.adding = True
            form.add_error(error.field if error.field in form.fields else None, error.message)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class OrganisationScopedViewSetMixin:
    def construct_view(self, view_class, **kwargs):
        mixins = (OwnOrganisationRequiredMixin,)
        if hasattr(view_class, "save_instance"):
            mixins += (RefusalsAsFormErrorsMixin,)
        scoped = type(view_class.__name__, (*mixins, view_class), {})
        return super().construct_view(scoped, **kwargs)


class OrganisationOwnedViewSet(OrganisationScopedViewSetMixin, SnippetViewSet):
    """For any `OrganisationOwned` snippet; object views are scoped by `OrganisationPermissionPolicy`."""

    chooser_viewset_class = OrganisationChooserViewSet
    base_form_class = OrganisationOwnedForm

    def get_queryset(self, request):
        actions = ["add", "change", "delete", "view"]
        return self.permission_policy.instances_user_has_any_permission_for(request.user, actions)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(base_filterset_class=OrganisationFilterSet, **kwargs)

    def get_edit_handler(self):
        panels = getattr(self, "panels", None) or self.model.panels
        return ObjectList(panels, base_form_class=self.base_form_class).bind_to_model(self.model)
