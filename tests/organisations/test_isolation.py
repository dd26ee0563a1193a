"""A user of organisation A, holding every role, walks every registered admin URL against organisation B's
objects: nothing of B's may be listed, viewed, edited, previewed, published, paired or unpaired.

New admin URLs are walked automatically. A URL whose parameters or model this file does not know fails
`test_every_admin_url_can_be_walked`: teach it below (PARAMETERS, NAMESPACE_MODELS, theirs_by_model)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from wagtail.admin.models import EditingSession
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Page, Task, Workflow
from wagtailmedia.models import Media

from organisations.models import Organisation, OrganisationLogEntry
from playlists.models import Playlist, Slide
from screens.campaigns.models import Campaign
from screens.emergencies.models import Emergency, EmergencyAck
from screens.fleet.models import Location, Screen, ScreenGroup
from screens.layouts.models import Layout
from tests.conftest import migrated_baseline_restore
from tests.factories import make_pairing_code
from tests.organisations.conftest import MARKER, admin_form, make_side
from themes.models import Theme

pytestmark = pytest.mark.django_db

User = get_user_model()

# Not walked, and why.
SKIPPED = {
    "wagtailadmin_login": "the public login page",
    "wagtailadmin_logout": "ends the session the walk runs in",
    "wagtailadmin_password_reset": "public, and about one's own account",
    "wagtailadmin_password_reset_done": "public, and about one's own account",
    "wagtailadmin_password_reset_confirm": "public, and about one's own account",
    "wagtailadmin_password_reset_complete": "public, and about one's own account",
    "wagtailadmin_error_test": "raises on purpose",
    "admin/test404/": "renders a 404 page on purpose",
    "admin/^.*/$": "the admin's catch-all 404",
}

# Wagtail's own views that answer a request the walk makes up (a POST with no form behind it, a link
# chooser without its parameters) with a server error: they change and show nothing, but cannot be asked.
CRASH_ON_MADE_UP_REQUESTS = {
    "wagtailadmin_choose_page_external_link",
    *(
        f"wagtailsnippetchoosers_{model}:create"
        for model in (
            "playlists_slide",
            "playlists_playlist",
            "screens_layout",
            "screens_screen",
            "screens_screengroup",
            "screens_location",
            "themes_theme",
            "screens_campaign",
        )
    ),
}

# The model whose instance an object URL of this namespace (or URL name) takes.
NAMESPACE_MODELS = {
    "wagtailimages": Image,
    "wagtailimages_chooser": Image,
    "wagtailadmin_api:images": Image,
    "wagtaildocs": Document,
    "wagtaildocs_chooser": Document,
    "wagtailadmin_api:documents": Document,
    "wagtailmedia": Media,
    "wagtailmedia_usage_scoped": Media,
    "wagtailadmin_api:pages": Page,
    "wagtailusers_users": User,
    "wagtailusers_groups": Group,
    "wagtailadmin_collections": Collection,
    "wagtailadmin_workflows": Workflow,
    "wagtailadmin_workflows:edit_task": Task,
    "wagtailadmin_workflows:enable_task": Task,
    "wagtailadmin_workflows:disable_task": Task,
    "wagtailadmin_editing_sessions": Slide,
    "wagtail_bulk_action": Slide,
    "emergency": Emergency,
}


def theirs_by_model(theirs) -> dict:
    """Organisation B's instance of each model an admin URL can name."""
    return {
        Organisation: theirs.organisation,
        Slide: theirs.slide,
        Playlist: theirs.playlist,
        Layout: theirs.layout,
        Screen: theirs.screen,
        Location: theirs.location,
        ScreenGroup: theirs.group,
        Emergency: theirs.emergency,
        Theme: theirs.theme,
        Campaign: theirs.campaign,
        Image: theirs.image,
        Document: theirs.document,
        Media: theirs.video,
        User: theirs.member,
        Group: Group.objects.get(name="Editor"),
        Collection: theirs.organisation.collection,
        Workflow: theirs.organisation.approval_workflow,
        Task: theirs.task_state.task,
        Page: Page.objects.filter(depth=2).first() or Page.add_root(title="Root").add_child(title="Welcome"),
    }


