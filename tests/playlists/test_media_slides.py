"""Media slide types through the real manifest builder: renditions sized for the screen and cropped around
the focal point, alt text, slideshow durations, video entries, and content saved before these fields existed."""

import io
import json

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from playlists.models import Slide
from playlists.slide_types.video import VideoBlock
from tests.factories import make_image, make_organisation, make_slide, make_video
from tests.manifests import manifest_of_slides, slides_of

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 0, 0), (0, 0, 220)


@pytest.fixture(autouse=True)
def no_cached_renditions():
    # Wagtail caches renditions by image id, and ids come round again after each test's rollback.
    cache.clear()


def payload_of(slide) -> dict:
    return slides_of(manifest_of_slides([slide]))[0]


def image_text(image, **fields):
    return [("image_text", {"heading": "Hi", "text": "", "image": image, **fields})]


def halves_image(width: int = 4000, height: int = 1000) -> Image:
    """Red on the left half, blue on the right: the colour of a crop tells where it was taken."""
    picture = PILImage.new("RGB", (width, height), RED)
    picture.paste(BLUE, (width // 2, 0, width, height))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title="Halves", file=ImageFile(buffer, name="halves.png"), collection=make_organisation().collection
    )


def colour_of(url: str) -> tuple[int, int, int]:
    """The average colour of a rendition, read back from the file the manifest names."""
    with PILImage.open(settings.MEDIA_ROOT / url.removeprefix(settings.MEDIA_URL)) as picture:
        return picture.convert("RGB").resize((1, 1), PILImage.Resampling.BOX).getpixel((0, 0))


def urls_in(value) -> list[str]:
    if isinstance(value, dict):
        return [url for key, item in value.items() for url in ([item] if key == "url" else urls_in(item))]
    if isinstance(value, list):
        return [url for item in value for url in urls_in(item)]
    return []


def test_a_full_screen_image_is_cropped_to_fill_each_orientation():
    slide = make_slide(content=image_text(make_image(width=4000, height=3000)))
    image = payload_of(slide)["image"]
    assert (image["width"], image["height"]) == (1920, 1080)
    assert (image["portrait"]["width"], image["portrait"]["height"]) == (1080, 1920)
    assert "fill-1920x1080" in image["url"] and "fill-1080x1920" in image["portrait"]["url"]


def test_a_half_size_image_gets_a_half_screen_rendition():
    payload = payload_of(make_slide(content=image_text(make_image(width=4000, height=3000), layout="image_right")))
    image = payload["image"]
    assert payload["layout"] == "image_right"
    assert (image["width"], image["height"]) == (960, 1080)
    assert (image["portrait"]["width"], image["portrait"]["height"]) == (1080, 960)


def test_the_focal_point_decides_the_crop():
    image = halves_image()

    def crop_colour(focal_x: int | None) -> tuple[int, int, int]:
        image.focal_point_x, image.focal_point_y = focal_x, 500 if focal_x else None
        image.focal_point_width = image.focal_point_height = 200 if focal_x else None
        image.save()
        image.renditions.all().delete()
        return colour_of(payload_of(make_slide(content=image_text(image, layout="image_left")))["image"]["url"])

    red, _, blue = crop_colour(None)
    assert abs(red - blue) < 60, "without a focal point the crop is centred, across both halves"
    assert crop_colour(3500) == pytest.approx(BLUE, abs=8)
    assert crop_colour(500) == pytest.approx(RED, abs=8)


def test_no_original_file_reaches_a_manifest():
    photo, logo, shown = make_image(width=4000, height=3000), make_image(width=800, height=800), make_image()
    slides = [
        make_slide(content=image_text(photo, logo=logo)),
        make_slide(content=[("slideshow", {"images": [{"image": shown, "duration": 4}], "transition": "zoom"})]),
    ]
    manifest = manifest_of_slides(slides)
    urls = urls_in(manifest)
    assert len(urls) == 2 * 3 + 2 * 2  # each: payload url and media entry; cover images twice (orientations)
    originals = {image.file.url for image in (photo, logo, shown)}
    assert not originals & set(urls)
    assert all(url.startswith("/media/images/") for url in urls), urls


def test_a_logo_is_a_small_contained_rendition_with_alt_text():
    logo = make_image(width=2000, height=500, title="Kommunens logo")
    payload = payload_of(make_slide(content=image_text(None, logo=logo, box_position="top-right")))
    assert payload["image"] is None and payload["box_position"] == "top-right"
    assert (payload["logo"]["width"], payload["logo"]["height"]) == (480, 120)
    assert payload["logo"]["alt"] == "Kommunens logo"
    assert payload["media"] == [{"url": payload["logo"]["url"], "kind": "image"}]


def test_cover_images_list_one_file_per_orientation():
    payload = payload_of(make_slide(content=image_text(make_image())))
    assert payload["media"] == [
        {"url": payload["image"]["url"], "kind": "image", "orientation": "landscape"},
        {"url": payload["image"]["portrait"]["url"], "kind": "image", "orientation": "portrait"},
    ]


def test_content_saved_before_layouts_existed_shows_as_it_did():
    slide = make_slide(heading="Old")
    Slide.objects.filter(pk=slide.pk).update(
        content=json.dumps([{"type": "image_text", "value": {"heading": "Old", "text": "", "image": None}}])
    )
    payload = payload_of(Slide.objects.get(pk=slide.pk))
    assert (payload["layout"], payload["box_position"], payload["logo"]) == ("full", "bottom-left", None)


def test_a_slideshow_lasts_as_long_as_its_images_and_uses_their_own_alt_text():
    first, second = make_image(title="Harbour"), make_image(title="Square")
    images = [
        {"image": {"image": first, "decorative": False, "alt_text": "The harbour at dawn"}, "duration": 4},
        {"image": {"image": second, "decorative": True, "alt_text": ""}, "duration": 7},
    ]
    payload = payload_of(make_slide(duration=10, content=[("slideshow", {"images": images, "transition": "zoom"})]))
    assert payload["duration"] == 11 and payload["transition"] == "zoom"
    assert [(i["duration"], i["alt"]) for i in payload["images"]] == [(4, "The harbour at dawn"), (7, "")]
    assert all((i["width"], i["height"]) == (1920, 1080) for i in payload["images"])
    assert [entry["orientation"] for entry in payload["media"]] == ["landscape", "portrait"] * 2


def test_a_slideshow_image_that_cannot_be_read_is_left_out_with_its_time():
    broken = make_image(title="Broken")
    broken.file.storage.delete(broken.file.name)
    images = [{"image": make_image(), "duration": 4}, {"image": broken, "duration": 30}]
    payload = payload_of(make_slide(content=[("slideshow", {"images": images})]))
    assert payload["duration"] == 4 and len(payload["images"]) == 1


def test_a_video_goes_to_screens_as_its_file_with_its_length():
    video = make_video(title="Countdown")
    payload = payload_of(make_slide(duration=10, content=[("video", {"video": video})]))
    assert payload["video"]["url"] == video.url and payload["video"]["url"].endswith(".mp4")
    assert payload["sound"] is False and payload["duration"] == 3
    assert payload["media"] == [{"url": video.url, "kind": "video"}]


def test_a_video_of_unknown_length_keeps_the_slides_duration_as_its_measure():
    video = make_video()
    video.duration = 0
    video.save()
    payload = payload_of(make_slide(duration=42, content=[("video", {"video": video, "sound": True})]))
    assert payload["duration"] == 42 and payload["sound"] is True


def test_a_video_screens_cannot_play_is_refused_with_a_clear_message():
    block = VideoBlock()
    value = block.to_python({"video": make_video(name="old.avi", content=b"RIFF").pk, "sound": False})
    with pytest.raises(Exception) as refused:
        block.clean(value)
    assert "MP4 and WebM" in str(refused.value.as_json_data())
    assert block.clean(block.to_python({"video": make_video().pk, "sound": False}))
