"""Organisations (OS2display's tenants): every piece of content belongs to one, users to one or more."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, BaseLogEntry, Collection, Workflow
from wagtail.models.audit_log import ModelLogEntryManager
from wagtail.search import index


def theme_choice(help_text: str) -> models.ForeignKey:
    """The optional theme of an organisation, a location or a slide; deleting the theme empties it. By name:
    themes belong to organisations, so that app stands above this one."""
    return models.ForeignKey(
        "themes.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theme"),
        help_text=help_text,
    )


class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="organisations", blank=True, verbose_name=_("members")
    )
    # The organisation's images, documents and video live in this collection and those below it.
    collection = models.OneToOneField(
        Collection, on_delete=models.PROTECT, related_name="organisation", verbose_name=_("media collection")
    )
    approval_workflow = models.ForeignKey(
        Workflow,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approval workflow"),
        help_text=_("Slides and playlists must pass this workflow before screens show them. Empty: no approval."),
    )
    theme = theme_choice(
        _("For the organisation's screens, unless their location has a theme. Empty: the built-in theme.")
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        theme_owner_check(theme=self.theme, organisation_id=self.pk)


def theme_owner_check(*, theme, organisation_id: int | None) -> None:
    """A theme may be chosen only for something of the theme's own organisation."""
    if theme is not None and organisation_id is not None and theme.organisation_id != organisation_id:
        raise ValidationError({"theme": _("Choose a theme of the same organisation.")})


def organisation_owning(*, instance) -> Organisation | None:
    """The organisation an object belongs to: its own field; for a user their first organisation; for media
    the organisation of its collection."""
    if hasattr(instance, "organisation_id"):
        return instance.organisation
    if hasattr(instance, "organisations"):
        return instance.organisations.order_by("pk").first()
    collection = getattr(instance, "collection", None)
    if collection is None:
        return None
    return Organisation.objects.filter(collection__in=collection.get_ancestors(inclusive=True)).first()


class OrganisationOwnedQuerySet(models.QuerySet):
    def owned_by(self, organisations):
        return self.filter(organisation__in=organisations)

    def usable_by(self, organisations):
        """What these organisations may choose, e.g. put on a screen: their own; models that share widen it."""
        return self.owned_by(organisations)


class OrganisationOwned(models.Model):
    """Belongs to one organisation; `OrganisationPermissionPolicy` scopes every admin action by it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )

    objects = OrganisationOwnedQuerySet.as_manager()
    # For admin searches scoped to the user's organisations; models extend it with their own fields.
    search_fields = [index.FilterField("organisation_id")]

    class Meta:
        abstract = True


class OrganisationWorkflowMixin:
    """For WorkflowMixin models: the workflow is the owning organisation's, not the content type's."""

    def get_workflow(self):
        workflow = self.organisation.approval_workflow if self.organisation_id else None
        return workflow if workflow and workflow.active else None


class OrganisationApprovalTask(AbstractGroupApprovalTask):
    """Approval by members of the chosen groups who also belong to the task's organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="approval_tasks", verbose_name=_("organisation")
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["organisation"]

    def _user_in_groups(self, user):
        return super()._user_in_groups(user) and self.organisation.members.filter(pk=user.pk).exists()

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups in this organisation can approve this task")

    class Meta:
        verbose_name = _("organisation approval task")
        verbose_name_plural = _("organisation approval tasks")


class OrganisationLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        return super().log_action(instance, action, organisation=organisation_owning(instance=instance), **kwargs)

    def viewable_by_user(self, user):
        # Members read their organisations' whole history. (Not Wagtail's per-content-type check: it caches
        # its answer on the user, computed from whichever log model the report asks first.)
        return self.all() if user.is_superuser else self.filter(organisation__members=user)


class OrganisationLogEntry(BaseLogEntry):
    """The audit log of what organisations own: each organisation sees its own entries in the reports."""

    object_id = models.CharField(max_length=255, db_index=True)
    # Empty for what belongs to no one organisation (an emergency message to all): only superusers read those.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("organisation")
    )

    objects = OrganisationLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("organisation log entry")
        verbose_name_plural = _("organisation log entries")
