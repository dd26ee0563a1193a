"""Translate content events into live pushes; the deciding is done by selectors and services."""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save, pre_delete
from wagtail.signals import published, unpublished

from core.content_keys import layout_key, playlist_key
from organisations.models import Organisation
from playlists.models import Playlist, Slide
from playlists.selectors import playlists_with_slide, playlists_with_theme
from screens.campaigns.documents import current_campaigns, screens_targeted_by
from screens.campaigns.models import Campaign
from screens.campaigns.pushes import push_campaigns_on_commit
from screens.fleet.models import Location, Screen, ScreenGroup
from screens.fleet.pushes import push_themes_on_commit
from screens.fleet.selectors import screens_at, screens_themed_by, screens_themed_by_organisation
from screens.fleet.services import screen_deleted
from screens.layouts.models import Layout
from screens.layouts.pushes import push_contents_on_commit
from screens.layouts.selectors import contents_with_playlists, layouts_with_playlists
from screens.live import reload_content_on_commit
from screens.sharing import screens_unshared_detach
from themes.models import Theme


def slide_changed(sender, instance, **kwargs):
    playlists_changed(playlists_with_slide(slide_id=instance.pk))


def playlist_changed(sender, instance, **kwargs):
    playlists_changed({instance.pk})


def playlists_changed(playlist_ids: set[int]) -> None:
    push_contents_on_commit(contents_with_playlists(playlist_ids=playlist_ids))
    if playlist_ids:
        push_campaigns_on_commit(
            screens_targeted_by(campaigns=current_campaigns().filter(playlist_id__in=playlist_ids))
        )


def campaign_deleted(sender, instance, **kwargs):
    # After the delete nothing names its screens any more: who it reached is asked before.
    push_campaigns_on_commit(screens_targeted_by(campaigns=Campaign.objects.filter(pk=instance.pk)))


def group_members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Screens joining or leaving a group a campaign names gain or lose its campaigns."""
    if action not in {"pre_clear", "post_add", "post_remove", "post_clear"}:
        return
    if action == "pre_clear":
        # A clear names no one: remember who is cleared before they go.
        instance._cleared_members = set(
            instance.groups.values_list("pk", flat=True) if reverse else instance.screens.values_list("pk", flat=True)
        )
        return
    others = pk_set if action != "post_clear" else getattr(instance, "_cleared_members", set())
    groups, screens = (others, {instance.pk}) if reverse else ({instance.pk}, others)
    if groups and screens and current_campaigns().filter(groups__in=groups).exists():
        push_campaigns_on_commit(set(screens))


def group_deleted(sender, instance, **kwargs):
    if current_campaigns().filter(groups=instance).exists():
        push_campaigns_on_commit(set(instance.screens.values_list("pk", flat=True)))


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


def theme_changed(sender, instance, **kwargs):
    # Screens that already show these colours are not sent them again (the consumer compares).
    push_themes_on_commit(screens_themed_by(theme_id=instance.pk))
    push_contents_on_commit(contents_with_playlists(playlist_ids=playlists_with_theme(theme_id=instance.pk)))


def theme_deleted(sender, instance, **kwargs):
    # After the delete nothing names the theme any more: who showed it is asked before.
    showing = set(Screen.objects.filter(screens_themed_by(theme_id=instance.pk)).values_list("pk", flat=True))
    push_themes_on_commit(Q(pk__in=showing))
    push_contents_on_commit(contents_with_playlists(playlist_ids=playlists_with_theme(theme_id=instance.pk)))


def location_changed(sender, instance, created, **kwargs):
    if not created:
        push_themes_on_commit(screens_at(location_id=instance.pk))


def organisation_changed(sender, instance, created, **kwargs):
    if not created:
        push_themes_on_commit(screens_themed_by_organisation(organisation_id=instance.pk))


def register_signal_handlers():
    for signal in (published, unpublished):
        signal.connect(slide_changed, sender=Slide, dispatch_uid=f"slide-{id(signal)}")
        signal.connect(playlist_changed, sender=Playlist, dispatch_uid=f"playlist-{id(signal)}")
    # Deleting content removes its rows, so who was affected is asked before the delete.
    pre_delete.connect(slide_changed, sender=Slide, dispatch_uid="slide-deleted")
    pre_delete.connect(playlist_deleted, sender=Playlist, dispatch_uid="playlist-deleted")
    pre_delete.connect(layout_deleted, sender=Layout, dispatch_uid="layout-deleted")
    pre_delete.connect(screen_removed, sender=Screen, dispatch_uid="screen-deleted")
    post_save.connect(theme_changed, sender=Theme, dispatch_uid="theme-changed")
    pre_delete.connect(theme_deleted, sender=Theme, dispatch_uid="theme-deleted")
    post_save.connect(location_changed, sender=Location, dispatch_uid="location-changed")
    post_save.connect(organisation_changed, sender=Organisation, dispatch_uid="organisation-changed")
    m2m_changed.connect(playlist_unshared, sender=Playlist.shared_with.through, dispatch_uid="playlist-unshared")
    pre_delete.connect(campaign_deleted, sender=Campaign, dispatch_uid="campaign-deleted")
    m2m_changed.connect(group_members_changed, sender=ScreenGroup.screens.through, dispatch_uid="group-members-changed")
    pre_delete.connect(group_deleted, sender=ScreenGroup, dispatch_uid="group-deleted")
