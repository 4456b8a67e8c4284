"""Public pages (under /kk/, /ru/, /en/). The addresses of persons and downloads are stable."""

from django.urls import path

from tizim.publish import views

app_name = "publish"
urlpatterns = [
    path("", views.home, name="home"),
    path("killed/", views.person_list, {"list_name": "killed"}, name="killed"),
    path("missing/", views.person_list, {"list_name": "missing"}, name="missing"),
    path("detained/", views.person_list, {"list_name": "detained"}, name="detained"),
    path("person/<str:public_id>/", views.person_page, name="person"),
    path("search/", views.search, name="search"),
    path("statistics/", views.statistics, name="statistics"),
    path("about/", views.about, name="about"),
    path("methodology/", views.methodology, name="methodology"),
    path("data/", views.data, name="data"),
    path("data/persons.csv", views.persons_csv, name="persons-csv"),
    path("data/persons.json", views.persons_json, name="persons-json"),
    path("data/counts.csv", views.counts_csv, name="counts-csv"),
    path("data/counts.json", views.counts_json, name="counts-json"),
]
