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
