"""Top-level URL map: the staff side (login, registry, imports, linkage, numbers, admin)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from tizim.accounts import views as account_views
from tizim.charts import files as chart_files

urlpatterns = [
    path("login/", account_views.login_view, name="login"),
    path("logout/", account_views.logout_view, name="logout"),
    path("accounts/", include("tizim.accounts.urls")),
    path("admin/", admin.site.urls),
    path("imports/", include("tizim.intake.urls")),
    path("linkage/", include("tizim.linkage.urls")),
    path("numbers/", include("tizim.estimates.urls")),
    path("triage/", include("tizim.intake.triage_urls")),
    path("acts/", include("tizim.acts.urls")),
    path("publication/", include("tizim.publish.staff_urls")),
    path("audit/", include("tizim.audit.urls")),
    # Chart files, drawn once per change of their data (tizim/charts/files.py).
    path("charts/public/<str:name>", chart_files.public_chart, name="public-chart"),
    path("charts/staff/<str:name>", chart_files.staff_chart, name="staff-chart"),
    path("ingest/", include("tizim.ingest.urls")),
    path("", include("tizim.registry.urls")),
]

# The public side, in each language under its own prefix (/kk/report/, /ru/report/, /en/report/).
urlpatterns += i18n_patterns(
    path("report/", include("tizim.intake.report_urls")),
    path("", include("tizim.publish.urls")),
    prefix_default_language=True,
)
