from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.media import image_payload
from playlists.slide_types.base import SlideBlock, images_media

# Small and square; Wagtail's fill crops around the image's focal point, so faces stay in the frame.
PHOTO = "fill-400x400"
MAX_PEOPLE = 8

phone_number = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{2,28}$",
    _("Enter a phone number with digits, spaces and + ( ) - only, e.g. +45 33 66 33 66."),
)


class PersonBlock(blocks.StructBlock):
    # Named "image" like every image field, so a refused choice is cleared from the form (organisations.forms).
    image = ImageChooserBlock(label=_("Photo"), required=False)
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    title = blocks.CharBlock(label=_("Job title"), max_length=80, required=False)
    phone = blocks.CharBlock(label=_("Phone"), max_length=30, required=False, validators=[phone_number])
    email = blocks.EmailBlock(label=_("E-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Person")


class ContactsBlock(SlideBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    people = blocks.ListBlock(PersonBlock(), label=_("People"), min_num=1, max_num=MAX_PEOPLE)

    class Meta:
        icon = "group"
        label = _("Contacts")
        description = _("Up to eight people with photo, job title, phone and e-mail.")
        preview_value = {
            "heading": _("Ask us"),
            "people": [{"name": "Anna Jensen", "title": _("Librarian"), "phone": "+45 33 66 33 66"}],
        }

    def screen_payload(self, value) -> dict:
        people = [
            {
                "name": person.get("name", ""),
                "title": person.get("title", ""),
                "phone": person.get("phone", ""),
                "email": person.get("email", ""),
                "photo": image_payload(person.get("image"), PHOTO),
            }
            for person in value.get("people", [])
        ]
        return {
            "heading": value.get("heading", ""),
            "people": people,
            "media": images_media(*(person["photo"] for person in people)),
        }
