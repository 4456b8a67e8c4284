"""Top-level URL map: the staff side (login, registry, imports, linkage, numbers, admin)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("imports/", include("tizim.intake.urls")),
    path("linkage/", include("tizim.linkage.urls")),
    path("numbers/", include("tizim.estimates.urls")),
    path("", include("tizim.registry.urls")),
]
