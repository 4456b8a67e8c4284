"""Staff page of the audit log."""

from django.urls import path

from tizim.audit import views

app_name = "audit"
urlpatterns = [path("", views.audit_log, name="log")]
