"""Where a slide or playlist is in its publishing life, as the admin listings show it."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision


def publishing_status(
    *,
    live: bool,
    expired: bool,
    has_unpublished_changes: bool,
    scheduled_at: datetime | None,
    expire_at: datetime | None,
) -> str:
    """Draft, scheduled, live or expired, with what an editor must know next: a pending date or draft changes.
    `scheduled_at` is when an approved revision goes live (Wagtail's `publish_scheduled` publishes it)."""
    if not live:
        if expired:
            return _("Expired")
        if scheduled_at:
            return _("Scheduled for %(date)s") % {"date": short(scheduled_at)}
        return _("Draft")
    if scheduled_at:
        return _("Live, changes scheduled for %(date)s") % {"date": short(scheduled_at)}
    if has_unpublished_changes:
        return _("Live, with draft changes")
    if expire_at:
        return _("Live until %(date)s") % {"date": short(expire_at)}
    return _("Live")


def short(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def with_scheduled_at(queryset: QuerySet) -> QuerySet:
    """Annotate `scheduled_at`: when each object's approved scheduled revision goes live, in the same query."""
    scheduled = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(queryset.model),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        approved_go_live_at__isnull=False,
    ).order_by("-created_at", "-id")
    return queryset.annotate(scheduled_at=Subquery(scheduled.values("approved_go_live_at")[:1]))


def status_of(obj) -> str:
    """The status of an object from a `with_scheduled_at` queryset."""
    return publishing_status(
        live=obj.live,
        expired=obj.expired,
        has_unpublished_changes=obj.has_unpublished_changes,
        scheduled_at=obj.scheduled_at,
        expire_at=obj.expire_at,
    )
