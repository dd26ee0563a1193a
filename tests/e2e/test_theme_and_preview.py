"""Themes and the admin preview in real Chromium: colours, font and logo on a screen; previews drawn by the
screen's own renderer at 1920×1080 and 1080×1920, full size and scaled in Wagtail's preview panel."""

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User

from organisations.models import Organisation
from tests.e2e.admin_ui import ADMIN_PASSWORD, log_in
from tests.e2e.kiosk import paired_kiosk
from tests.factories import make_image, make_organisation, make_playlist, make_screen, make_slide, make_theme
from tests.servers import DaphneServer

pytestmark = [pytest.mark.e2e, pytest.mark.client_rendering, pytest.mark.django_db(transaction=True)]

CURRENT = ".slide[data-state='current']"
STYLE_OF_CURRENT_SLIDE = """() => {
    const slide = document.querySelector(".slide[data-state='current']");
    const box = getComputedStyle(slide.querySelector(".image-text"));
    const heading = getComputedStyle(slide.querySelector(".slide-heading"));
    return {background: box.backgroundColor, text: heading.color, font: heading.fontFamily,
            logo: getComputedStyle(slide, "::after").backgroundImage};
}"""


def test_a_screen_shows_its_organisations_theme_colours_font_and_logo(browser, daphne):
    organisation = make_organisation()
    logo = make_image(width=400, height=200, organisation=organisation, title="Crest")
    theme = make_theme(organisation=organisation, background="#0b3d91", text="#fffff0", font="serif", logo=logo)
    Organisation.objects.filter(pk=organisation.pk).update(theme=theme)
    slide = make_slide(heading="Themed", text="", duration=60)
    _, token = make_screen(playlist=make_playlist(slides=[slide]), organisation=organisation)

    context, kiosk = paired_kiosk(browser, token)
    try:
        kiosk.goto(f"{daphne.url}/screen/")
        kiosk.wait_for_selector(f"{CURRENT} .slide-heading:text-is('Themed')", timeout=10000)
        style = kiosk.evaluate(STYLE_OF_CURRENT_SLIDE)
        assert style["background"] == "rgb(11, 61, 145)"
        assert style["text"] == "rgb(255, 255, 240)"
        assert style["font"].startswith('"DejaVu Serif"')
        logo_url = style["logo"].split('"')[1]
        assert "/media/images/" in logo_url and "max-480x240" in logo_url
        # The logo really arrives (a broken URL would leave an empty corner, not an error).
        assert kiosk.evaluate(
            "(url) => fetch(url).then((r) => r.ok && r.headers.get('content-type'))", logo_url
        ).startswith("image/")
    finally:
        context.close()


@pytest.fixture
def admin_daphne(server_logs):
    """A daphne of the test's own: admin views cache content type ids, which the shared server would keep
    past the flush that ends this test, breaking the next test's admin saves."""
    server = DaphneServer(log_dir=server_logs)
    yield server
    server.stop()


@pytest.fixture
def editor_page(browser, admin_daphne):
    daphne = admin_daphne
    User.objects.create(
        username="it-admin",
        is_staff=True,
        is_superuser=True,
        password=make_password(ADMIN_PASSWORD, hasher="pbkdf2_sha256"),
    )
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    log_in(page, daphne.url, "it-admin")
    yield context, page
    context.close()


def frame_size_and_heading(frame) -> tuple[int, int, str]:
    frame.wait_for_selector(f"{CURRENT} .slide-heading")
    return frame.evaluate(
        "() => [innerWidth, innerHeight, document.querySelector(\".slide[data-state='current'] .slide-heading\").textContent]"
    )


def screen_frame(page):
    """The preview's screen-sized frame (its srcdoc document), wherever it is nested."""
    for _ in range(100):
        frames = [frame for frame in page.frames if frame.url == "about:srcdoc"]
        if frames:
            return frames[-1]
        page.wait_for_timeout(100)
    raise AssertionError("no preview screen frame")


@pytest.mark.parametrize("kind", ["slide", "playlist"])
def test_previews_render_with_the_screen_renderer_full_size_and_scaled(kind, editor_page, admin_daphne, measurements):
    daphne = admin_daphne
    context, page = editor_page
    organisation = make_organisation()
    own = make_theme(name="Campaign", organisation=organisation, background="#ffffff", text="#101010")
    slide = make_slide(heading="Previewed", text="", theme=own)
    obj = slide if kind == "slide" else make_playlist(slides=[slide])
    page.goto(f"{daphne.url}/admin/snippets/playlists/{kind}/edit/{obj.pk}/")
    page.click("button[data-side-panel-toggle='preview']")

    # Scaled: Wagtail's panel shows the 1920-wide page at a fraction of its size; inside, a 1920×1080 screen.
    page.wait_for_selector("iframe.w-preview__iframe[src]")
    page.wait_for_selector("iframe.w-preview__proxy", state="detached")  # Wagtail swaps in the loaded frame
    screen = page.frame_locator("iframe.w-preview__iframe").locator("#preview-screen")
    screen.wait_for()
    inner = screen_frame(page)
    assert frame_size_and_heading(inner) == [1920, 1080, "Previewed"]
    box = screen.bounding_box()
    measurements[f"{kind} preview in the panel (px)"] = f"{box['width']:.0f}×{box['height']:.0f}"
    assert box["width"] < 1920 and box["width"] / box["height"] == pytest.approx(16 / 9, rel=0.02)
    background = inner.evaluate("getComputedStyle(document.querySelector('.image-text')).backgroundColor")
    assert background == "rgb(255, 255, 255)"  # the slide's own theme

    # Full size, as "Preview in new tab" opens it, in each mode.
    preview_url = page.locator("[data-w-preview-url-value]").get_attribute("data-w-preview-url-value")
    for mode, viewport in [("landscape", (1920, 1080)), ("portrait", (1080, 1920))]:
        tab = context.new_page()
        tab.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        tab.goto(f"{daphne.url}{preview_url}?mode={mode}")
        assert frame_size_and_heading(screen_frame(tab)) == [*viewport, "Previewed"]
        box = tab.locator("#preview-screen").bounding_box()
        assert (round(box["width"]), round(box["height"])) == viewport  # drawn 1:1, not scaled
        tab.close()
