"""An editor schedules a playlist in the real admin, in Chromium: "first Saturday of the month, 10–14"."""

import os

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from playlists.models import PlaylistSchedule
from tests.e2e.admin_ui import ADMIN_PASSWORD, click_publish, log_in
from tests.factories import make_playlist
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def daphne(django_db_setup, django_db_blocker, server_logs):
    """A daphne of its own: admin views cache content type ids in the server process, which the
    database flush after this test would leave stale for later tests sharing the session's daphne."""
    with django_db_blocker.unblock():
        server = DaphneServer(log_dir=server_logs)
    yield server
    server.stop()


def test_an_editor_adds_a_monthly_schedule_and_sees_it_summarised(browser, daphne, tmp_path):
    User.objects.create(
        username="it-admin",
        is_staff=True,
        is_superuser=True,
        password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256"),
    )
    playlist = make_playlist(title="Flea market")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    log_in(page, daphne.url, "it-admin")
    page.goto(f"{daphne.url}/admin/snippets/playlists/playlist/edit/{playlist.pk}/")

    page.get_by_role("button", name="Add schedule").click()
    weekdays, ordinal = page.get_by_text("Weekdays", exact=True), page.locator("select[name='schedules-0-ordinal']")
    assert weekdays.is_visible() and not ordinal.is_visible()  # a new schedule repeats on chosen weekdays
    page.check("input[name='schedules-0-repeat'][value='monthly']")
    assert ordinal.is_visible() and not weekdays.is_visible()
    page.select_option("select[name='schedules-0-ordinal']", "1")
    page.select_option("select[name='schedules-0-ordinal_weekday']", "5")
    page.fill("input[name='schedules-0-starts']", "10:00")
    page.fill("input[name='schedules-0-ends']", "14:00")
    if os.environ.get("SCREENSHOTS"):
        page.screenshot(path=os.path.join(os.environ["SCREENSHOTS"], "schedule-form.png"), full_page=True)
    click_publish(page)
    page.wait_for_url(f"{daphne.url}/admin/snippets/playlists/playlist/")

    assert list(PlaylistSchedule.objects.filter(playlist=playlist).values_list("rule", flat=True)) == [
        "FREQ=MONTHLY;BYDAY=1SA"
    ]
    row = page.locator("tr", has_text="Flea market")
    assert "Saturday of the month 10:00–14:00" in row.inner_text()
    page.close()
