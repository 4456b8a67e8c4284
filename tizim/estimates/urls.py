"""Staff pages of the Numbers domain."""

from django.urls import path

from tizim.estimates import views

app_name = "estimates"
urlpatterns = [
    path("", views.numbers, name="numbers"),
    path("persons/", views.persons_behind, name="persons"),
    path("estimates/", views.estimate_list, name="estimate-list"),
    path("estimates/<int:pk>/", views.estimate_detail, name="estimate-detail"),
]
