"""Demo content for a first look: two organisations, each with a location, a playlist, a screen ready to pair
and a user per role (working in Danish); Borgerservice shares its playlist with Biblioteket, and Biblioteket
requires approval."""

import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.users.models import UserProfile

from organisations.models import Organisation
from organisations.roles import ROLES
from organisations.services import organisation_approval_require, organisation_create, organisation_member_add
from playlists.feeds.cache import feed_store
from playlists.models import Playlist, PlaylistItem, Slide

from .models import Location, Screen

# Organisation → (location, address, playlist, screen, slides).
DEMO_ORGANISATIONS = {
    "Borgerservice": (
        "Town hall",
        "Town hall — main entrance",
        "Lobby",
        "Main entrance",
        [
            ("Welcome", "Welcome to the town hall", "<p>Citizen service is open Monday to Friday, 8–16.</p>", (20, 70, 120)),
            ("Recycling", "New recycling rules", "<p>Sort glass, metal and plastic from 1 January.</p>", (30, 110, 60)),
            ("Library", "The library has moved", "<p>Find us on the first floor, next to the café.</p>", (120, 60, 20)),
        ],
    ),
    "Biblioteket": (
        "Main library",
        "Main library — reading room",
        "Reading room",
        "Reading room",
        [("Story time", "Story time on Saturdays", "<p>For children aged 3–7, at 10:30.</p>", (90, 40, 110))],
    ),
}
SHARED = ("Borgerservice", "Lobby", "Biblioteket")
REQUIRES_APPROVAL = "Biblioteket"
# Role → the ending of the demo usernames, e.g. "biblioteket-editor".
ROLE_USERNAMES = {
    "Editor": "editor",
    "Publisher": "publisher",
    "Screen admin": "screens",
    "Organisation admin": "admin",
}


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    organisation: str = ""
    role: str = ""


def demo_image(title: str, colour: tuple[int, int, int], organisation: Organisation) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (1920, 1080), colour)
    draw = ImageDraw.Draw(picture)
    for band in range(0, 1920, 160):
        draw.rectangle([band, 0, band + 80, 1080], fill=tuple(min(255, c + 25) for c in colour))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"demo-{title.lower()}.jpg"), collection=organisation.collection
    )


def publish(obj) -> None:
    obj.save_revision().publish()


def demo_playlist(organisation: Organisation, title: str, slides: list) -> Playlist:
    playlist = Playlist.objects.filter(title=title, organisation=organisation).first()
    if playlist:
        return playlist
    playlist = Playlist(title=title, organisation=organisation, live=False)
    playlist.save()
    for order, (slide_title, heading, text, colour) in enumerate(slides):
        image = demo_image(slide_title, colour, organisation)
        slide = Slide(
            title=slide_title,
            organisation=organisation,
            duration=8,
            live=False,
            content=[("image_text", {"heading": heading, "text": text, "image": image})],
        )
        slide.save()
        publish(slide)
        PlaylistItem.objects.create(playlist=playlist, slide=slide, sort_order=order)
    publish(Playlist.objects.get(pk=playlist.pk))
    return playlist


# Slides fed from files committed in the repository and served by this same server (/static/…): the demo
# needs no network. They are stored in the feed cache at once; later refreshes fetch them over HTTP from
# this server, which works where FEEDS_ALLOW_LOOPBACK is on (`make run`). Elsewhere the refresh is refused
# like any internal address, and screens keep showing the stored copy.
DEMO_FEEDS = Path(__file__).resolve().parent.parent / "playlists" / "static" / "playlists" / "demo"
DEMO_FEED_SLIDES = [
    ("News", 15, "news", "news.rss", {"heading": "", "entries": 3, "show_images": True, "show_summary": True}),
    ("This week", 10, "calendar", "calendar.ics", {"heading": "", "span": "week"}),
    ("Opening hours", 10, "web_page", "page.html", {}),
]


def demo_feed_slides(organisation: Organisation, playlist: Playlist) -> None:
    """A news, a calendar and a web page slide at the end of the playlist, each once."""
    added = False
    for title, duration, block_type, file, options in DEMO_FEED_SLIDES:
        url = f"{settings.WAGTAILADMIN_BASE_URL}{settings.STATIC_URL}playlists/demo/{file}"
        if block_type != "web_page":
            feed_store(block_type, url, (DEMO_FEEDS / file).read_bytes())
        if Slide.objects.filter(title=title, organisation=organisation).exists():
            continue
        slide = Slide(
            title=title,
            organisation=organisation,
            duration=duration,
            live=False,
            content=[(block_type, {"url": url, **options})],
        )
        slide.save()
        publish(slide)
        PlaylistItem.objects.create(playlist=playlist, slide=slide, sort_order=playlist.items.count())
        added = True
    if added:
        publish(Playlist.objects.get(pk=playlist.pk))


@transaction.atomic
def demo_content_load() -> None:
    for name, (location_name, address, playlist_title, screen_name, slides) in DEMO_ORGANISATIONS.items():
        organisation = Organisation.objects.filter(name=name).first() or organisation_create(name=name)
        location, _ = Location.objects.get_or_create(
            name=location_name, organisation=organisation, defaults={"address": address}
        )
        playlist = demo_playlist(organisation, playlist_title, slides)
        Screen.objects.get_or_create(
            name=screen_name, organisation=organisation, defaults={"location": location, "playlist": playlist}
        )
    owner, title, shared_with = SHARED
    demo_feed_slides(Organisation.objects.get(name=owner), Playlist.objects.get(organisation__name=owner, title=title))
    Playlist.objects.get(organisation__name=owner, title=title).shared_with.add(
        Organisation.objects.get(name=shared_with)
    )
    organisation_approval_require(organisation=Organisation.objects.get(name=REQUIRES_APPROVAL))


def login_reset(*, username: str, superuser: bool = False):
    """Create or reset a demo login; returns the user and its new random password."""
    password = secrets.token_urlsafe(9)
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
    user.is_staff = user.is_superuser = superuser
    user.set_password(password)
    user.save()
    return user, password


def demo_logins_reset() -> list[Login]:
    """The demo admin (a superuser) and, in each demo organisation, a user per role; all with new passwords."""
    _, password = login_reset(username="admin", superuser=True)
    logins = [Login("admin", password)]
    for name in DEMO_ORGANISATIONS:
        organisation = Organisation.objects.get(name=name)
        for role in ROLES:
            user, password = login_reset(username=f"{name.lower()}-{ROLE_USERNAMES[role]}")
            organisation_member_add(organisation=organisation, user=user, roles=[role])
            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "da"})
            logins.append(Login(user.username, password, name, role))
    return logins
