from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, Workflow, WorkflowTask

from .models import Organisation, OrganisationApprovalTask

APPROVERS = "Publisher"


def organisation_collection_create(*, name: str) -> Collection:
    """The media collection of a new organisation, at the top of the collection tree."""
    return Collection.get_first_root_node().add_child(name=name)


@transaction.atomic
def organisation_create(*, name: str) -> Organisation:
    """A new organisation with its own media collection."""
    return Organisation.objects.create(name=name, collection=organisation_collection_create(name=name))


@transaction.atomic
def organisation_approval_require(*, organisation: Organisation) -> Workflow:
    """From now on the organisation's slides and playlists go live only once one of its Publishers approves."""
    if organisation.approval_workflow:
        return organisation.approval_workflow
    workflow = Workflow.objects.create(name=_("Approval: %(organisation)s") % {"organisation": organisation.name})
    task = OrganisationApprovalTask.objects.create(
        name=_("Approval by a publisher in %(organisation)s") % {"organisation": organisation.name},
        organisation=organisation,
    )
    task.groups.set(Group.objects.filter(name=APPROVERS))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    organisation.approval_workflow = workflow
    organisation.save(update_fields=["approval_workflow"])
    return workflow


def organisation_member_add(*, organisation: Organisation, user: AbstractBaseUser, roles: list[str]) -> None:
    """Make the user a member of the organisation with these roles (group names)."""
    organisation.members.add(user)
    user.groups.add(*Group.objects.filter(name__in=roles))
