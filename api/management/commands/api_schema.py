"""Write the API's OpenAPI description to docs/openapi.json, or check that the committed one is current."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from api.v1 import api

SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "openapi.json"


def schema_text() -> str:
    """In English whatever the installation's language (error messages are translated), so the file is the same
    everywhere."""
    with translation.override("en"):
        return (
            json.dumps(api.get_openapi_schema(), sort_keys=True, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder)
            + "\n"
        )


class Command(BaseCommand):
    help = "Write the API's OpenAPI description to docs/openapi.json (--check: exit 1 if it is out of date)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Compare with the committed file; change nothing.")

    def handle(self, *args, check: bool = False, **options):
        text = schema_text()
        if check:
            current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
            if current != text:
                self.stderr.write("docs/openapi.json is out of date: run `python manage.py api_schema`.")
                raise SystemExit(1)
            self.stdout.write("docs/openapi.json is current.")
            return
        SCHEMA_PATH.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {SCHEMA_PATH.relative_to(settings.BASE_DIR)}.")
