"""What each structured slide type sends to screens, read through the real manifest builder."""

import base64
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import zxingcpp
from django.conf import settings
from PIL import Image as PILImage
from PIL import ImageDraw

from tests.factories import make_image, make_playlist, make_typed_slide
from tests.manifests import playlist_slides

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def payload(block_type: str, value: dict) -> dict:
    """The slide as a screen receives it: published, in a published playlist, read back from the database."""
    slide = make_typed_slide(block_type, value)
    return playlist_slides(make_playlist(slides=[slide]).pk)[0]


def rendition_file(image: dict) -> PILImage.Image:
    return PILImage.open(Path(settings.MEDIA_ROOT) / image["url"].removeprefix(settings.MEDIA_URL))


def half_red_half_blue(*, focus_right: bool):
    """A 1600×400 picture, red on the left and blue on the right, its focal point on one side."""
    image = make_image(width=1600, height=400)
    picture = PILImage.new("RGB", (1600, 400), (255, 0, 0))
    ImageDraw.Draw(picture).rectangle([800, 0, 1600, 400], fill=(0, 0, 255))
    with image.file.open("wb") as file:
        picture.save(file, format="PNG")
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = (
        (1300 if focus_right else 300),
        200,
        100,
        100,
    )
    image.save()
    return image


def test_contacts_list_people_with_square_photos_as_media():
    photo = make_image(width=1200, height=1600)
    slide = payload(
        "contacts",
        {
            "heading": "Ask us",
            "people": [
                {
                    "image": photo,
                    "name": "Anna Jensen",
                    "title": "Librarian",
                    "phone": "+45 33 66 33 66",
                    "email": "anna@example.dk",
                },
                {"image": None, "name": HOSTILE, "title": "", "phone": "", "email": ""},
            ],
        },
    )
    anna, hostile = slide["people"]
    assert slide["type"] == "contacts" and slide["heading"] == "Ask us"
    assert {k: anna[k] for k in ("name", "title", "phone", "email")} == {
        "name": "Anna Jensen",
        "title": "Librarian",
        "phone": "+45 33 66 33 66",
        "email": "anna@example.dk",
    }
    assert (anna["photo"]["width"], anna["photo"]["height"]) == (400, 400)
    assert "fill-400x400" in anna["photo"]["url"]
    assert hostile["name"] == HOSTILE and hostile["photo"] is None  # plain text, escaped by the client
    assert slide["media"] == [{"url": anna["photo"]["url"], "kind": "image"}]


@pytest.mark.parametrize("focus_right, colour", [(True, (0, 0, 255)), (False, (255, 0, 0))])
def test_contact_photos_are_cropped_around_the_focal_point(focus_right, colour):
    image = half_red_half_blue(focus_right=focus_right)
    photo = payload("contacts", {"heading": "", "people": [{"image": image, "name": "Anna"}]})["people"][0]["photo"]
    square = rendition_file(photo).convert("RGB")
    assert square.size == (400, 400)
    assert {square.getpixel((x, y)) for x in (0, 200, 399) for y in (0, 399)} == {colour}


def test_table_sends_headings_and_cells_as_plain_strings():
    table = {
        "columns": [{"type": "text", "heading": "Day"}, {"type": "text", "heading": "Open"}],
        "rows": [{"values": ["Monday", "8–16"]}, {"values": [HOSTILE, None]}],
        "caption": "Closed on public holidays",
    }
    slide = payload("table", {"heading": "Opening hours", "table": table, "column_headings": True})
    assert slide["type"] == "table" and slide["heading"] == "Opening hours"
    assert slide["columns"] == ["Day", "Open"]
    assert slide["rows"] == [["Monday", "8–16"], [HOSTILE, ""]]
    assert slide["caption"] == "Closed on public holidays"
    assert slide["media"] == []

    without = payload("table", {"heading": "", "table": table, "column_headings": False})
    assert without["columns"] is None and without["rows"] == slide["rows"]


@pytest.mark.parametrize(
    "starts_utc, local",
    [
        (datetime(2026, 12, 5, 13, 0, tzinfo=UTC), "2026-12-05T14:00:00+01:00"),  # winter time
        (datetime(2026, 7, 4, 12, 30, tzinfo=UTC), "2026-07-04T14:30:00+02:00"),  # summer time
    ],
)
def test_poster_times_are_aware_and_in_copenhagen_time(starts_utc, local):
    slide = payload("poster", {"title": "Christmas market", "starts_at": starts_utc})
    assert slide["starts_at"] == local and slide["ends_at"] is None


