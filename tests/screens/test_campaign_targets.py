"""Which campaigns a screen plays: its organisation's that name it, one of its groups or its location."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.campaign_targets import CampaignTargets, ScreenPlace, screen_campaigns
from core.timeline import Campaign

ZONE = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 23, 0, 0, tzinfo=ZONE)
HALL = ScreenPlace(id=1, organisation_id=10, location_id=100, groups=frozenset({7}))


def targets(campaign_id, *, organisation_id=10, ends=NOW + timedelta(hours=10), **named):
    window = Campaign(campaign_id, playlist_id=50, starts=NOW + timedelta(hours=9), ends=ends)
    return CampaignTargets(window, organisation_id, **{name: frozenset(ids) for name, ids in named.items()})


def ids(campaigns) -> list[int]:
    return [campaign.id for campaign in campaigns]


def test_a_screen_plays_campaigns_naming_it_its_group_or_its_location_and_no_others():
    campaigns = [
        targets(4, locations={100}),
        targets(1, screens={1}),
        targets(2, groups={7, 8}),
        targets(3, screens={2}, groups={8}, locations={101}),
    ]
    assert ids(screen_campaigns(HALL, campaigns, ending_after=NOW)) == [1, 2, 4]


def test_another_organisations_campaign_never_reaches_the_screen_even_naming_its_ids():
    foreign = targets(1, organisation_id=11, screens={1}, groups={7}, locations={100})
    assert screen_campaigns(HALL, [foreign], ending_after=NOW) == ()


def test_only_campaigns_ending_after_the_instant_count():
    ended = targets(1, screens={1}, ends=NOW)
    running = targets(2, screens={1}, ends=NOW + timedelta(seconds=1))
    assert ids(screen_campaigns(HALL, [ended, running], ending_after=NOW)) == [2]
