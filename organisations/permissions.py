"""Who may do what to which object: a role's model permissions, limited to the user's organisations."""

import wagtailmedia
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtailmedia import get_media_model, wagtail_hooks
from wagtailmedia import permissions as wagtailmedia_permissions

from .models import OrganisationOwned
from .selectors import organisation_collections, organisation_ids_of, organisations_of


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """For any `OrganisationOwned` model: the role says what (Django permissions), membership says where."""

    organisations_field = "organisation"

    def organisation_ids_for(self, instance) -> set[int]:
        return {instance.organisation_id}

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        return user.is_superuser or bool(self.organisation_ids_for(instance) & organisation_ids_of(user=user))

    def instances_user_has_any_permission_for(self, user, actions):
        if not (user.is_active and self.user_has_any_permission(user, actions)):
            return self.model._default_manager.none()
        if user.is_superuser:
            return self.model._default_manager.all()
        return self.model._default_manager.filter(**{f"{self.organisations_field}__in": organisation_ids_of(user=user)})

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        members = Q(organisations__in=self.organisation_ids_for(instance))
        return users.filter(Q(is_superuser=True) | members).distinct()


class OrganisationMembersPermissionPolicy(OrganisationPermissionPolicy):
    """For users: an Organisation admin manages the members of their organisations, never a superuser."""

    organisations_field = "organisations"

    def organisation_ids_for(self, instance) -> set[int]:
        return set(instance.organisations.values_list("pk", flat=True))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        # Managing someone who also belongs elsewhere would reach into the other organisations.
        escalates = not user.is_superuser and (
            instance.is_superuser or not self.organisation_ids_for(instance) <= organisation_ids_of(user=user)
        )
        return not escalates and super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser:
            return instances
        # One row per user, however many organisations they share.
        return self.model._default_manager.filter(pk__in=instances.values("pk"), is_superuser=False)


class OrganisationCollectionPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's media policy, with the collections a user may use given by organisation membership
    (the organisations' collections and those below) and the actions by the role's model permissions,
    instead of per-group collection permissions."""

    def _has_role_permission(self, user, actions):
        return any(user.has_perm(self._get_permission_name(action)) for action in actions)

    def _check_perm(self, user, actions, collection=None):
        if not (user.is_active and user.is_authenticated):
            return False
        if user.is_superuser:
            return True
        if not self._has_role_permission(user, actions):
            return False
        collections = organisation_collections(organisations=organisations_of(user=user))
        return collections.filter(pk=collection.pk).exists() if collection else collections.exists()

    def _collections_with_perm(self, user, actions):
        if not self._has_role_permission(user, actions):
            return Collection.objects.none()
        return organisation_collections(organisations=organisations_of(user=user))

    def _users_with_perm_filter(self, actions, collection=None):
        permissions = self._get_permission_objects_for_actions(actions)
        has_role = Q(groups__permissions__in=permissions) | Q(user_permissions__in=permissions)
        if collection is None:
            member = Q(organisations__isnull=False)
        else:
            member = Q(organisations__collection__in=collection.get_ancestors(inclusive=True))
        return Q(is_active=True) & (Q(is_superuser=True) | (has_role & member))


def register_permission_policies() -> None:
    # exact_class: takes precedence over the policies Wagtail's apps register for the same models.
    user_model = get_user_model()
    register_permission_policy(
        user_model, OrganisationMembersPermissionPolicy(user_model, auth_model="auth.User"), exact_class=True
    )
    for model in apps.get_models():
        if issubclass(model, OrganisationOwned):
            register_permission_policy(model, OrganisationPermissionPolicy(model))
    media = (
        (get_image_model(), "wagtailimages.Image"),
        (get_document_model(), "wagtaildocs.Document"),
        (get_media_model(), "wagtailmedia.Media"),
    )
    for model, auth_model in media:
        register_permission_policy(
            model,
            OrganisationCollectionPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user"),
            exact_class=True,
        )
    wagtailmedia_policy_use_registered()


def wagtailmedia_policy_use_registered() -> None:
    """wagtailmedia 0.19 builds its own policy in its views and hooks instead of asking Wagtail's registry
    (a TODO there until it drops Wagtail < 8): point those at the registered, organisation-scoped policy."""
    policy = policy_registry.get_by_type(get_media_model())
    wagtailmedia.get_permission_policy = wagtailmedia_permissions.get_permission_policy = lambda: policy
    wagtailmedia_permissions.permission_policy = wagtail_hooks.permission_policy = policy
    wagtail_hooks.MediaAdminURLFinder.permission_policy = policy
