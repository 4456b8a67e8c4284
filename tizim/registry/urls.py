"""Staff pages of the registry."""

from django.urls import path

from tizim.registry import views

app_name = "registry"
urlpatterns = [
    path("", views.person_list, name="person-list"),
    path("persons/<str:public_id>/", views.person_detail, name="person-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("quarantine/", views.quarantine_list, name="quarantine"),
    path("claims/", views.claim_list, name="claim-list"),
]
