"""The users admin for Organisation admins: the members of their own organisations, and only the roles."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from .roles import ROLES
from .selectors import organisations_of
from .viewsets import OrganisationScopedViewSetMixin


class MembershipFormMixin(forms.ModelForm):
    """Sets the user's organisations among those the editing user manages. A non-superuser cannot make
    superusers, and gives only the role groups; other memberships and groups are kept as they were."""

    organisations = forms.ModelMultipleChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, label=_("Organisations")
    )

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.managed = organisations_of(user=for_user)
        self.fields["organisations"].queryset = self.managed
        self.fields["organisations"].required = not for_user.is_superuser
        if self.instance.pk:
            self.initial["organisations"] = list(self.instance.organisations.filter(pk__in=self.managed))
        if not for_user.is_superuser:
            self.fields.pop("is_superuser", None)
            self.fields["groups"].queryset = Group.objects.filter(name__in=ROLES)
        self.fields["groups"].label_from_instance = lambda group: gettext(group.name)

    def save(self, commit=True):
        offered = self.fields["groups"].queryset
        kept_groups = list(self.instance.groups.exclude(pk__in=offered)) if self.instance.pk else []
        user = super().save(commit=commit)
        if commit:
            user.groups.add(*kept_groups)
            user.organisations.remove(*self.managed)
            user.organisations.add(*self.cleaned_data["organisations"])
        return user


class MemberCreationForm(MembershipFormMixin, UserCreationForm):
    pass


class MemberEditForm(MembershipFormMixin, UserEditForm):
    pass


class ForUserFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class IndexView(users.IndexView):
    def get_base_queryset(self):
        permitted = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["add", "change", "delete", "view"]
        )
        return super().get_base_queryset().filter(pk__in=permitted.values("pk"))


class CreateView(ForUserFormMixin, users.CreateView):
    pass


class EditView(ForUserFormMixin, users.EditView):
    pass


class MemberViewSet(OrganisationScopedViewSetMixin, users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return MemberEditForm if for_update else MemberCreationForm
