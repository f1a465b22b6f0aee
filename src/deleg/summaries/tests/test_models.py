import pytest
from django.core.exceptions import ValidationError

from deleg.summaries.models import Summary, SummaryVersion, content_sha256

pytestmark = pytest.mark.django_db


def test_published_version_cannot_be_changed():
    summary = Summary.objects.create()
    version = SummaryVersion.objects.create(summary=summary, number=1, content={"title": "A"},
                                            content_sha256=content_sha256({"title": "A"}), title="A")
    version.content = {"title": "B"}

    with pytest.raises(ValidationError) as error:
        version.save()

    assert error.value.code == "immutable"
    assert SummaryVersion.objects.get(pk=version.pk).content == {"title": "A"}


def test_content_hash_ignores_key_order():
    assert content_sha256({"a": 1, "b": "ā"}) == content_sha256({"b": "ā", "a": 1})
    assert content_sha256({"a": 1}) != content_sha256({"a": 2})
