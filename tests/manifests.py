"""Reading manifests in tests: what a screen would play, whatever its layout."""


def slides_of(manifest: dict) -> list[dict]:
    """Every slide the manifest plays, region by region, playlist by playlist."""
    return [
        slide
        for region in manifest["layout"]["regions"]
        for playlist_id in region["playlists"]
        for slide in manifest["playlists"][str(playlist_id)]["slides"]
    ]


def headings(manifest: dict, region: str | None = None) -> list[str]:
    """The headings of the slides the manifest plays, in one region or in all."""
    if region is not None:
        regions = [r for r in manifest["layout"]["regions"] if r["name"] == region]
        manifest = {**manifest, "layout": {**manifest["layout"], "regions": regions}}
    return [slide["heading"] for slide in slides_of(manifest)]


def playlist_slides(playlist_id: int) -> list[dict]:
    """The slides a screen playing this playlist full screen receives: published, read from the database."""
    from core.content_keys import playlist_key
    from screens.layouts.manifest import manifest_for

    return slides_of(manifest_for(playlist_key(playlist_id)).body)


def manifest_of_slides(slides) -> dict:
    """The manifest of a full-screen playlist of these slides (as they are, no database read)."""
    from core.grids import FULL, MAIN, TEMPLATES
    from playlists.payloads import build_manifest, playlist_payload

    entry = playlist_payload(playlist_id=1, title="Playlist", slides=list(slides))
    return build_manifest(template=TEMPLATES[FULL], regions={MAIN.name: [entry]}).body
