"""A screen's browser as a paired screen has it."""

import json


def paired_kiosk(browser, token: str, viewport: dict | None = None, **context_options):
    """(context, page) with the screen's token already in local storage, at a 1280×720 viewport unless given."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 720}, **context_options)
    context.add_init_script(f"localStorage.setItem('infoscreen.token', {json.dumps(token)})")
    return context, context.new_page()
