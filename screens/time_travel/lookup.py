"""What a screen shows at a chosen moment: the same timeline a screen follows, looked up at that moment.

The manifest (and the campaigns) are built as the screen would receive them on that day, and the
moment is looked up with `timeline.at`; the admin page also plays them in the screen's own client
with its clock set to the moment, so the table and the picture come from one computation.
Content is as published now: a later publish, scheduled or not, is not foreseen.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from core.content_keys import screen_content_key
from core.timeline import at
from playlists.payloads import Manifest, placements_timeline
from screens.campaigns.documents import campaign_documents
from screens.campaigns.models import Campaign
from screens.fleet.models import Screen
from screens.layouts.manifest import content_manifest, content_placements


@dataclass(frozen=True)
class PlaylistAt:
    id: int
    title: str
    slides: list[dict]  # the playlist's slides live at the moment, as screens get them


@dataclass(frozen=True)
class RegionAt:
    name: str
    starts: datetime  # of the interval holding the moment: what the region plays does not change before...
    ends: datetime  # ...or after these (within the timeline's horizon)
    playlists: list[PlaylistAt]
    on_screen: dict | None  # the slide on screen if the region has looped without a break since `starts`


@dataclass(frozen=True)
class CampaignAt:
    """The campaign covering the screen at the moment: its own window may be longer than `starts`–`ends`
    when it queues behind or is interrupted by another."""

    title: str
    starts: datetime
    ends: datetime
    playlist: PlaylistAt


@dataclass(frozen=True)
class ScreenAt:
    moment: datetime
    layout: str  # the layout's name, the playlist's title, or "" for a screen with neither
    orientation: str  # the layout template's: landscape or portrait
    regions: list[RegionAt]  # what the layout plays, under the campaign if there is one
    campaign: CampaignAt | None
    manifest: Manifest
    campaigns: dict  # the screen's campaigns document for that day, as it receives it


def loop_position(durations: list[float], elapsed: float) -> int | None:
    """The index of the item on screen `elapsed` seconds into a loop of items lasting `durations`."""
    total = sum(durations)
    if not durations or total <= 0:
        return None
    offset = elapsed % total
    for index, duration in enumerate(durations):
        if offset < duration:
            return index
        offset -= duration
    return len(durations) - 1


def live_at(slide: dict, moment: datetime) -> bool:
    return slide["until"] is None or moment < datetime.fromisoformat(slide["until"])


def screen_at(screen: Screen, moment: datetime) -> ScreenAt:
    """What `screen` shows at `moment` (aware), by region."""
    template, placements = content_placements(
        screen_content_key(layout_id=screen.layout_id, playlist_id=screen.playlist_id)
    )
    manifest = content_manifest(template, placements, now=moment)
    playing = at(placements_timeline(template, placements, moment), moment.astimezone(ZoneInfo(settings.TIME_ZONE)))
    payloads = manifest.body["playlists"]
    regions = []
    for name in template.region_names():
        interval = playing.regions[name]
        playlists = [
            PlaylistAt(pk, payloads[str(pk)]["title"], [s for s in payloads[str(pk)]["slides"] if live_at(s, moment)])
            for pk in interval.playlist_ids
        ]
        loop = [slide for playlist in playlists for slide in playlist.slides]
        position = loop_position(
            [max(1, slide["duration"]) for slide in loop], (moment - interval.start).total_seconds()
        )
        regions.append(
            RegionAt(name, interval.start, interval.end, playlists, loop[position] if position is not None else None)
        )
    named = screen.layout or screen.playlist
    campaigns = screen_campaigns_document(screen, moment)
    return ScreenAt(
        moment,
        str(named) if named else "",
        template.orientation,
        regions,
        campaign_at(campaigns, moment),
        manifest,
        campaigns,
    )


def screen_campaigns_document(screen: Screen, moment: datetime) -> dict:
    documents = campaign_documents(screens=Q(pk=screen.pk), now=moment)
    return documents[0][1] if documents else {"version": "", "track": [], "playlists": {}}


def campaign_at(campaigns: dict, moment: datetime) -> CampaignAt | None:
    for row in campaigns["track"]:
        starts, ends = datetime.fromisoformat(row["from"]), datetime.fromisoformat(row["until"])
        if starts <= moment < ends:
            payload = campaigns["playlists"][str(row["playlists"][0])]
            slides = [slide for slide in payload["slides"] if live_at(slide, moment)]
            title = Campaign.objects.filter(pk=row["campaign"]).values_list("title", flat=True).first() or ""
            return CampaignAt(title, starts, ends, PlaylistAt(payload["id"], payload["title"], slides))
    return None
