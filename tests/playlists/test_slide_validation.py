"""Bad input in a structured slide gets a clear message on the field, never a stack trace."""

import json
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from playlists.models import Slide
from playlists.slide_types import SLIDE_BLOCKS
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db

BLOCKS = dict(SLIDE_BLOCKS)
ANNA = {"name": "Anna", "title": "", "phone": "", "email": "", "image": None}


def table(columns: int, rows: int) -> dict:
    return {
        "columns": [{"type": "text", "heading": f"C{c}"} for c in range(columns)],
        "rows": [{"values": ["x"] * columns} for _ in range(rows)],
        "caption": "",
    }


def errors(block_type: str, raw: dict) -> str:
    """The messages the admin shows for this value, as one string; fails if the value is accepted."""
    block = BLOCKS[block_type]
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(raw))
    return json.dumps(refused.value.as_json_data(), ensure_ascii=False)


def accepted(block_type: str, raw: dict) -> bool:
    block = BLOCKS[block_type]
    block.clean(block.to_python(raw))
    return True


@pytest.mark.parametrize("phone", ["call me", "12", "+45 33 66 33 66 ext. 4"])
def test_a_contact_phone_number_must_look_like_one(phone):
    message = errors("contacts", {"heading": "", "people": [{**ANNA, "phone": phone}]})
    assert "Enter a phone number with digits, spaces and + ( ) - only" in message


@pytest.mark.parametrize("phone", ["+45 33 66 33 66", "33663366", "33-66-33-66"])
def test_usual_phone_numbers_are_accepted(phone):
    assert accepted("contacts", {"heading": "", "people": [{**ANNA, "phone": phone}]})


def test_contacts_need_a_name_a_valid_email_and_at_most_eight_people():
    assert "This field is required." in errors("contacts", {"heading": "", "people": [{**ANNA, "name": ""}]})
    assert "Enter a valid email address." in errors("contacts", {"heading": "", "people": [{**ANNA, "email": "anna@"}]})
    assert "The maximum number of items is 8" in errors("contacts", {"heading": "", "people": [ANNA] * 9})
    assert "The minimum number of items is 1" in errors("contacts", {"heading": "", "people": []})


def test_a_table_needs_cells_and_stays_small_enough_to_read():
    assert "Add at least one column and one row." in errors("table", {"heading": "", "table": table(2, 0)})
    too_big = "at most 6 columns and 15 rows"
    assert too_big in errors("table", {"heading": "", "table": table(7, 1)})
    assert too_big in errors("table", {"heading": "", "table": table(1, 16)})
    assert accepted("table", {"heading": "", "table": table(6, 15)})


def test_a_poster_event_must_end_after_it_starts():
    starts = datetime(2026, 12, 5, 13, tzinfo=UTC)
    message = errors("poster", {"title": "Market", "starts_at": starts, "ends_at": starts})
    assert "The event must end after it starts." in message
    assert "This field is required." in errors("poster", {"title": "Market", "starts_at": None})


@pytest.mark.parametrize("rating, message", [(0, "greater than or equal to 1"), (6, "less than or equal to 5")])
def test_a_book_rating_is_one_to_five_stars(rating, message):
    raw = {"title": "T", "author": "A", "review": "<p>Good.</p>", "rating": rating}
    assert message in errors("book_review", raw)


@pytest.mark.parametrize(
    "url, message",
    [
        ("javascript:alert(1)", "Enter a web address starting with http:// or https://."),
        ("ftp://example.org/file", "Enter a web address starting with http:// or https://."),
        ("https://example.org/" + "a" * 300, "Keep the address to 300 characters (it has 320)"),
        ("", "This field is required."),
    ],
)
def test_a_qr_code_needs_a_web_address_short_enough_to_scan(url, message):
    assert message in errors("qr_code", {"url": url, "caption": "Scan"})


def test_a_countdown_needs_its_target_and_a_clock_does_not():
    assert "Choose the date and time to count down to." in errors("clock", {"mode": "countdown", "target": None})
    assert accepted("clock", {"mode": "clock", "target": None})


def slide_form(block_type: str, value: dict, *, publish: bool) -> dict:
    """The add form as the admin posts it: a plain save keeps a draft."""
    return {
        **nested_form_data(
            {
                "organisation": make_organisation().pk,
                "title": "New slide",
                "duration": 10,
                "content": streamfield([(block_type, value)]),
            }
        ),
        **({"action-publish": "action-publish"} if publish else {}),
    }


def test_the_admin_shows_the_message_and_keeps_the_slide_unsaved(admin_client):
    form = slide_form("qr_code", {"url": "javascript:alert(1)", "caption": "Scan"}, publish=True)
    response = admin_client.post(reverse("wagtailsnippets_playlists_slide:add"), form)
    assert response.status_code == 200
    assert "Enter a web address starting with http:// or https://." in response.content.decode()
    assert not Slide.objects.exists()


def test_a_countdown_draft_may_lack_its_target_until_it_is_published(admin_client):
    countdown = {"mode": "countdown", "target": "", "label": "to the market", "done_text": ""}
    response = admin_client.post(
        reverse("wagtailsnippets_playlists_slide:add"), slide_form("clock", countdown, publish=True)
    )
    assert response.status_code == 200 and "Choose the date and time to count down to." in response.content.decode()
    response = admin_client.post(
        reverse("wagtailsnippets_playlists_slide:add"), slide_form("clock", countdown, publish=False)
    )
    assert response.status_code == 302
    assert Slide.objects.get().live is False