# URL parameter → its value, from (organisation B's side, the URL's model, B's instance of it).
PARAMETERS = {
    "pk": lambda side, model, obj: obj.pk,
    "image_id": lambda side, model, obj: side.image.pk,
    "document_id": lambda side, model, obj: side.document.pk,
    "doc_id": lambda side, model, obj: side.document.pk,
    "media_id": lambda side, model, obj: side.video.pk,
    "media_type": lambda side, model, obj: "video",
    "uploaded_file_id": lambda side, model, obj: 1,
    "filter_spec": lambda side, model, obj: "original",
    # Pages have no revisions here; any revision will do, none is organisation A's.
    "revision_id": lambda side, model, obj: getattr(obj, "latest_revision_id", None) or side.slide.latest_revision_id,
    "revision_id_a": lambda side, model, obj: "earliest",
    "revision_id_b": lambda side, model, obj: "latest",
    "task_state_id": lambda side, model, obj: side.task_state.pk,
    "workflow_state_id": lambda side, model, obj: side.workflow_state.pk,
    "task_id": lambda side, model, obj: side.task_state.task_id,
    "action_name": lambda side, model, obj: "approve",
    "action": lambda side, model, obj: "delete",
    "app_label": lambda side, model, obj: model._meta.app_label,
    "app_name": lambda side, model, obj: model._meta.app_label,
    "content_type_app_name": lambda side, model, obj: model._meta.app_label,
    "model_name": lambda side, model, obj: model._meta.model_name,
    "content_type_model_name": lambda side, model, obj: model._meta.model_name,
    "object_id": lambda side, model, obj: obj.pk,
    "session_id": lambda side, model, obj: side.session.pk,
    "collection_id": lambda side, model, obj: side.organisation.collection.pk,
    "workflow_pk": lambda side, model, obj: side.organisation.approval_workflow.pk,
    "page_id": lambda side, model, obj: obj.pk,
    "page_pk": lambda side, model, obj: obj.pk,
    "parent_page_id": lambda side, model, obj: obj.pk,
    "page_to_move_id": lambda side, model, obj: obj.pk,
    "destination_id": lambda side, model, obj: obj.pk,
    "uidb64": lambda side, model, obj: "MQ",
    "token": lambda side, model, obj: "set-password",
}


def admin_urls() -> list[tuple[str | None, str, list[str]]]:
    """Every registered admin URL: (name with namespace, route, parameter names)."""

    def walk(patterns, route="", namespace="", parameters=()):
        for pattern in patterns:
            names = [*parameters, *pattern.pattern.regex.groupindex]
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, route + str(pattern.pattern), inner, names)
            else:
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield name, route + str(pattern.pattern), names

    return [url for url in walk(get_resolver().url_patterns) if url[1].startswith("admin/")]


WALKED = [url for url in admin_urls() if url[0] not in SKIPPED and url[1] not in SKIPPED]


def model_of(name: str):
    namespace, _, view = name.rpartition(":")
    for key in (name, namespace, namespace.split(":")[0]):
        if key in NAMESPACE_MODELS:
            return NAMESPACE_MODELS[key]
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            from django.apps import apps

            app_label, model_name = namespace.removeprefix(prefix).split("_", 1)
            return apps.get_model(app_label, model_name)
    return Page  # Wagtail's own page views: no organisation owns pages, and our roles give no page permissions


def url_for(name: str, parameters: list[str], theirs) -> tuple[str, str]:
    """The URL naming B's object, and the same with a search for B's names and B's object as bulk target."""
    model = model_of(name)
    obj = theirs_by_model(theirs)[model]
    url = reverse(name, kwargs={parameter: PARAMETERS[parameter](theirs, model, obj) for parameter in parameters})
    return url, f"{url}?q={MARKER.lower()}&id={obj.pk}"


