"""The public read cache answers again only while the published data is unchanged."""
import pytest
from django.http import HttpResponse
from django.test import Client

from deleg.agreements.models import AgreementStatus
from deleg.api.cache import PublicReadCache
from deleg.core.tests.factories import make_agreement
from deleg.summaries.models import Summary
from deleg.summaries.services import summary_version_create
from tests.data_summary import seed_content

pytestmark = pytest.mark.django_db


def publish(agreement=None, **changes):
    summary = Summary.objects.create(agreement=agreement)
    return summary_version_create(summary=summary, content=seed_content() | changes)


def test_a_publication_is_visible_at_once_on_a_cached_list():
    publish()
    client = Client()
    first = client.get("/api/v1/summaries").json()["count"]
    assert client.get("/api/v1/summaries").json()["count"] == first

    publish(title="Otrs kopsavilkums")

    assert client.get("/api/v1/summaries").json()["count"] == first + 1


def test_an_agreement_status_change_is_visible_at_once_in_the_facets():
    agreement = make_agreement(status=AgreementStatus.ACTIVE)
    publish(agreement=agreement)
    client = Client()
    before = client.get("/api/v1/summaries/facets").json()["status"]

    agreement.status = AgreementStatus.CLOSED
    agreement.save()

    after = client.get("/api/v1/summaries/facets").json()["status"]
    assert [row["value"] for row in before] == ["active"]
    assert [row["value"] for row in after] == ["closed"]


@pytest.mark.parametrize("method, path, headers, cacheable", [
    ("get", "/api/v1/summaries", {}, True),
    ("get", "/api/v1/figures/funding", {}, True),
    ("get", "/api/v1/summaries", {"HTTP_COOKIE": "sessionid=abc"}, False),
    ("get", "/api/v1/summaries", {"HTTP_AUTHORIZATION": "Bearer k"}, False),
    ("post", "/api/v1/summaries", {}, False),
    ("get", "/api/v1/agreements/public", {}, False),
])
def test_only_anonymous_reads_of_the_register_are_cached(rf, method, path, headers, cacheable):
    request = getattr(rf, method)(path, **headers)

    assert PublicReadCache._cacheable(request) is cacheable


def test_answers_are_kept_apart_by_the_readers_language(rf):
    seen = []

    def answer(request):
        seen.append(request.META["HTTP_ACCEPT_LANGUAGE"])
        return HttpResponse("{}", content_type="application/json")

    cache = PublicReadCache(answer)
    for language in ("lv", "en", "lv"):
        cache(rf.get("/api/v1/summaries", HTTP_ACCEPT_LANGUAGE=language))

    assert seen == ["lv", "en"]
