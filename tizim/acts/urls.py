"""Staff pages of acts, facilities and evidence."""

from django.urls import path

from tizim.acts import views

app_name = "acts"
urlpatterns = [
    path("", views.act_list, name="act-list"),
    path("<int:pk>/", views.act_detail, name="act-detail"),
    path("<int:pk>/edit/", views.act_edit, name="act-edit"),
    path("persons/<str:public_id>/", views.case_file, name="case-file"),
    path("persons/<str:public_id>/add/", views.act_add, name="act-add"),
    path("persons/<str:public_id>/evidence/", views.evidence_add, name="evidence-add"),
    path("evidence/<str:public_id>/", views.evidence_detail, name="evidence-detail"),
    path("facilities/", views.facility_list, name="facility-list"),
    path("facilities/<slug:slug>/", views.facility_detail, name="facility-detail"),
    path("events/", views.event_list, name="event-list"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("counts/", views.counts, name="counts"),
    path("export/", views.export, name="export"),
]
