"""Two organisations with one of everything each, for tests of who may see and change what."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.documents.models import Document
from wagtail.log_actions import log
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from organisations.roles import ROLES
from organisations.services import organisation_approval_require
from playlists.models import Playlist, Slide
from screens.emergencies.services import Targets, emergency_start
from screens.fleet.models import ScreenGroup
from screens.proof_of_play.models import PlayEvent
from tests.factories import (
    make_campaign,
    make_image,
    make_layout,
    make_organisation,
    make_playlist,
    make_screen,
    make_slide,
    make_theme,
    make_user,
    make_video,
)

# Everything organisation B owns carries this in its name; it must never reach a user of organisation A.
MARKER = "Zq7Secret"


@dataclass
class Side:
    organisation: object
    user: object  # a member holding every role
    member: object  # another member, an editor
    slide: Slide
    playlist: Playlist
    layout: object
    screen: object
    image: object
    document: object
    video: object
    workflow_state: object
    session: EditingSession
    group: ScreenGroup
    emergency: object
    theme: object
    campaign: object

    @property
    def location(self):
        return self.screen.location

    @property
    def task_state(self):
        return self.workflow_state.current_task_state


def make_side(name: str, marker: str = "") -> Side:
    organisation = make_organisation(name)
    organisation_approval_require(organisation=organisation)
    user = make_user(organisation=organisation, roles=tuple(ROLES), username=f"{name.lower()}-all-roles")
    member = make_user(organisation=organisation, roles=("Editor",), username=f"{marker}{name.lower()}-editor")
    log(member, "wagtail.create", user=user)
    image = make_image(title=f"{marker} image of {name}", organisation=organisation, width=40, height=30)
    document = Document.objects.create(
        title=f"{marker} document of {name}",
        file=ContentFile(b"text", name="notes.txt"),
        collection=organisation.collection,
    )
    video = make_video(title=f"{marker} video of {name}", organisation=organisation)
    slide = make_slide(
        title=f"{marker} slide of {name}", heading=f"{marker} heading", image=image, organisation=organisation
    )
    playlist = make_playlist(slides=[slide], title=f"{marker} playlist of {name}", organisation=organisation)
    layout = make_layout(
        template="main_ticker",
        regions=[("ticker", playlist)],
        name=f"{marker} layout of {name}",
        organisation=organisation,
    )
    screen, _ = make_screen(
        playlist=playlist, layout=layout, name=f"{marker} screen of {name}", organisation=organisation
    )
    screen.location.name = f"{marker} location of {name}"
    screen.location.save()
    PlayEvent.objects.create(
        screen=screen, event_id="1", slide=slide, slide_title=slide.title, started_at=timezone.now(), duration=8
    )
    slide.title = f"{marker} slide of {name}, changed"
    slide.save_revision(user=member)
    workflow_state = organisation.approval_workflow.start(slide, member)
    session = EditingSession.objects.create(
        user=member,
        content_type=ContentType.objects.get_for_model(Slide),
        object_id=str(slide.pk),
        last_seen_at=timezone.now(),
    )
    slide = Slide.objects.get(pk=slide.pk)
    theme = make_theme(name=f"{marker} theme of {name}", organisation=organisation, logo=image)
    group = ScreenGroup.objects.create(name=f"{marker} group of {name}", organisation=organisation)
    group.screens.add(screen)
    emergency = emergency_start(
        targets=Targets(organisation, all_screens=True), heading=f"{marker} emergency of {name}", text="", user=user
    )
    campaign = make_campaign(
        playlist=playlist,
        starts=timezone.now(),
        ends=timezone.now() + timedelta(hours=1),
        groups=[group],
        title=f"{marker} campaign of {name}",
    )
    return Side(
        organisation,
        user,
        member,
        slide,
        playlist,
        layout,
        screen,
        image,
        document,
        video,
        workflow_state,
        session,
        group,
        emergency,
        theme,
        campaign,
    )


@pytest.fixture
def ours():
    return make_side("Borgerservice")


@pytest.fixture
def theirs():
    return make_side("Biblioteket", marker=MARKER)


def admin_form(*, organisation, location, playlist) -> dict:
    """One POST body that edits and publishes a slide or playlist, edits a layout, or edits and pairs a screen
    (code H7KQ3M), or makes a user a superuser in every group: whichever form receives it."""
    return {
        **nested_form_data(
            {
                "organisation": organisation.pk,
                "title": "Hijacked",
                "name": "Hijacked",
                "duration": 5,
                "content": streamfield([("image_text", {"heading": "Hijacked", "text": rich_text("x"), "image": ""})]),
                "items": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
                "region_playlists": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
                "schedules": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
                "template": "full",
            }
        ),
        "location": location.pk,
        "playlist": playlist.pk,
        "pairing_code": "H7KQ3M",
        "action-publish": "action-publish",
        "username": "hijacked",
        "email": "hijacked@example.org",
        "is_superuser": "on",
        "groups": [group.pk for group in Group.objects.all()],
        "comment": "Hijacked",
    }
