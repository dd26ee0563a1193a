"""Provisioning and publishing for the benchmark, through the product's own models and publish path."""

import itertools
import time

import django


class Publisher:
    def __init__(self):
        django.setup()
        from organisations.models import Organisation
        from organisations.services import organisation_create
        from playlists.models import Playlist, PlaylistItem, Slide
        from screens.fleet.models import Location

        owner = Organisation.objects.filter(name="Bench").first() or organisation_create(name="Bench")
        self.location, _ = Location.objects.get_or_create(name="Bench building", defaults={"organisation": owner})
        self.slide = Slide.objects.filter(title="Bench slide").first()
        if self.slide is None:
            content = [("image_text", {"heading": "Bench 0"})]
            self.slide = Slide(title="Bench slide", live=False, content=content, organisation=owner)
            self.slide.save()
            self.slide.save_revision().publish()
            self.playlist = Playlist(title="Bench playlist", live=False, organisation=owner)
            self.playlist.save()
            PlaylistItem.objects.create(playlist=self.playlist, slide=self.slide, sort_order=0)
            self.playlist.save_revision().publish()
        self.playlist = Playlist.objects.get(title="Bench playlist")
        self.counter = itertools.count(1)

    def provision(self, count: int) -> list[str]:
        """Replace the bench screens with `count` paired screens; returns their tokens."""
        from django.db import close_old_connections

        from core.pairing import hash_token, new_token
        from screens.fleet.models import Screen

        Screen.objects.filter(name__startswith="bench-").delete()
        tokens = [new_token() for _ in range(count)]
        Screen.objects.bulk_create(
            (
                Screen(
                    name=f"bench-{n}",
                    location=self.location,
                    playlist=self.playlist,
                    token_hash=hash_token(t),
                    organisation=self.location.organisation,
                )
                for n, t in enumerate(tokens)
            ),
            batch_size=1000,
        )
        close_old_connections()
        return tokens

    def publish(self) -> tuple[float, str]:
        """Publish a new revision of the bench slide; returns (wall time it started, new manifest version)."""
        from core.content_keys import playlist_key
        from screens.layouts.manifest import manifest_for

        # Unique per run too: a version a screen already has would read as a negative latency.
        heading = f"Bench {time.time_ns()}-{next(self.counter)}"
        self.slide.content = [("image_text", {"heading": heading, "text": "", "image": None})]
        started = time.time()
        self.slide.save_revision().publish()
        return started, manifest_for(playlist_key(self.playlist.pk)).version
