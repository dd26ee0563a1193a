"""What follows when a playlist is no longer shared with an organisation."""

from core.content_keys import layout_key
from playlists.models import Playlist
from screens.campaigns.models import Campaign
from screens.fleet.models import Screen
from screens.layouts.models import LayoutRegionPlaylist
from screens.layouts.pushes import push_contents_on_commit
from screens.live import reload_screen_on_commit


def screens_unshared_detach(*, playlist_ids: set[int]) -> None:
    """Screens, layouts and campaigns of organisations a playlist is no longer shared with stop showing it."""
    for playlist in Playlist.objects.filter(pk__in=playlist_ids):
        allowed = {playlist.organisation_id, *playlist.shared_with.values_list("pk", flat=True)}
        stale = Screen.objects.filter(playlist=playlist).exclude(organisation_id__in=allowed)
        for screen_id in list(stale.values_list("pk", flat=True)):
            reload_screen_on_commit(screen_id)
        stale.update(playlist=None)
        placements = LayoutRegionPlaylist.objects.filter(playlist=playlist).exclude(layout__organisation_id__in=allowed)
        push_contents_on_commit({layout_key(pk) for pk in placements.values_list("layout_id", flat=True)})
        placements.delete()
        # Their screens are told by the campaigns' pre_delete signal.
        Campaign.objects.filter(playlist=playlist).exclude(organisation_id__in=allowed).delete()
