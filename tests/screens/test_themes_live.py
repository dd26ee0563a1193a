"""A screen's theme: in its welcome, in its slides, and pushed to exactly the screens a change affects."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from display.asgi import application
from organisations.models import Organisation
from screens.fleet.models import Location
from tests.factories import make_image, make_organisation, make_playlist, make_screen, make_slide, make_theme
from tests.manifests import slides_of
from tests.sockets import receive_welcome
from themes.models import Theme
from themes.payload import DEFAULT_THEME

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def connected(token) -> tuple[WebsocketCommunicator, dict]:
    """A playing screen and the welcome it got."""
    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    assert (await communicator.connect())[0]
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": token})
    welcome = await receive_welcome(communicator)
    assert (await communicator.receive_json_from())["type"] == "manifest"
    return communicator, welcome


@database_sync_to_async
def town_hall_and_library():
    """Borgerservice (theme "Blue") with a plain location and a "Green" one; Biblioteket with no theme."""
    borgerservice, library = make_organisation(), make_organisation("Biblioteket")
    blue = make_theme(name="Blue", organisation=borgerservice, logo=make_image(width=800, height=400))
    green = make_theme(name="Green", organisation=borgerservice, background="#0a3d1f")
    Organisation.objects.filter(pk=borgerservice.pk).update(theme=blue)
    hall = Location.objects.create(name="Hall", organisation=borgerservice)
    garden = Location.objects.create(name="Garden", organisation=borgerservice, theme=green)
    playlist = make_playlist(slides=[make_slide()])
    screens = {
        "hall": make_screen(name="Hall", location=hall, playlist=playlist),
        "garden": make_screen(name="Garden", location=garden, playlist=playlist),
        "library": make_screen(name="Library", organisation=library, playlist=playlist),
    }
    return {"blue": blue, "green": green, "hall": hall}, {name: token for name, (_, token) in screens.items()}


async def test_the_welcome_carries_the_theme_of_the_location_else_the_organisation_else_the_default():
    themes, tokens = await town_hall_and_library()
    sockets = {name: await connected(token) for name, token in tokens.items()}
    hall, garden, library = (sockets[name][1]["theme"] for name in ("hall", "garden", "library"))
    assert hall["background"] == "#0b3d91" and hall["logo"]["url"].startswith("/media/images/")
    assert garden["background"] == "#0a3d1f" and garden["logo"] is None
    assert library == DEFAULT_THEME
    for communicator, _ in sockets.values():
        await communicator.disconnect()


def recolour_the_organisations_theme(themes):
    theme = Theme.objects.get(pk=themes["blue"].pk)
    theme.background = "#222222"
    theme.save()


def give_the_hall_the_green_theme(themes):
    hall = Location.objects.get(pk=themes["hall"].pk)
    hall.theme = themes["green"]
    hall.save()


def drop_the_organisations_theme(themes):
    organisation = Organisation.objects.get(name="Borgerservice")
    organisation.theme = None
    organisation.save()


def delete_the_gardens_theme(themes):
    Theme.objects.filter(pk=themes["green"].pk).delete()


# Change → (the one screen it affects, what that screen's theme becomes). The garden has a location theme,
# the hall its organisation's; the library belongs to another organisation.
CHANGES = {
    "edit the organisation's theme": (recolour_the_organisations_theme, "hall", {"background": "#222222"}),
    "give a location a theme": (give_the_hall_the_green_theme, "hall", {"background": "#0a3d1f"}),
    "drop the organisation's theme": (drop_the_organisations_theme, "hall", DEFAULT_THEME),
    "delete a location's theme": (delete_the_gardens_theme, "garden", {"background": "#0b3d91"}),
}


@pytest.mark.parametrize("change", CHANGES)
async def test_a_theme_change_reaches_exactly_the_screens_whose_theme_it_changes(change):
    make_change, affected, expected = CHANGES[change]
    themes, tokens = await town_hall_and_library()
    sockets = {name: (await connected(token))[0] for name, token in tokens.items()}

    await database_sync_to_async(make_change)(themes)
    pushed = await sockets[affected].receive_json_from(timeout=5)
    assert pushed["type"] == "theme" and pushed["theme"].items() >= expected.items()
    for name, communicator in sockets.items():
        if name != affected:
            assert await communicator.receive_nothing(timeout=0.3), name
    for communicator in sockets.values():
        await communicator.disconnect()


async def test_a_lost_theme_push_is_repaired_by_the_next_heartbeat():
    themes, tokens = await town_hall_and_library()
    hall, _ = await connected(tokens["hall"])
    # Changed behind the signals' back, as if the push had been lost.
    await database_sync_to_async(Theme.objects.filter(pk=themes["blue"].pk).update)(text="#fffff0")
    await hall.send_json_to({"type": "heartbeat"})
    assert (await hall.receive_json_from(timeout=5))["theme"]["text"] == "#fffff0"
    assert (await hall.receive_json_from(timeout=5))["type"] == "heartbeat.ack"
    await hall.disconnect()


async def test_a_slide_with_its_own_theme_carries_it_and_its_logo_in_the_manifest():
    @database_sync_to_async
    def themed_slide_on_a_screen():
        theme = make_theme(
            name="Campaign", background="#ffffff", text="#111111", logo=make_image(width=600, height=300)
        )
        playlist = make_playlist(slides=[make_slide(theme=theme), make_slide()])
        return make_screen(playlist=playlist)[1]

    communicator = WebsocketCommunicator(application, "/ws/screen/", headers=[(b"origin", b"http://localhost")])
    await communicator.connect()
    await communicator.send_json_to({"type": "hello", "protocol": 1, "token": await themed_slide_on_a_screen()})
    await receive_welcome(communicator)
    own, inheriting = slides_of((await communicator.receive_json_from())["manifest"])
    assert own["theme"]["background"] == "#ffffff" and inheriting["theme"] is None
    assert {"url": own["theme"]["logo"]["url"], "kind": "image"} in own["media"]
    await communicator.disconnect()
