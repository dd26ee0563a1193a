"""Existing installations: everything that exists already belongs to one default organisation."""

from django.db import migrations

STEP = 4  # treebeard's path step for collections
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def child_path(parent, last_child_path: str | None) -> str:
    number = int(last_child_path[-STEP:], 36) + 1 if last_child_path else 1
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent.path + digits.rjust(STEP, "0")


def create_default_organisation(apps, schema_editor):
    owned = [apps.get_model(*label) for label in
             (("playlists", "Slide"), ("playlists", "Playlist"), ("screens", "Screen"), ("screens", "Location"))]
    media = [apps.get_model("wagtailimages", "Image"), apps.get_model("wagtaildocs", "Document")]
    User = apps.get_model("auth", "User")
    if not any(model.objects.exists() for model in [*owned, *media, User]):
        return  # a new installation: organisations are created as they are needed
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.get(depth=1)
    last = Collection.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    collection = Collection.objects.create(name="Default organisation", depth=2, numchild=0, path=child_path(root, last))
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    organisation = apps.get_model("organisations", "Organisation").objects.create(
        name="Default organisation", collection=collection
    )
    organisation.members.set(User.objects.all())
    for model in owned:
        model.objects.filter(organisation__isnull=True).update(organisation=organisation)
    for model in media:
        model.objects.filter(collection=root).update(collection=collection)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("playlists", "0002_organisations"),
        ("screens", "0002_organisations"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_default_organisation, migrations.RunPython.noop)]
