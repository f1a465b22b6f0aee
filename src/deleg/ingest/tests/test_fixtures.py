"""Every fixture pair: the parser gives exactly the ground truth, and valid JSON."""
import json

import pytest

from deleg.ingest import parse_file
from deleg.ingest.tests.conftest import comparable, fixture_pairs


@pytest.mark.parametrize("source,expected", fixture_pairs(), ids=lambda p: p.name)
def test_parse_gives_the_ground_truth(source, expected, validator):
    got = parse_file(source)
    want = json.loads(expected.read_text(encoding="utf-8"))
    validator.validate(got)
    assert comparable(got) == comparable(want)


def test_every_fixture_has_a_source():
    assert len(fixture_pairs()) >= 21
