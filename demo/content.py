"""Demo content for a first look: two organisations, each with a location, a playlist, a screen ready to pair,
a theme and a user per role (working in Danish); Borgerservice shares its playlist with Biblioteket, and Biblioteket
requires approval. Borgerservice's screen plays a layout: its playlist above a news ticker."""

import io
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import File
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image
from wagtail.users.models import UserProfile
from wagtailmedia.models import Media

from organisations.models import Organisation
from organisations.roles import ROLES
from organisations.services import organisation_approval_require, organisation_create, organisation_member_add
from playlists.feeds.cache import feed_store
from playlists.models import Playlist, PlaylistItem, PlaylistSchedule, Slide
from screens.campaigns.models import Campaign
from screens.fleet.models import Location, Screen, ScreenGroup
from screens.layouts.models import Layout, LayoutRegionPlaylist
from themes.models import Theme

# Organisation → (location, address, playlist, screen, slides).
DEMO_ORGANISATIONS = {
    "Borgerservice": (
        "Town hall",
        "Town hall — main entrance",
        "Lobby",
        "Main entrance",
        [
            (
                "Welcome",
                "Welcome to the town hall",
                "<p>Citizen service is open Monday to Friday, 8–16.</p>",
                (20, 70, 120),
            ),
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
# Organisation → (screen, layout, main playlist, ticker playlist, ticker slides: title, heading, text).
LAYOUT = (
    "Borgerservice",
    "Main entrance",
    "Lobby and ticker",
    "Lobby",
    "News ticker",
    [
        ("Ticker: queue", "Queue", "<p>Take a number at the entrance; waiting time about 10 minutes.</p>"),
        ("Ticker: elections", "Elections", "<p>Vote early at the town hall until Friday.</p>"),
    ],
)
# Plays in the demo screen's main region after the Lobby, during opening hours only.
OPENING_HOURS = (
    "Open now",
    [("Open now", "Citizen service is open", "<p>Take a number at the entrance. We close at 16:00.</p>", (20, 90, 60))],
    {"rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "starts": time(8), "ends": time(16), "first_day": date(2026, 1, 1)},
)
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


def demo_stored_image(title: str, organisation: Organisation, draw, *, format: str = "JPEG") -> Image:
    """The image titled `title`, made once from the picture `draw()` returns."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, format=format, **({"quality": 80} if format == "JPEG" else {}))
    name = f"demo-{title.lower().replace(' ', '-')}.{format.lower().replace('jpeg', 'jpg')}"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=name), collection=organisation.collection)


def demo_image(
    title: str, colour: tuple[int, int, int], organisation: Organisation, size: tuple[int, int] = (1920, 1080)
) -> Image:
    def draw():
        width, height = size
        picture = PILImage.new("RGB", size, colour)
        bands = ImageDraw.Draw(picture)
        for band in range(0, width, 160):
            bands.rectangle([band, 0, band + 80, height], fill=tuple(min(255, c + 25) for c in colour))
        return picture

    return demo_stored_image(title, organisation, draw)


def publish(obj) -> None:
    obj.save_revision().publish()


def demo_playlist(organisation: Organisation, title: str, slides: list, schedules: tuple = ()) -> Playlist:
    """A published playlist of published slides (title, heading, text, and an image colour or None), playing
    during `schedules` (PlaylistSchedule fields), or always."""
    playlist = Playlist.objects.filter(title=title, organisation=organisation).first()
    if playlist:
        return playlist
    playlist = Playlist(title=title, organisation=organisation, live=False)
    playlist.save()
    for order, (slide_title, heading, text, colour) in enumerate(slides):
        image = demo_image(slide_title, colour, organisation) if colour else None
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
    for order, schedule in enumerate(schedules):
        PlaylistSchedule.objects.create(playlist=playlist, sort_order=order, **schedule)
    publish(Playlist.objects.get(pk=playlist.pk))
    return playlist


# A 3 s H.264 clip made on a developer's machine by scripts/make_demo_video.py, so no demo needs ffmpeg.
DEMO_VIDEO = Path(__file__).resolve().parent / "demo_media" / "countdown.mp4"


def demo_logo(organisation: Organisation) -> Image:
    def draw():
        picture = PILImage.new("RGB", (600, 200), (255, 255, 255))
        pen = ImageDraw.Draw(picture)
        pen.ellipse([20, 20, 180, 180], fill=(20, 70, 120))
        pen.text((200, 100), organisation.name, fill=(20, 70, 120), anchor="lm", font=ImageFont.load_default(size=56))
        return picture

    return demo_stored_image(f"{organisation.name} logo", organisation, draw, format="PNG")


def demo_video(organisation: Organisation) -> Media:
    existing = Media.objects.filter(title="Countdown").first()
    if existing:
        return existing
    with DEMO_VIDEO.open("rb") as file:
        return Media.objects.create(
            title="Countdown",
            type="video",
            file=File(file, name="demo-countdown.mp4"),
            duration=3,
            width=640,
            height=360,
            collection=organisation.collection,
        )


def demo_media_slides(organisation: Organisation) -> list[tuple[str, int, str, dict]]:
    """Half-size image and text with a logo, a slideshow with slow zoom, and a video."""
    views = [demo_image(f"View {n}", colour, organisation) for n, colour in enumerate([(30, 90, 140), (150, 90, 30)])]
    return [
        (
            "Opening hours",
            10,
            "image_text",
            {
                "heading": "Opening hours",
                "text": "<p>Monday to Friday 8–16, Thursday until 18.</p>",
                "image": demo_image("Counter", (60, 60, 90), organisation),
                "layout": "image_left",
                "box_position": "centre",
                "logo": demo_logo(organisation),
            },
        ),
        (
            "Harbour views",
            10,
            "slideshow",
            {
                "images": [{"image": view, "duration": 4} for view in views],
                "transition": "zoom",
            },
        ),
        ("Countdown", 10, "video", {"video": demo_video(organisation), "sound": False}),
    ]


def demo_slides_append(playlist: Playlist, slides: list[tuple[str, int, str, dict]]) -> None:
    """Appends each (title, duration, type, value) slide its organisation lacks, published, then republishes."""
    organisation = playlist.organisation
    added = False
    for title, duration, block_type, value in slides:
        if Slide.objects.filter(title=title, organisation=organisation).exists():
            continue
        slide = Slide(
            title=title, organisation=organisation, duration=duration, live=False, content=[(block_type, value)]
        )
        slide.save()
        publish(slide)
        PlaylistItem.objects.create(playlist=playlist, slide=slide, sort_order=playlist.items.count())
        added = True
    if added:
        publish(Playlist.objects.get(pk=playlist.pk))


# Slides fed from files committed in the repository and served by this same server (/static/…): the demo
# needs no network. They are stored in the feed cache at once; later refreshes fetch them over HTTP from
# this server, which works where FEEDS_ALLOW_LOOPBACK is on (`make run`). Elsewhere the refresh is refused
# like any internal address, and screens keep showing the stored copy.
DEMO_FEEDS = Path(__file__).resolve().parent.parent / "playlists" / "static" / "playlists" / "demo"
DEMO_FEED_SLIDES = [
    ("News", 15, "news", "news.rss", {"heading": "", "entries": 3, "show_images": True, "show_summary": True}),
    ("This week", 10, "calendar", "calendar.ics", {"heading": "", "span": "week"}),
    ("Visit us", 10, "web_page", "page.html", {}),
]


def demo_feed_slides() -> list[tuple[str, int, str, dict]]:
    """A news, a calendar and a web page slide, their feeds stored in the cache at once."""
    slides = []
    for title, duration, block_type, file, options in DEMO_FEED_SLIDES:
        url = f"{settings.WAGTAILADMIN_BASE_URL}{settings.STATIC_URL}playlists/demo/{file}"
        if block_type != "web_page":
            feed_store(block_type, url, (DEMO_FEEDS / file).read_bytes())
        slides.append((title, duration, block_type, {"url": url, **options}))
    return slides


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
    lobby = Playlist.objects.get(organisation__name=owner, title=title)
    lobby.shared_with.add(Organisation.objects.get(name=shared_with))
    # The demo screen ("Main entrance") shows one slide of every type.
    demo_slides_append(
        lobby, demo_media_slides(lobby.organisation) + demo_feed_slides() + demo_structured_slides(lobby.organisation)
    )
    organisation_approval_require(organisation=Organisation.objects.get(name=REQUIRES_APPROVAL))
    demo_screen_groups()
    demo_themes_load()
    demo_layout()
    demo_campaign()


def demo_layout() -> None:
    """The first screen plays its playlist in the main region, followed there on weekdays 08–16 by an
    "open now" playlist, and a text-only news ticker below."""
    name, screen_name, layout_name, main_title, ticker_title, ticker_slides = LAYOUT
    organisation = Organisation.objects.get(name=name)
    if Layout.objects.filter(name=layout_name, organisation=organisation).exists():
        return
    ticker = demo_playlist(organisation, ticker_title, [(*slide, None) for slide in ticker_slides])
    opening_title, opening_slides, opening_hours = OPENING_HOURS
    opening = demo_playlist(organisation, opening_title, opening_slides, schedules=(opening_hours,))
    layout = Layout.objects.create(name=layout_name, template="main_ticker", organisation=organisation)
    main = Playlist.objects.get(title=main_title, organisation=organisation)
    for order, (region, playlist) in enumerate([("main", main), ("main", opening), ("ticker", ticker)]):
        LayoutRegionPlaylist.objects.create(layout=layout, region=region, playlist=playlist, sort_order=order)
    Screen.objects.filter(name=screen_name, organisation=organisation).update(layout=layout)


def demo_screen_groups() -> None:
    """A screen group per demo organisation, holding its screen: a target for emergency messages."""
    for name, (_, _, _, screen_name, _) in DEMO_ORGANISATIONS.items():
        organisation = Organisation.objects.get(name=name)
        group, _ = ScreenGroup.objects.get_or_create(name="Ground floor", organisation=organisation)
        group.screens.add(Screen.objects.get(name=screen_name, organisation=organisation))


# (organisation, title, playlist, its slide: title, heading, text, image colour); on the organisation's "Ground floor".
CAMPAIGN = (
    "Borgerservice",
    "Flu shots",
    "Flu shots",
    ("Flu shots", "Free flu shots today", "<p>In the foyer, 9–12. No appointment needed.</p>", (160, 30, 60)),
)


def demo_campaign() -> None:
    """A campaign next Monday 09:00–09:30 on the first demo screen: editors see one in the listing, and the
    demo's everyday content plays undisturbed until then."""
    name, title, playlist_title, slide = CAMPAIGN
    organisation = Organisation.objects.get(name=name)
    if Campaign.objects.filter(title=title, organisation=organisation).exists():
        return
    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    starts = timezone.make_aware(datetime.combine(monday, time(9)))
    campaign = Campaign.objects.create(
        title=title,
        organisation=organisation,
        playlist=demo_playlist(organisation, playlist_title, [slide]),
        starts=starts,
        ends=starts + timedelta(minutes=30),
    )
    campaign.groups.add(ScreenGroup.objects.get(name="Ground floor", organisation=organisation))


# Organisation → (theme name, background, text, accent, font, logo colour). Both pass the WCAG AA contrast rule.
DEMO_THEMES = {
    "Borgerservice": ("Town hall blue", "#0b3d91", "#ffffff", "#ffcc00", "system", (255, 204, 0)),
    "Biblioteket": ("Library green", "#f4f1e8", "#1e3a2b", "#2e7d4f", "serif", (46, 125, 79)),
}


def demo_theme_logo(title: str, colour: tuple[int, int, int], organisation: Organisation) -> Image:
    def draw():
        picture = PILImage.new("RGBA", (480, 240), (0, 0, 0, 0))
        ImageDraw.Draw(picture).ellipse([150, 10, 370, 230], fill=(*colour, 255))
        return picture

    return demo_stored_image(title, organisation, draw, format="PNG")


def demo_themes_load() -> None:
    """A theme per demo organisation, its own unless it already has one."""
    for name, (theme_name, background, text, accent, font, logo_colour) in DEMO_THEMES.items():
        organisation = Organisation.objects.get(name=name)
        if organisation.theme_id:
            continue
        logo = demo_theme_logo(f"{theme_name} logo", logo_colour, organisation)
        organisation.theme = Theme.objects.create(
            name=theme_name,
            organisation=organisation,
            background=background,
            text=text,
            accent=accent,
            font=font,
            logo=logo,
        )
        organisation.save()


def demo_structured_slides(organisation: Organisation) -> list[tuple[str, int, str, dict]]:
    """One slide of each structured type."""
    market = (timezone.localtime() + timedelta(days=14)).replace(hour=14, minute=0, second=0, microsecond=0)

    def photo(name: str, colour: tuple[int, int, int]) -> Image:
        return demo_image(name, colour, organisation, size=(600, 800))

    return [
        (
            "Ask the library",
            10,
            "contacts",
            {
                "heading": "Ask the library",
                "people": [
                    {
                        "image": photo("Anna Jensen", (170, 90, 60)),
                        "name": "Anna Jensen",
                        "title": "Librarian",
                        "phone": "+45 33 66 33 66",
                        "email": "anna.jensen@example.org",
                    },
                    {
                        "image": photo("Mads Holm", (60, 110, 150)),
                        "name": "Mads Holm",
                        "title": "Children's librarian",
                        "phone": "+45 33 66 33 67",
                        "email": "mads.holm@example.org",
                    },
                    {"image": None, "name": "Sara Nielsen", "title": "IT help", "phone": "", "email": "it@example.org"},
                ],
            },
        ),
        (
            "Service hours",
            10,
            "table",
            {
                "heading": "Opening hours",
                "table": {
                    "columns": [{"type": "text", "heading": heading} for heading in ("Day", "Staffed", "Self-service")],
                    "rows": [
                        {"values": row}
                        for row in (
                            ["Monday–Thursday", "10–18", "8–22"],
                            ["Friday", "10–16", "8–22"],
                            ["Saturday", "10–14", "8–18"],
                            ["Sunday", "Closed", "8–18"],
                        )
                    ],
                    "caption": "Self-service with your health card and PIN.",
                },
                "column_headings": True,
            },
        ),
        (
            "Christmas market",
            10,
            "poster",
            {
                "title": "Christmas market in the library",
                "starts_at": market,
                "ends_at": market + timedelta(hours=4),
                "place": "The reading room, ground floor",
                "text": "Local crafts, mulled wine and a story for the children at 15:00.",
                "image": demo_image("Christmas market", (150, 30, 40), organisation),
                "call_to_action": "Free entry",
            },
        ),
        (
            "Book of the month",
            10,
            "book_review",
            {
                "cover_image": demo_image("Kongens fald", (40, 60, 90), organisation, size=(800, 1200)),
                "title": "Kongens fald",
                "author": "Johannes V. Jensen",
                "review": (
                    "<p>A dark, <b>dazzling</b> novel of Renaissance Denmark. "
                    "Still the best Danish novel, we think.</p>"
                ),
                "rating": 5,
                "reviewer": "Anna, librarian",
            },
        ),
        (
            "Events online",
            10,
            "qr_code",
            {
                "url": "https://example.org/library/events",
                "caption": "Scan to see all our events",
            },
        ),
        (
            "Countdown to the market",
            10,
            "clock",
            {
                "mode": "countdown",
                "target": market,
                "label": "to the Christmas market",
                "done_text": "The Christmas market is open!",
            },
        ),
    ]


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
