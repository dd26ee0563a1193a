from django import forms
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.models import AbstractDocument
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtailmedia.models import AbstractMedia

from .actions import OrganisationCreateAction
from .forms import OrganisationForm
from .media_views import media_usage
from .models import Organisation, OrganisationLogEntry, OrganisationOwned
from .selectors import organisation_ids_of


@hooks.register("register_actions")
def register_organisation_actions(registry):
    registry.register(Organisation, OrganisationCreateAction)


@hooks.register("register_log_actions")
def register_organisation_log(actions):
    # What organisations own is logged with its organisation, so each sees only its own history in the reports.
    for model in (OrganisationOwned, AbstractImage, AbstractDocument, AbstractMedia, get_user_model()):
        actions.register_model(model, OrganisationLogEntry)


class PermittedOnlyMixin:
    """An admin API endpoint that returns only the media the user may choose or change."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        permitted = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "change"])
        return super().get_queryset().filter(pk__in=permitted.values("pk"))


class PermittedImagesAPIViewSet(PermittedOnlyMixin, ImagesAdminAPIViewSet):
    pass


class PermittedDocumentsAPIViewSet(PermittedOnlyMixin, DocumentsAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=1)
def register_permitted_media_endpoints(router):
    # order=1: replaces the endpoints Wagtail's image and document apps register.
    router.register_endpoint("images", PermittedImagesAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAPIViewSet)


@hooks.register("register_admin_urls", order=-1)
def register_scoped_media_usage():
    # order=-1: resolved before wagtailmedia's own URL of the same path, which reverse() still names.
    return [path("media/usage/<int:media_id>/", media_usage, name="wagtailmedia_usage_scoped")]


@hooks.register("register_bulk_action", order=1)
class OrganisationDeleteBulkAction(DeleteBulkAction):
    """Snippet bulk delete that does not name another organisation's objects among those it may not delete."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        if issubclass(self.model, OrganisationOwned) and not self.request.user.is_superuser:
            own = organisation_ids_of(user=self.request.user)
            refused = context["items_with_no_access"]
            context["items_with_no_access"] = [obj for obj in refused if obj.organisation_id in own]
        return objects, context


class OrganisationViewSet(SnippetViewSet):
    """Organisations are made and given approval by superusers, under Settings."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    add_to_settings_menu = True
    list_display = ["name", "approval_workflow"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("approval_workflow"),
            FieldPanel("theme"),
            FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=OrganisationForm,
    )


register_snippet(OrganisationViewSet)
