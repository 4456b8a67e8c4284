"""Staff pages for reports from the public form."""

from django.urls import path

from tizim.intake import triage_views

app_name = "triage"
urlpatterns = [
    path("", triage_views.report_list, name="list"),
    path("<str:public_id>/", triage_views.report_detail, name="detail"),
    path("<str:public_id>/act/", triage_views.report_action, name="act"),
    path("<str:public_id>/files/<int:attachment_id>/", triage_views.report_file, name="file"),
]
