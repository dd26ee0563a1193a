from django.utils.translation import gettext_lazy as _

from organisations.viewsets import OrganisationOwnedViewSet

from .models import Theme


class ThemeViewSet(OrganisationOwnedViewSet):
    model = Theme
    icon = "pick"
    menu_label = _("Themes")
    list_display = ["name", "font"]
