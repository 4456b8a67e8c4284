"""Public pages: the report form and coming back to a report (under /kk/, /ru/, /en/)."""

from django.urls import path

from tizim.intake import report_views

app_name = "report"
urlpatterns = [
    path("", report_views.report, name="form"),
    path("follow-up/", report_views.follow_up, name="follow-up"),
]
