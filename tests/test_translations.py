"""The Danish admin is complete: every string we mark for translation has a Danish translation."""

import gettext
import re
from pathlib import Path

from django.utils import translation

from screens.fleet.models import Screen

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale/da/LC_MESSAGES/django.po"
APPS = ("api", "core", "demo", "organisations", "playlists", "screens", "themes")
MARKED = re.compile(r"""\b_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)""")


def po_entries() -> dict[str, str]:
    entries = {}
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        if "#, fuzzy" in block:
            continue
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if match:
            msgid, msgstr = ("".join(re.findall(r'"(.*)"', part)) for part in match.groups())
            entries[msgid] = msgstr
    return entries


def marked_strings() -> set[str]:
    found = set()
    for path in [*ROOT.glob("display/*.py"), *(p for app in APPS for p in ROOT.glob(f"{app}/**/*.py"))]:
        for match in MARKED.finditer(path.read_text(encoding="utf-8")):
            found.add("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))))
    return found


def test_every_marked_string_has_a_danish_translation():
    entries = po_entries()
    untranslated = sorted(s for s in marked_strings() if not entries.get(s))
    assert not untranslated, f"Run makemessages -l da and translate: {untranslated}"


def test_the_compiled_catalogue_is_current():
    with translation.override("da"):
        assert str(Screen._meta.verbose_name_plural) == "skærme"
        assert translation.gettext("Pairing code") == "Parringskode"
    with PO.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = [msgid for msgid, msgstr in po_entries().items() if msgid and compiled.gettext(msgid) != msgstr]
    assert not stale, f"Run compilemessages: {stale}"