def state(side) -> dict:
    """What a successful list, edit, publish, pair, unpair, approval or lock of B's would change."""
    return {
        "slide": Slide.objects.filter(pk=side.slide.pk).values().first(),
        "playlist": Playlist.objects.filter(pk=side.playlist.pk).values().first(),
        "playlist items": list(side.playlist.items.values_list("slide_id", flat=True)),
        "layout": Layout.objects.filter(pk=side.layout.pk).values().first(),
        "layout regions": list(side.layout.region_playlists.values_list("region", "playlist_id")),
        "screen": Screen.objects.filter(pk=side.screen.pk).values().first(),
        "location": Location.objects.filter(pk=side.location.pk).values().first(),
        "group": ScreenGroup.objects.filter(pk=side.group.pk).values().first(),
        "group screens": sorted(side.group.screens.values_list("pk", flat=True)),
        "emergency": Emergency.objects.filter(pk=side.emergency.pk).values().first(),
        "campaign": Campaign.objects.filter(pk=side.campaign.pk).values().first(),
        "campaign targets": [
            sorted(side.campaign.screens.values_list("pk", flat=True)),
            sorted(side.campaign.groups.values_list("pk", flat=True)),
            sorted(side.campaign.locations.values_list("pk", flat=True)),
        ],
        "emergencies": Emergency.objects.filter(organisation=side.organisation).count(),
        "emergency acks": EmergencyAck.objects.filter(emergency=side.emergency).count(),
        "image": Image.objects.filter(pk=side.image.pk).values("title", "collection_id", "file").first(),
        "document": Document.objects.filter(pk=side.document.pk).values("title", "collection_id", "file").first(),
        "video": Media.objects.filter(pk=side.video.pk).values("title", "collection_id", "file").first(),
        "member": User.objects.filter(pk=side.member.pk).values().first(),
        "member groups": sorted(side.member.groups.values_list("pk", flat=True)),
        "members": sorted(side.organisation.members.values_list("pk", flat=True)),
        "workflow": side.workflow_state.__class__.objects.filter(pk=side.workflow_state.pk).values("status").first(),
        "sessions": EditingSession.objects.filter(pk=side.session.pk).exists(),
        "log": OrganisationLogEntry.objects.filter(organisation=side.organisation).count(),
    }


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def test_every_admin_url_can_be_walked():
    """Fails when an admin URL appears that the walk cannot build: give its parameters and model a value."""
    unknown = {
        (name, route, parameter)
        for name, route, parameters in WALKED
        for parameter in parameters
        if parameter not in PARAMETERS
    }
    assert not unknown, f"Teach the isolation walk these URL parameters: {unknown}"
    assert all(name for name, _, _ in WALKED), "Unnamed admin URLs: add them to SKIPPED with a reason"


@pytest.fixture(scope="module")
def sides(django_db_setup, django_db_blocker):
    """Both organisations, built once for the walk: each test runs in a savepoint inside this transaction,
    as Django's setUpTestData does."""
    with django_db_blocker.unblock(), transaction.atomic():
        migrated_baseline_restore()
        yield make_side("Borgerservice"), make_side("Biblioteket", marker=MARKER)
        transaction.set_rollback(True)


@pytest.mark.parametrize(("name", "route", "parameters"), WALKED, ids=[f"{name}|{route}" for name, route, _ in WALKED])
def test_a_user_of_another_organisation_gets_nothing(client, sides, name, route, parameters):
    ours, theirs = sides
    client.force_login(ours.user)
    client.raise_request_exception = False
    url, searched = url_for(name, parameters, theirs)
    make_pairing_code("H7KQ3M")
    before = state(theirs)

    form = admin_form(organisation=ours.organisation, location=theirs.location, playlist=theirs.playlist)
    unpair = {**form, "pairing_code": "", "unpair": "on"}
    responses = [client.get(url), client.get(searched), client.post(searched, form), client.post(url, unpair)]

    for response in responses:
        assert response.status_code < 500 or name in CRASH_ON_MADE_UP_REQUESTS, f"{url} crashed"
        assert MARKER not in body(response), f"{url} shows organisation B's content"
    assert state(theirs) == before, f"{url} changed organisation B's content"
