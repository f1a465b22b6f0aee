"""Whatever bytes come in, the parser returns a valid summary or says the file is unreadable.

An UnreadableFile raised because the parser itself failed carries that failure as its cause,
so these tests also fail on any crash the parser's safety net would hide.
"""
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deleg.ingest import UnreadableFile, parse_bytes
from deleg.ingest.tests.conftest import fixture_pairs

SOURCES = [source.read_bytes() for source, _expected in fixture_pairs()]


def _check(data: bytes, validator) -> None:
    """Parse data: a schema-valid summary, or UnreadableFile for a reason the parser gives."""
    try:
        summary = parse_bytes(data)
    except UnreadableFile as exc:
        assert exc.__cause__ is None, f"the parser crashed: {exc}"
        return
    validator.validate(summary)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(validator, data):
    _check(data, validator)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SOURCES), st.data())
def test_fixtures_with_text_spliced_in(validator, source, data):
    cut = data.draw(st.integers(0, len(source)))
    insert = data.draw(st.text(alphabet=st.sampled_from("\t\n\r <>/\"„”;:.,-–0123456789 lipoaāēNav"), max_size=40))
    _check(source[:cut] + insert.encode() + source[cut:], validator)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    """Return the data changed in one of the ways files get damaged or edited."""
    lines = data.split(b"\n")
    kind = rng.randrange(8)
    if kind == 0:  # flip bytes
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == 1:  # drop a line
        del lines[rng.randrange(len(lines))]
    elif kind == 2:  # repeat a line
        k = rng.randrange(len(lines))
        lines.insert(k, lines[k])
    elif kind == 3:  # cut the file short
        return data[: rng.randrange(len(data))]
    elif kind == 4:  # remove every tab of a line, or add some
        k = rng.randrange(len(lines))
        lines[k] = lines[k].replace(b"\t", b"") if rng.random() < 0.5 else lines[k].replace(b" ", b"\t", 3)
    elif kind == 5:  # shuffle lines
        rng.shuffle(lines)
    elif kind == 6:  # delete tags or characters that hold structure
        target = rng.choice([b"</li>", b"<ol>", b"</ol>", b"<li>", b"\t", b")", b".", b"\"", b"</td>", b"<tr>"])
        return data.replace(target, b"", rng.randint(1, 10))
    else:  # re-encode a text file as Windows-1257
        try:
            return data.decode("utf-8-sig").encode("cp1257", errors="replace")
        except UnicodeDecodeError:
            return data
    return b"\n".join(lines)


@pytest.mark.parametrize("seed", range(4))
def test_damaged_fixtures(validator, seed):
    rng = random.Random(20240 + seed)
    for _ in range(150):
        data = rng.choice(SOURCES)
        for _ in range(rng.randint(1, 3)):
            data = _mutate(rng, data) or b" "
        _check(data, validator)
