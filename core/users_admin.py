"""Wagtail's staff user screens, with messages that name nobody.

Wagtail says "User 'jsmith' updated." after adding, editing or deleting a user. Messages travel
in a cookie anyone holding the browser can read, and usernames are internal, so these say what
happened without the name. Wagtail finds this viewset through
`core.users_app.StaffUsersAppConfig`, which replaces "wagtail.users" in INSTALLED_APPS.
https://docs.wagtail.org/en/stable/extending/customising_user_model.html
"""

from django.utils.translation import gettext_lazy
from wagtail.users.views import users


class UserCreateView(users.CreateView):
    success_message = gettext_lazy("The user has been added.")


class UserEditView(users.EditView):
    success_message = gettext_lazy("The user has been updated.")


class UserDeleteView(users.DeleteView):
    success_message = gettext_lazy("The user has been deleted.")


class UserViewSet(users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView
