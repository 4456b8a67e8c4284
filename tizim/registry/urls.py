"""Staff pages of the registry."""

from django.urls import path

from tizim.registry import edit_views, views

app_name = "registry"
urlpatterns = [
    path("", views.person_list, name="person-list"),
    path("persons/<str:public_id>/", views.person_detail, name="person-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("quarantine/", views.quarantine_list, name="quarantine"),
    path("claims/", views.claim_list, name="claim-list"),
    # Correcting where it is seen (edit_views).
    path("persons/<str:public_id>/merge/", edit_views.merge, name="person-merge"),
    path("persons/<str:public_id>/regroup/", edit_views.regroup, name="person-regroup"),
    path("persons/<str:public_id>/undo/<int:change_id>/", edit_views.undo, name="person-undo"),
    path("persons/<str:public_id>/notes/", edit_views.add_note, name="person-note"),
    path(
        "persons/<str:public_id>/notes/<int:note_id>/withdraw/",
        edit_views.withdraw_note,
        name="person-note-withdraw",
    ),
    path("records/<int:pk>/correct/", edit_views.correct, name="record-correct"),
    path("records/<int:pk>/fix/", edit_views.fix_quarantined, name="record-fix"),
    path("corrections/<int:pk>/undo/", edit_views.undo_correction, name="correction-undo"),
    path("sources/new/", edit_views.source_add, name="source-add"),
    path("sources/<slug:name>/edit/", edit_views.source_edit, name="source-edit"),
]
