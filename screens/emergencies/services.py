"""Emergency messages ('break glass'): starting and ending one, screens acknowledging it, and its status.

The targeted screens are resolved once, at the start, and stored: that set is what every process's hub
delivers to, what acknowledgements are checked against, and the "M" of "acknowledged by N of M".
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from core import protocol
from organisations.models import Organisation
from organisations.selectors import organisation_ids_of
from screens.emergencies.models import Emergency, EmergencyAck
from screens.fleet.models import Location, Screen, ScreenGroup
from screens.live import EMERGENCY_GROUP, after_commit, send_to_group

EMERGENCY_STARTED = "infoscreen.emergency.start"
EMERGENCY_ENDED = "infoscreen.emergency.end"
START_PERMISSION = "screens.start_emergency"


@dataclass(frozen=True)
class Targets:
    """Whom an emergency message is for: an organisation's screens (None: every organisation's), all or some."""

    organisation: Organisation | None
    all_screens: bool
    locations: tuple[Location, ...] = ()
    groups: tuple[ScreenGroup, ...] = ()


def emergency_target_screens(*, targets: Targets) -> QuerySet[Screen]:
    """The paired screens an emergency message for these targets goes to (an unpaired one can show nothing)."""
    screens = Screen.objects.filter(token_hash__isnull=False)
    if targets.organisation is not None:
        screens = screens.filter(organisation=targets.organisation)
    if not targets.all_screens:
        screens = screens.filter(Q(location__in=targets.locations) | Q(groups__in=targets.groups)).distinct()
    return screens.order_by("name", "pk")


def emergency_event(emergency: Emergency, screen_ids: list[int]) -> dict:
    """What each process's hub receives: the frame to write, once encoded, and the screens to write it to."""
    if emergency.is_active:
        frame = protocol.emergency_frame(emergency_id=emergency.pk, heading=emergency.heading, text=emergency.text)
        return {"type": "emergency.start", "id": emergency.pk, "text": frame, "screens": screen_ids}
    return {
        "type": "emergency.end",
        "id": emergency.pk,
        "text": protocol.emergency_end_frame(emergency.pk),
        "screens": screen_ids,
    }


def emergency_start(
    *,
    targets: Targets,
    heading: str,
    text: str,
    user: AbstractBaseUser | None = None,
    start_key: uuid.UUID | None = None,
    now: datetime | None = None,
) -> Emergency:
    """Show the message on the targeted screens at once; logged. A repeated `start_key` returns the first one."""
    try:
        return _emergency_start(targets=targets, heading=heading, text=text, user=user, start_key=start_key, now=now)
    except IntegrityError:
        existing = Emergency.objects.filter(start_key=start_key).first() if start_key else None
        if existing is None:
            raise
        return existing


@transaction.atomic
def _emergency_start(*, targets, heading, text, user, start_key, now) -> Emergency:
    if start_key and (existing := Emergency.objects.filter(start_key=start_key).first()):
        return existing
    screen_ids = list(emergency_target_screens(targets=targets).values_list("pk", flat=True))
    emergency = Emergency.objects.create(
        organisation=targets.organisation,
        heading=heading,
        text=text,
        all_screens=targets.all_screens,
        started_at=now or timezone.now(),
        started_by=user,
        start_key=start_key,
    )
    emergency.locations.set(targets.locations)
    emergency.groups.set(targets.groups)
    Targeted = Emergency.screens.through
    Targeted.objects.bulk_create([Targeted(emergency=emergency, screen_id=pk) for pk in screen_ids], batch_size=1000)
    log(emergency, EMERGENCY_STARTED, user=user, timestamp=emergency.started_at, data={"screens": len(screen_ids)})
    after_commit(send_to_group, EMERGENCY_GROUP, emergency_event(emergency, screen_ids))
    return emergency


@transaction.atomic
def emergency_end(*, emergency: Emergency, user: AbstractBaseUser | None = None, now: datetime | None = None) -> bool:
    """Take the message off its screens, which return to their content; logged. False if it had ended already."""
    now = now or timezone.now()
    if not Emergency.objects.filter(pk=emergency.pk, ended_at__isnull=True).update(ended_at=now, ended_by=user):
        return False
    emergency.ended_at, emergency.ended_by = now, user
    log(emergency, EMERGENCY_ENDED, user=user, timestamp=now)
    screen_ids = list(emergency.screens.values_list("pk", flat=True))
    after_commit(send_to_group, EMERGENCY_GROUP, emergency_event(emergency, screen_ids))
    return True


def emergency_ack_record(*, emergency_id: int, screen_id: int, now: datetime | None = None) -> bool:
    """Record that the screen rendered the message, once; False if the message was never sent to this screen."""
    targeted = Emergency.screens.through.objects.filter(emergency_id=emergency_id, screen_id=screen_id)
    if not targeted.exists():
        return False
    emergency_acks_store({(emergency_id, screen_id): now or timezone.now()})
    return True


def emergency_acks_store(acks: dict[tuple[int, int], datetime]) -> None:
    """Store acks already known to be for targeted screens, {(emergency, screen): at}, in one insert;
    each is kept once."""
    rows = [EmergencyAck(emergency_id=e, screen_id=s, at=at) for (e, s), at in acks.items()]
    EmergencyAck.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def emergencies_active_events() -> list[dict]:
    """Every active emergency message as its hub event, from the database: two queries, whatever the fleet."""
    active = {emergency.pk: emergency for emergency in Emergency.objects.filter(ended_at__isnull=True)}
    targeted: dict[int, list[int]] = {pk: [] for pk in active}
    rows = Emergency.screens.through.objects.filter(emergency_id__in=active).values_list("emergency_id", "screen_id")
    for emergency_id, screen_id in rows:
        targeted[emergency_id].append(screen_id)
    return [emergency_event(emergency, targeted[pk]) for pk, emergency in active.items()]


def emergency_organisations(*, user) -> QuerySet[Organisation]:
    """The organisations whose screens the user may interrupt."""
    if not (user.is_active and user.has_perm(START_PERMISSION)):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(members=user)


def emergencies_visible(*, user) -> QuerySet[Emergency]:
    """What the user may follow and end: their organisations' messages; every organisation's only for superusers."""
    if not (user.is_active and user.has_perm(START_PERMISSION)):
        return Emergency.objects.none()
    if user.is_superuser:
        return Emergency.objects.all()
    return Emergency.objects.filter(organisation__in=organisation_ids_of(user=user))


def emergency_status(*, emergency: Emergency, missing_limit: int = 100) -> dict:
    """Acknowledged by N of M screens, and the screens that have not acknowledged (the first `missing_limit`)."""
    targeted = emergency.screens.count()
    acknowledged = EmergencyAck.objects.filter(emergency=emergency).count()
    missing = (
        emergency.screens.exclude(pk__in=EmergencyAck.objects.filter(emergency=emergency).values("screen_id"))
        .select_related("location")
        .order_by("name", "pk")[:missing_limit]
    )
    return {
        "id": emergency.pk,
        "active": emergency.is_active,
        "acknowledged": acknowledged,
        "targeted": targeted,
        "missing": [{"id": s.pk, "name": s.name, "location": s.location.name, "online": s.is_online} for s in missing],
        "missing_not_listed": max(0, targeted - acknowledged - missing_limit),
    }
