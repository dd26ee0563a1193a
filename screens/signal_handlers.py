"""Translate content events into live pushes; the deciding is done by selectors and services."""

from django.db.models.signals import m2m_changed, pre_delete
from wagtail.signals import published, unpublished

from playlists.models import Playlist, Slide

from .content_keys import layout_key, playlist_key
from .live import push_contents_on_commit, reload_content_on_commit
from .models import Layout, Screen
from .selectors import contents_with_playlists, contents_with_slide, layouts_with_playlists
from .services import screen_deleted, screens_unshared_detach


def slide_changed(sender, instance, **kwargs):
    push_contents_on_commit(contents_with_slide(slide_id=instance.pk))


def playlist_changed(sender, instance, **kwargs):
    push_contents_on_commit(contents_with_playlists(playlist_ids={instance.pk}))


def playlist_deleted(sender, instance, **kwargs):
    # Its screens fall back to no playlist: they must move to another content group. Its layouts play on without it.
    reload_content_on_commit(playlist_key(instance.pk))
    push_contents_on_commit({layout_key(pk) for pk in layouts_with_playlists(playlist_ids={instance.pk})})


def layout_deleted(sender, instance, **kwargs):
    # Its screens fall back to their playlists: they must move to another content group.
    reload_content_on_commit(layout_key(instance.pk))


def playlist_unshared(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse and action in {"post_remove", "post_clear"}:
        screens_unshared_detach(playlist_ids={instance.pk})
    elif reverse and action == "pre_clear":
        # A clear from the organisation's side names no playlists: remember them before they go.
        instance._unshared_playlist_ids = set(instance.shared_playlists.values_list("pk", flat=True))
    elif reverse and action in {"post_remove", "post_clear"}:
        screens_unshared_detach(playlist_ids=pk_set or getattr(instance, "_unshared_playlist_ids", set()))


def screen_removed(sender, instance, **kwargs):
    screen_deleted(screen_id=instance.pk)


def register_signal_handlers():
    for signal in (published, unpublished):
        signal.connect(slide_changed, sender=Slide, dispatch_uid=f"slide-{id(signal)}")
        signal.connect(playlist_changed, sender=Playlist, dispatch_uid=f"playlist-{id(signal)}")
    # Deleting content removes its rows, so who was affected is asked before the delete.
    pre_delete.connect(slide_changed, sender=Slide, dispatch_uid="slide-deleted")
    pre_delete.connect(playlist_deleted, sender=Playlist, dispatch_uid="playlist-deleted")
    pre_delete.connect(layout_deleted, sender=Layout, dispatch_uid="layout-deleted")
    pre_delete.connect(screen_removed, sender=Screen, dispatch_uid="screen-deleted")
    m2m_changed.connect(playlist_unshared, sender=Playlist.shared_with.through, dispatch_uid="playlist-unshared")
