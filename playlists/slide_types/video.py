import math
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtailmedia.blocks import VideoChooserBlock

from core.media import media_entry
from playlists.slide_types.base import SlideBlock

# What a Chromium kiosk plays (H.264 MP4, VP8/VP9/AV1 WebM): anything else would fail only on the screen.
PLAYABLE = {".mp4", ".m4v", ".webm"}


class VideoBlock(SlideBlock):
    video = VideoChooserBlock(label=_("Video"))
    sound = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Play with sound"),
        help_text=_("Videos play muted unless this is on. Sound needs screens set up to allow it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("Plays a video to its end, then the next slide follows.")

    def clean(self, value):
        value = super().clean(value)
        video = value.get("video")
        if video and PurePath(video.file.name).suffix.lower() not in PLAYABLE:
            raise blocks.StructBlockValidationError(
                {"video": ValidationError(_("Screens play MP4 and WebM videos only; convert this one first."))}
            )
        return value

    def screen_payload(self, value) -> dict:
        video = value.get("video")
        if video is None:
            return {"video": None, "sound": False, "media": []}
        return {
            "video": {"url": video.url, "width": video.width, "height": video.height},
            "sound": bool(value.get("sound")),
            # The slide ends with the video; a known length is what it plays for (proof of play, schedules).
            **({"duration": math.ceil(video.duration)} if video.duration else {}),
            "media": [media_entry(video.url, "video")],
        }
