from django.utils.translation import gettext_lazy as _

from organisations.viewsets import OrganisationOwnedViewSet

from .forms import LayoutForm
from .models import Layout


class LayoutViewSet(OrganisationOwnedViewSet):
    model = Layout
    icon = "table"
    menu_label = _("Layouts")
    list_display = ["name", "template"]
    list_filter = ["template"]
    base_form_class = LayoutForm
