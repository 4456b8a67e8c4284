"""Staff account pages: the code step, enrolment, one's own account and password.

``/login/`` and ``/logout/`` are mounted at the top level by ``tizim/urls.py``.
"""

from django.urls import path

from tizim.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account_view, name="account"),
    path("home/", views.home_view, name="home"),
    path("verify/", views.verify_view, name="verify"),
    path("enrol/", views.enrol_view, name="enrol"),
    path("password/", views.password_view, name="password"),
    path("language/", views.language_view, name="language"),
]
