"""Writes about proof of play."""

from django.db.models import Q

from core.protocol import Played
from playlists.models import Slide
from screens.fleet.models import Screen

from .models import PlayEvent


def play_events_record(*, screen: Screen, events: list[Played]) -> None:
    """Store proof of play once per event id; a slide the screen could not have shown is recorded without it."""
    ids = {event.slide for event in events}
    shown = Q(organisation_id=screen.organisation_id)
    if screen.playlist_id:
        shown |= Q(playlist_items__playlist_id=screen.playlist_id)
    if screen.layout_id:
        shown |= Q(playlist_items__playlist__layout_regions__layout_id=screen.layout_id)
    showable = Slide.objects.filter(pk__in=ids).filter(shown)
    titles = dict(showable.values_list("pk", "title"))
    PlayEvent.objects.bulk_create(
        [
            PlayEvent(
                screen=screen,
                event_id=event.id,
                slide_id=event.slide if event.slide in titles else None,
                slide_title=titles.get(event.slide, ""),
                started_at=event.started_at,
                duration=event.duration,
            )
            for event in events
        ],
        ignore_conflicts=True,
    )
