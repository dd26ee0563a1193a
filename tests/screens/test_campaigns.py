"""Campaign documents: what each screen's campaigns play when, built once per distinct set of campaigns."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from core.pairing import hash_token
from core.protocol import encode
from screens.campaigns.documents import campaign_editions
from screens.campaigns.models import Campaign
from screens.fleet.models import Location, Screen, ScreenGroup
from tests.factories import make_campaign, make_organisation, make_playlist, make_screen, make_slide

pytestmark = pytest.mark.django_db

ZONE = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=ZONE)  # a Monday, +01:00


def at(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def documents(screens: Q, now=NOW) -> dict[int, dict]:
    """Each screen's campaigns document, decoded from the message it would be sent."""
    sent = {}
    for edition in campaign_editions(screens=screens, now=now):
        message = json.loads(edition["text"])
        assert message["type"] == "campaigns" and message["campaigns"]["version"] == edition["version"]
        sent.update(dict.fromkeys(edition["screens"], message["campaigns"]))
    return sent


def document_of(screen, now=NOW) -> dict:
    return documents(Q(pk=screen.pk), now)[screen.pk]


def test_a_campaign_must_end_after_it_starts():
    playlist = make_playlist(slides=[make_slide()])
    campaign = Campaign(
        title="Flu shots", playlist=playlist, organisation=playlist.organisation, starts=at(9), ends=at(9)
    )
    with pytest.raises(ValidationError) as refused:
        campaign.full_clean()
    assert refused.value.message_dict["ends"] == ["A campaign must end after it starts."]


def test_a_screen_without_campaigns_gets_an_empty_track():
    screen, _ = make_screen(playlist=make_playlist(slides=[make_slide()]))
    document = document_of(screen)
    assert (document["track"], document["playlists"]) == ([], {})
    assert document["version"]


def test_overlapping_campaigns_queue_by_priority_and_the_waiting_one_plays_what_is_left():
    screen, _ = make_screen()
    flu = make_playlist(slides=[make_slide(heading="Flu shots")], title="Flu")
    vote = make_playlist(slides=[make_slide(heading="Vote")], title="Vote")
    long = make_campaign(playlist=flu, starts=at(9), ends=at(11), screens=[screen])
    urgent = make_campaign(playlist=vote, starts=at(10), ends=at(10, 30), priority=5, screens=[screen])

    document = document_of(screen)

    assert document["track"] == [
        {
            "from": "2026-11-23T09:00:00+01:00",
            "until": "2026-11-23T10:00:00+01:00",
            "campaign": long.pk,
            "playlists": [flu.pk],
        },
        {
            "from": "2026-11-23T10:00:00+01:00",
            "until": "2026-11-23T10:30:00+01:00",
            "campaign": urgent.pk,
            "playlists": [vote.pk],
        },
        {
            "from": "2026-11-23T10:30:00+01:00",
            "until": "2026-11-23T11:00:00+01:00",
            "campaign": long.pk,
            "playlists": [flu.pk],
        },
    ]
    assert document["playlists"][str(flu.pk)]["slides"][0]["heading"] == "Flu shots"
    assert set(document["playlists"]) == {str(flu.pk), str(vote.pk)}


def test_times_carry_the_local_offset_on_both_sides_of_a_dst_change():
    screen, _ = make_screen()
    make_campaign(
        playlist=make_playlist(slides=[make_slide()]),
        starts=at(9, day=28).replace(month=3),
        ends=at(9, day=30).replace(month=3),
        screens=[screen],
    )
    [interval] = document_of(screen, now=datetime(2026, 3, 27, 12, 0, tzinfo=ZONE))["track"]
    assert (interval["from"], interval["until"]) == ("2026-03-28T09:00:00+01:00", "2026-03-30T09:00:00+02:00")


def test_only_published_slides_of_a_published_playlist_play():
    screen, _ = make_screen()
    playlist = make_playlist(slides=[make_slide(heading="Live"), make_slide(heading="Draft", publish=False)])
    make_campaign(playlist=playlist, starts=at(9), ends=at(11), screens=[screen])
    slides = document_of(screen)["playlists"][str(playlist.pk)]["slides"]
    assert [slide["heading"] for slide in slides] == ["Live"]

    unpublished = make_playlist(slides=[make_slide()], publish=False, title="Not yet")
    Campaign.objects.update(playlist=unpublished)
    assert document_of(screen)["track"] == []


