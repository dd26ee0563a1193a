"""Campaigns as screens get them: each screen's campaign track and the playlists it names.

Documents are built once per distinct set of campaigns, whatever the number of screens sharing it, and
resolved from the start of the local day, so a version changes with content and once a day, not per build.
"""

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from core import timeline
from core.campaign_targets import CampaignTargets, ScreenPlace, screen_campaigns
from core.protocol import encode
from core.timeline_payload import HORIZON, day_start, track_payload
from playlists.models import PlaylistItem
from playlists.payloads import content_version, playlist_payload
from screens.fleet.models import Screen, ScreenGroup

from .models import Campaign

TARGETS = {"screens": "screen_id", "groups": "screengroup_id", "locations": "location_id"}


def campaigns_document(
    campaigns: Sequence[timeline.Campaign], payloads: Mapping[int, dict], *, day: datetime, zone: ZoneInfo
) -> dict:
    """{"version", "track", "playlists"}: the intervals where a campaign plays over the horizon from `day`
    (a local day's start), and the payload of each playlist they name."""
    resolved = timeline.timeline_resolve(regions={}, campaigns=campaigns, now=day, horizon=HORIZON, zone=zone)
    track = track_payload(resolved.campaigns, campaigns=True)
    playing = dict.fromkeys(pk for row in track for pk in row["playlists"])
    content = {"track": track, "playlists": {str(pk): payloads[pk] for pk in playing}}
    return {"version": content_version(content), **content}


def campaigns_meeting(
    *, organisation_ids: set[int], since: datetime, until: datetime
) -> tuple[list[CampaignTargets], dict[int, dict]]:
    """The campaigns of these organisations that meet [since, until) with a published playlist, with their
    targets, and the payload of each of their playlists: five queries, one when there is none."""
    rows = list(
        Campaign.objects.filter(
            organisation_id__in=organisation_ids, ends__gt=since, starts__lt=until, playlist__live=True
        ).select_related("playlist")
    )
    if not rows:
        return [], {}
    targets = {name: defaultdict(set) for name in TARGETS}
    for name, column in TARGETS.items():
        through = getattr(Campaign, name).through.objects.filter(campaign_id__in=[row.pk for row in rows])
        for campaign_id, target_id in through.values_list("campaign_id", column):
            targets[name][campaign_id].add(target_id)
    slides = PlaylistItem.objects.live_slides({row.playlist_id for row in rows})
    payloads = {
        row.playlist_id: playlist_payload(
            playlist_id=row.playlist_id, title=row.playlist.title, slides=slides[row.playlist_id]
        )
        for row in rows
    }
    campaigns = [
        CampaignTargets(
            timeline.Campaign(row.pk, row.playlist_id, row.starts, row.ends, row.priority),
            row.organisation_id,
            **{name: frozenset(targets[name][row.pk]) for name in TARGETS},
        )
        for row in rows
    ]
    return campaigns, payloads


def campaign_documents(*, screens: Q, now: datetime | None = None) -> list[tuple[list[int], dict]]:
    """The screens chosen, grouped by their campaigns document (one per distinct set of campaigns, resolved
    from the start of the day of `now`): [(screen ids, document)]. Six queries with campaigns, one without."""
    zone = ZoneInfo(settings.TIME_ZONE)
    day = day_start(now or timezone.now(), zone)
    places = list(Screen.objects.filter(screens).values_list("pk", "organisation_id", "location_id"))
    if not places:
        return []
    campaigns, payloads = campaigns_meeting(
        organisation_ids={organisation_id for _, organisation_id, _ in places}, since=day, until=day + HORIZON
    )
    groups = screen_groups(screen_ids=[pk for pk, _, _ in places], group_ids={pk for c in campaigns for pk in c.groups})
    sharing = defaultdict(list)
    for pk, organisation_id, location_id in places:
        place = ScreenPlace(pk, organisation_id, location_id, groups.get(pk, frozenset()))
        sharing[screen_campaigns(place, campaigns, ending_after=day)].append(pk)
    return [
        (screen_ids, campaigns_document(chosen, payloads, day=day, zone=zone)) for chosen, screen_ids in sharing.items()
    ]


def campaign_editions(*, screens: Q, now: datetime | None = None) -> list[dict]:
    """Each paired screen chosen with its campaigns document, one per distinct set of campaigns:
    [{"screens": [ids], "version", "text" (the encoded `campaigns` message), "built_at"}].

    Two queries without campaigns, seven with, however many screens."""
    built_at = time.time()
    return [
        {
            "screens": screen_ids,
            "version": document["version"],
            "text": encode({"type": "campaigns", "campaigns": document}),
            "built_at": built_at,
        }
        for screen_ids, document in campaign_documents(screens=screens & Q(token_hash__isnull=False), now=now)
    ]


def screen_groups(*, screen_ids: list[int], group_ids: set[int]) -> dict[int, frozenset[int]]:
    """Which of these groups each screen belongs to: one query, none without groups."""
    if not group_ids:
        return {}
    members = defaultdict(set)
    rows = ScreenGroup.screens.through.objects.filter(screengroup_id__in=group_ids, screen_id__in=screen_ids)
    for group_id, screen_id in rows.values_list("screengroup_id", "screen_id"):
        members[screen_id].add(group_id)
    return {screen_id: frozenset(group_ids) for screen_id, group_ids in members.items()}


def current_campaigns(*, now: datetime | None = None) -> QuerySet[Campaign]:
    """Campaigns in today's documents or later ones: those ending after the start of the local day."""
    return Campaign.objects.filter(ends__gt=day_start(now or timezone.now(), ZoneInfo(settings.TIME_ZONE)))


def screens_targeted_by(*, campaigns: QuerySet[Campaign]) -> set[int]:
    """The screens these campaigns name, directly, through a group or through their location: one query."""
    ids = campaigns.values("pk")
    named = Q(campaigns__in=ids) | Q(groups__campaigns__in=ids) | Q(location__campaigns__in=ids)
    return set(Screen.objects.filter(named).values_list("pk", flat=True).distinct())
