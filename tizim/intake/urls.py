"""Staff pages for uploads."""

from django.urls import path

from tizim.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:job_id>/", views.job, name="job"),
    path("<int:job_id>/confirm/", views.confirm, name="confirm"),
    path("<int:job_id>/discard/", views.discard, name="discard"),
    path("<int:job_id>/link/", views.link, name="link"),
]
