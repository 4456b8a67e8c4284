"""Staff pages of ingest: read an article (upload or paste), then review what it proposes.

Thin: the text is read by ``tizim.core.ingest``, stored and decided by ``services``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tizim.accounts.access import require_perms
from tizim.core.errors import ParseError
from tizim.core.ingest import extract
from tizim.core.ingest.readers import Document, read_document
from tizim.ingest import selectors, services
from tizim.ingest.forms import ArticleForm, ClaimDecisionForm, PersonDecisionForm
from tizim.ingest.models import Article, Proposal
from tizim.registry.errors import RegistryError
from tizim.registry.models import Claim


@require_perms("ingest.view_article")
def article_list(request: HttpRequest) -> HttpResponse:
    """The Ingest page: read an article, and the articles read so far."""
    if request.method == "POST" and not request.user.has_perm(services.ADD):
        raise PermissionDenied("your role does not allow adding articles")
    form = ArticleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        stored = _read_and_store(request, form)
        if stored is not None:
            return redirect("ingest:article-review", pk=stored.pk)
    return render(
        request,
        "ingest/article_list.html",
        {"form": form, "articles": selectors.recent_articles()},
    )


def _read_and_store(request: HttpRequest, form: ArticleForm) -> Article | None:
    data = form.cleaned_data
    upload = data["file"]
    try:
        if upload is not None:
            document = read_document(upload.read(), upload.name)
            kind, filename = document.kind, upload.name
        else:
            document = read_document(data["text"].encode("utf-8"), "pasted.txt")
            kind, filename = Article.Kind.PASTE, ""
    except ParseError as exc:
        form.add_error("file" if upload is not None else "text", exc.reason)
        return None
    published = document.published or data["published"]
    if published is None:
        # Nothing is lost: the text read stays in the form until the date is given.
        data_with_text = request.POST.copy()
        data_with_text["text"] = document.text
        form.data = data_with_text
        form.add_error("published", "The article does not say its date: enter it.")
        return None
    extraction = extract(document.text, language=data["language"] or None, published=published)
    stored = services.store_article(
        data["source"],
        # a pasted text has no title of its own: the source's name as typed stands for it
        Document(document.text, document.kind, published, document.title or data["source_title"]),
        extraction,
        filename=filename,
        published=published,
        kind=kind,
        actor=request.user,
    )
    if not stored.created:
        messages.info(request, "This text was already read for this source: nothing was added.")
    return stored.article


@require_perms("ingest.view_article")
def article_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The article's text with each proposal marked at its span, and the proposals to decide."""
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    proposals = list(article.proposals.select_related("claim", "record__person"))
    rows: list[dict[str, Any]] = []
    for proposal in proposals:
        form_class = ClaimDecisionForm if proposal.kind == "claim" else PersonDecisionForm
        initial = {k: v for k, v in (proposal.decided or proposal.proposed).items()}
        rows.append(
            {
                "proposal": proposal,
                "form": form_class(initial=initial, prefix=f"p{proposal.pk}"),
                # a possible figure or person, from a second reader: its chance in per cent
                "chance": None if proposal.chance is None else round(proposal.chance * 100),
            }
        )
    return render(
        request,
        "ingest/article_review.html",
        {
            "article": article,
            "pieces": selectors.text_pieces(article, proposals),
            "rows": rows,
            "can_review": request.user.has_perm(services.REVIEW),
        },
    )


@require_perms("ingest.review_article")
@require_POST
def decide(request: HttpRequest, pk: int, proposal_pk: int) -> HttpResponse:
    """Accept (as proposed or corrected) or reject one proposal."""
    proposal = get_object_or_404(Proposal, pk=proposal_pk, article_id=pk)
    back = reverse("ingest:article-review", kwargs={"pk": pk}) + f"#p{proposal.pk}"
    action = request.POST.get("action")
    try:
        if action == "reject":
            services.reject(proposal, actor=request.user)
            messages.info(request, "Rejected.")
            return redirect(back)
        if action != "accept":
            messages.error(request, "Choose accept or reject.")
            return redirect(back)
        form_class = ClaimDecisionForm if proposal.kind == "claim" else PersonDecisionForm
        form = form_class(request.POST, prefix=f"p{proposal.pk}")
        if not form.is_valid():
            problems = "; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in form.errors.items())
            messages.error(request, f"Not accepted, correct this first — {problems}")
            return redirect(back)
        corrections = {
            k: (v.isoformat() if hasattr(v, "isoformat") else (v if v != "" else None))
            for k, v in form.cleaned_data.items()
        }
        services.accept(proposal, corrections=corrections, actor=request.user)
        messages.info(request, "Accepted.")
    except RegistryError as exc:
        messages.error(request, str(exc))
    return redirect(back)


@require_perms("ingest.view_article", "registry.view_claim")
def claim_sources(request: HttpRequest, claim_pk: int) -> HttpResponse:
    """A claim and every article that reports it, each with its sentence."""
    claim = get_object_or_404(Claim.objects.select_related("source"), pk=claim_pk)
    return render(
        request,
        "ingest/claim_sources.html",
        {"claim": claim, "citations": selectors.citations_of(claim.pk)},
    )
