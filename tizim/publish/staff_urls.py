"""Staff page of the public site: /publication/<public_id>/."""

from django.urls import path

from tizim.publish import staff_views

urlpatterns = [
    path("<str:public_id>/", staff_views.publication, name="publication"),
]
