"""Makes demo/demo_media/countdown.mp4, the demo's video: frames drawn with Pillow, encoded by ffmpeg.

Run once by a developer (`python scripts/make_demo_video.py`, needs ffmpeg); the result is committed, so a
fresh offline machine needs neither. H.264 in MP4: what a Raspberry Pi decodes in hardware and smart TVs play.
"""

import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "demo" / "demo_media" / "countdown.mp4"
WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 25, 3


def frame(index: int) -> Image.Image:
    t = index / FPS
    picture = Image.new("RGB", (WIDTH, HEIGHT), (20, 70, 120))
    draw = ImageDraw.Draw(picture)
    x = int((WIDTH - 80) * t / SECONDS)
    draw.ellipse([x, HEIGHT - 100, x + 80, HEIGHT - 20], fill=(240, 200, 40))
    draw.text(
        (WIDTH // 2, HEIGHT // 2 - 30),
        str(SECONDS - int(t)),
        fill="white",
        anchor="mm",
        font=ImageFont.load_default(size=120),
    )
    return picture


def main() -> None:
    encoder = subprocess.Popen(
        [
            "ffmpeg",
            "-y",
            "-loglevel",
            "error",
            "-f",
            "rawvideo",
            "-pix_fmt",
            "rgb24",
            "-s",
            f"{WIDTH}x{HEIGHT}",
            "-r",
            str(FPS),
            "-i",
            "-",
            "-c:v",
            "libx264",
            "-profile:v",
            "baseline",
            "-pix_fmt",
            "yuv420p",
            "-crf",
            "30",
            "-movflags",
            "+faststart",
            str(OUT),
        ],
        stdin=subprocess.PIPE,
    )
    for index in range(FPS * SECONDS):
        encoder.stdin.write(frame(index).tobytes())
    encoder.stdin.close()
    if encoder.wait():
        raise SystemExit("ffmpeg failed")
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
