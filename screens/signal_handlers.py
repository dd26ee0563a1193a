"""Translate content events into live pushes; the deciding is done by selectors and services."""

from django.db.models.signals import pre_delete
from wagtail.signals import published, unpublished

from playlists.models import Playlist, Slide

from .live import push_manifests_on_commit
from .models import Screen
from .selectors import screens_showing_playlist, screens_showing_slide
from .services import screen_deleted


def content_changed(sender, instance, **kwargs):
    if isinstance(instance, Slide):
        push_manifests_on_commit(screens_showing_slide(slide_id=instance.pk))
    elif isinstance(instance, Playlist):
        push_manifests_on_commit(screens_showing_playlist(playlist_id=instance.pk))


def screen_removed(sender, instance, **kwargs):
    screen_deleted(screen_id=instance.pk)


def register_signal_handlers():
    for signal in (published, unpublished):
        signal.connect(content_changed, sender=Slide, dispatch_uid=f"slide-{id(signal)}")
        signal.connect(content_changed, sender=Playlist, dispatch_uid=f"playlist-{id(signal)}")
    # Deleting content removes its rows, so who was affected is asked before the delete.
    pre_delete.connect(content_changed, sender=Slide, dispatch_uid="slide-deleted")
    pre_delete.connect(content_changed, sender=Playlist, dispatch_uid="playlist-deleted")
    pre_delete.connect(screen_removed, sender=Screen, dispatch_uid="screen-deleted")
