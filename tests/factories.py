"""Small builders for test data: only what a test names, sensible defaults for the rest."""

import io
from datetime import timedelta
from itertools import count
from pathlib import Path

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtailmedia.models import Media

from core.pairing import hash_token, new_token
from organisations.models import Organisation
from organisations.services import organisation_create, organisation_member_add
from playlists.models import Playlist, PlaylistItem, PlaylistSchedule, Slide
from screens.campaigns.models import Campaign
from screens.fleet.models import Location, PairingCode, Screen
from screens.layouts.models import Layout, LayoutRegionPlaylist
from themes.models import Theme

_numbers = count(1)


def make_organisation(name: str = "Borgerservice") -> Organisation:
    return Organisation.objects.filter(name=name).first() or organisation_create(name=name)


def make_user(*, organisation: Organisation | None = None, roles: tuple[str, ...] = (), username: str | None = None):
    """An admin user of the organisation with these roles (role group names)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username or f"user-{next(_numbers)}", password="pw")
    if organisation:
        organisation_member_add(organisation=organisation, user=user, roles=list(roles))
    return user


def make_image(*, width: int = 3000, height: int = 2000, title: str = "Photo", organisation=None) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 40)).save(buffer, format="PNG")
    collection = (organisation or make_organisation()).collection
    file = ImageFile(buffer, name=f"photo-{next(_numbers)}.png")
    return Image.objects.create(title=title, file=file, collection=collection)


def make_theme(*, name: str = "Town colours", organisation=None, **fields) -> Theme:
    fields = {"background": "#0b3d91", "text": "#ffffff", "accent": "#ffcc00", **fields}
    return Theme.objects.create(name=name, organisation=organisation or make_organisation(), **fields)


# A real 3 s H.264 clip (640×360), the demo's (see scripts/make_demo_video.py).
VIDEO_FILE = Path(__file__).resolve().parent.parent / "demo" / "demo_media" / "countdown.mp4"


def make_video(
    *, title: str = "Clip", organisation=None, content: bytes | None = None, name: str = "clip.mp4"
) -> Media:
    """A video in the organisation's collection: the demo clip, or `content` as the file."""
    collection = (organisation or make_organisation()).collection
    file = ContentFile(VIDEO_FILE.read_bytes() if content is None else content, name=name)
    return Media.objects.create(title=title, file=file, type="video", collection=collection, duration=3)


def make_typed_slide(block_type: str, value: dict, *, publish: bool = True, **fields) -> Slide:
    """A slide of any type, its content given as the block's value."""
    return make_slide(content=[(block_type, value)], publish=publish, **fields)


def make_slide(
    *, heading: str = "Hello", text: str = "<p>Some text</p>", image=None, publish: bool = True, content=None, **fields
) -> Slide:
    """An image-and-text slide, or one with the given `content`, e.g. [("video", {"video": clip})]."""
    fields.setdefault("title", f"Slide {next(_numbers)}")
    fields.setdefault("organisation", make_organisation())
    content = content or [("image_text", {"heading": heading, "text": text, "image": image})]
    slide = Slide(live=False, content=content, **fields)
    slide.save()
    if publish:
        slide.save_revision().publish()
        slide.refresh_from_db()
    return slide


def make_playlist(
    *, slides=(), publish: bool = True, title: str = "Lobby", organisation=None, schedules=()
) -> Playlist:
    """A playlist of these slides; `schedules` are PlaylistSchedule fields, e.g. {"rule": "FREQ=DAILY"}."""
    playlist = Playlist(title=title, live=False, organisation=organisation or make_organisation())
    playlist.save()
    for order, slide in enumerate(slides):
        PlaylistItem.objects.create(playlist=playlist, slide=slide, sort_order=order)
    for order, schedule in enumerate(schedules):
        PlaylistSchedule.objects.create(playlist=playlist, sort_order=order, **schedule)
    if publish:
        playlist = Playlist.objects.get(pk=playlist.pk)
        playlist.save_revision().publish()
        playlist.refresh_from_db()
    return playlist


def make_layout(*, template: str = "main_ticker", regions=(), name: str = "Lobby layout", organisation=None) -> Layout:
    """A layout with (region, playlist) placements, in play order."""
    layout = Layout.objects.create(name=name, template=template, organisation=organisation or make_organisation())
    for order, (region, playlist) in enumerate(regions):
        LayoutRegionPlaylist.objects.create(layout=layout, region=region, playlist=playlist, sort_order=order)
    return layout


def make_screen(
    *, playlist=None, layout=None, paired: bool = True, name: str = "Lobby left", organisation=None, location=None
) -> tuple[Screen, str | None]:
    """A screen and, if paired, its token."""
    organisation = organisation or make_organisation()
    if location is None:
        location, _ = Location.objects.get_or_create(name=f"Town hall ({organisation})", organisation=organisation)
    token = new_token() if paired else None
    screen = Screen.objects.create(
        name=name,
        location=location,
        playlist=playlist,
        layout=layout,
        organisation=organisation,
        token_hash=hash_token(token) if token else None,
    )
    return screen, token


def make_campaign(
    *, playlist, starts, ends, screens=(), groups=(), locations=(), priority: int = 0, title: str = "Campaign"
) -> Campaign:
    """A campaign of the playlist's organisation (saved directly: nothing is pushed)."""
    campaign = Campaign.objects.create(
        title=title, playlist=playlist, starts=starts, ends=ends, priority=priority, organisation=playlist.organisation
    )
    campaign.screens.set(screens)
    campaign.groups.set(groups)
    campaign.locations.set(locations)
    return campaign


def make_pairing_code(code: str = "H7KQ3M", *, expires_in: timedelta = timedelta(minutes=15)) -> str:
    """A code shown by a client waiting on a fresh channel; returns the channel's name."""
    channel = async_to_sync(get_channel_layer().new_channel)()
    now = timezone.now()
    PairingCode.objects.create(code=code, channel_name=channel, created_at=now, expires_at=now + expires_in)
    return channel