def test_poster_sends_its_text_as_plain_text_and_a_square_image():
    slide = payload(
        "poster",
        {
            "title": HOSTILE,
            "starts_at": datetime(2026, 12, 5, 13, 0, tzinfo=UTC),
            "ends_at": datetime(2026, 12, 5, 17, 0, tzinfo=UTC),
            "place": "The square",
            "text": "Mulled wine\n& music",
            "image": make_image(width=2400, height=1350),
            "call_to_action": "Free entry",
        },
    )
    assert slide["heading"] == HOSTILE and slide["text"] == "Mulled wine\n& music"
    assert slide["ends_at"] == "2026-12-05T18:00:00+01:00"
    assert (slide["place"], slide["call_to_action"]) == ("The square", "Free entry")
    assert (slide["image"]["width"], slide["image"]["height"]) == (1080, 1080)
    assert slide["media"] == [{"url": slide["image"]["url"], "kind": "image"}]


def test_book_review_cleans_the_review_and_keeps_the_cover_whole():
    slide = payload(
        "book_review",
        {
            "cover_image": make_image(width=1000, height=1500),
            "title": "Kongens fald",
            "author": HOSTILE,
            "review": '<p onclick="x()">A <b>classic</b>.<script>alert(1)</script></p>',
            "rating": 4,
            "reviewer": "Anna, librarian",
        },
    )
    assert slide["heading"] == "Kongens fald" and slide["author"] == HOSTILE
    assert slide["review_html"] == "<p>A <b>classic</b>.alert(1)</p>"
    assert slide["rating"] == 4 and slide["reviewer"] == "Anna, librarian"
    assert (slide["cover"]["width"], slide["cover"]["height"]) == (800, 1200)
    assert slide["media"] == [{"url": slide["cover"]["url"], "kind": "image"}]


def test_book_review_without_rating_or_cover():
    slide = payload("book_review", {"title": "T", "author": "A", "review": "<p>Fine.</p>", "rating": None})
    assert slide["rating"] is None and slide["cover"] is None and slide["media"] == []


def svg_of(data_url: str) -> str:
    prefix = "data:image/svg+xml;base64,"
    assert data_url.startswith(prefix)
    return base64.b64decode(data_url.removeprefix(prefix)).decode()


def scanned(svg: str) -> list[str]:
    """What a QR reader finds in the SVG, drawn module by module as the browser would."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    scale = 10
    picture = PILImage.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(picture)
    for x, y, right, bottom in re.findall(r"M(\d+),(\d+)H(\d+)V(\d+)H\d+z", svg):
        draw.rectangle([int(x) * scale, int(y) * scale, int(right) * scale - 1, int(bottom) * scale - 1], fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return [result.text for result in zxingcpp.read_barcodes(PILImage.open(buffer))]


def test_qr_code_is_an_svg_image_of_the_address():
    url = "https://bibliotek.example.dk/arrangementer?uge=49&sprog=da"
    slide = payload("qr_code", {"url": url, "caption": HOSTILE})
    assert slide["caption"] == HOSTILE and slide["url"] == url and slide["media"] == []
    svg = svg_of(slide["qr"])
    assert svg.startswith("<svg") and "script" not in svg.lower() and "href" not in svg
    assert scanned(svg) == [url]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/file", "https://" + "a" * 300 + ".dk"])
def test_a_qr_code_slide_with_an_address_that_bypassed_the_form_shows_no_code(url, caplog):
    slide = payload("qr_code", {"url": url, "caption": "Scan"})
    assert slide["qr"] is None and slide["url"] == ""
    assert "invalid address" in caplog.text


def test_clock_tells_the_screen_the_local_time_zone():
    slide = payload("clock", {"mode": "clock", "target": datetime(2026, 12, 1, tzinfo=UTC), "label": "Town hall"})
    assert slide["mode"] == "clock" and slide["target"] is None
    assert slide["label"] == "Town hall" and slide["time_zone"] == "Europe/Copenhagen"


def test_countdown_sends_its_target_as_an_aware_local_time():
    slide = payload(
        "clock",
        {
            "mode": "countdown",
            "target": datetime(2026, 11, 27, 15, 0, tzinfo=UTC),
            "label": "to the Christmas market",
            "done_text": "The market is open!",
        },
    )
    assert slide["mode"] == "countdown" and slide["target"] == "2026-11-27T16:00:00+01:00"
    assert (slide["label"], slide["done_text"]) == ("to the Christmas market", "The market is open!")