def test_the_version_holds_through_the_day_and_changes_with_the_next_day_or_the_content():
    screen, _ = make_screen()
    campaign = make_campaign(playlist=make_playlist(slides=[make_slide()]), starts=at(9), ends=at(11), screens=[screen])
    morning, night = document_of(screen, at(0, 1)), document_of(screen, at(23, 59))
    assert morning == night and morning["track"]  # ended at 11:00, still today's
    assert document_of(screen, at(0, 1, day=24))["track"] == []  # a new day: it is gone
    Campaign.objects.filter(pk=campaign.pk).update(ends=at(12))
    assert document_of(screen)["version"] != morning["version"]


def test_a_campaign_beyond_the_seven_day_horizon_is_not_sent_yet():
    screen, _ = make_screen()
    make_campaign(
        playlist=make_playlist(slides=[make_slide()]), starts=at(9, day=30), ends=at(10, day=30), screens=[screen]
    )
    assert document_of(screen)["track"] == []


def test_screens_with_the_same_campaigns_share_one_document_and_others_get_theirs():
    ours, theirs = make_organisation(), make_organisation("Biblioteket")
    hall = Location.objects.create(name="Hall", organisation=ours)
    first, _ = make_screen(name="first", location=hall)
    second, _ = make_screen(name="second", location=hall)
    grouped, _ = make_screen(name="grouped")
    elsewhere, _ = make_screen(name="elsewhere")
    foreign, _ = make_screen(name="foreign", organisation=theirs)
    unpaired, _ = make_screen(name="unpaired", paired=False, location=hall)
    group = ScreenGroup.objects.create(name="Ground floor", organisation=ours)
    group.screens.add(grouped)
    playlist = make_playlist(slides=[make_slide()], organisation=ours)
    make_campaign(playlist=playlist, starts=at(9), ends=at(11), locations=[hall])
    make_campaign(playlist=playlist, starts=at(12), ends=at(13), groups=[group])

    editions = campaign_editions(screens=Q(), now=NOW)

    by_screens = {frozenset(edition["screens"]): edition for edition in editions}
    assert set(by_screens) == {
        frozenset({first.pk, second.pk}),
        frozenset({grouped.pk}),
        frozenset({elsewhere.pk, foreign.pk}),
    }
    assert unpaired.pk not in {pk for edition in editions for pk in edition["screens"]}
    assert len({edition["version"] for edition in editions}) == 3
    assert documents(Q(pk=foreign.pk))[foreign.pk]["track"] == []


def add_screens(count: int, location: Location) -> None:
    first = Screen.objects.count()
    Screen.objects.bulk_create(
        Screen(name=f"Screen {n}", location=location, organisation=location.organisation, token_hash=hash_token(str(n)))
        for n in range(first, first + count)
    )


def queries_for_all_screens() -> tuple[int, int]:
    """(queries, distinct documents) for every screen's campaigns."""
    with CaptureQueriesContext(connection) as queries:
        editions = campaign_editions(screens=Q(), now=NOW)
    return len(queries), len(editions)


def test_the_cost_grows_with_distinct_campaign_sets_not_with_screens(measurements):
    organisation = make_organisation()
    hall, library = (Location.objects.create(name=name, organisation=organisation) for name in ("Hall", "Library"))
    add_screens(5, hall)
    add_screens(5, library)
    without_campaigns, _ = queries_for_all_screens()
    group = ScreenGroup.objects.create(name="Some", organisation=organisation)
    group.screens.set([Screen.objects.filter(location=hall).first(), Screen.objects.filter(location=library).first()])
    playlist = make_playlist(slides=[make_slide(), make_slide()], organisation=organisation)
    make_campaign(playlist=playlist, starts=at(9), ends=at(11), locations=[hall])
    make_campaign(
        playlist=make_playlist(slides=[make_slide()], organisation=organisation),
        starts=at(10),
        ends=at(12),
        groups=[group],
    )
    with_10, sets_10 = queries_for_all_screens()
    add_screens(495, hall)
    add_screens(495, library)
    with_1000, sets_1000 = queries_for_all_screens()

    assert Screen.objects.count() == 1000
    assert without_campaigns == 2
    assert with_1000 == with_10 == 7
    assert sets_1000 == sets_10 == 4  # hall, hall + group, library + group, library
    measurements["campaign documents for 1,000 screens (queries, distinct documents)"] = (with_1000, sets_1000)


def test_the_message_is_encoded_once_per_document():
    screen, _ = make_screen()
    [edition] = campaign_editions(screens=Q(pk=screen.pk), now=NOW)
    assert edition["text"] == encode({"type": "campaigns", "campaigns": document_of(screen)})
