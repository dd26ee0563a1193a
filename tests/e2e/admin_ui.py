"""What an IT admin and an editor do in the Wagtail admin, as steps in a real browser."""

from playwright.sync_api import Page

ADMIN_PASSWORD = "e2e-password-2026"


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def pair_screen(page: Page, base_url: str, screen_id: int, code: str) -> None:
    page.goto(f"{base_url}/admin/snippets/screens/screen/edit/{screen_id}/")
    page.fill("#id_pairing_code", code)
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(f"{base_url}/admin/snippets/screens/screen/")


def edit_slide_heading(page: Page, base_url: str, slide_id: int, heading: str) -> None:
    page.goto(f"{base_url}/admin/snippets/playlists/slide/edit/{slide_id}/")
    page.fill("input[name='content-0-value-heading']", heading)


def click_publish(page: Page) -> None:
    page.click("footer .w-dropdown__toggle")
    page.click("button[name='action-publish']")
