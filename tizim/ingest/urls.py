"""Staff pages of ingest: read an article, review what it proposes."""

from django.urls import path

from tizim.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.article_list, name="article-list"),
    path("<int:pk>/", views.article_review, name="article-review"),
    path("<int:pk>/proposals/<int:proposal_pk>/", views.decide, name="decide"),
    path("claims/<int:claim_pk>/", views.claim_sources, name="claim-sources"),
]
