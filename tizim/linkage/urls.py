"""Staff pages of linkage: the review queue, runs and decisions."""

from django.urls import path

from tizim.linkage import views

app_name = "linkage"
urlpatterns = [
    path("review/", views.review_queue, name="queue"),
    path("review/next/", views.review_next, name="next"),
    path("review/<int:pk>/", views.review_pair, name="pair"),
    path("runs/", views.run_list, name="runs"),
    path("decisions/", views.decision_list, name="decisions"),
    path("decisions/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
