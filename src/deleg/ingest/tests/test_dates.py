"""Dates and periods as Latvian summaries write them, each expected value worked out by hand."""
from datetime import date

import pytest

from deleg.core.dates import find_dates, format_date, parse_date, parse_period


@pytest.mark.parametrize("text,expected", [
    ("12.08.2019.", date(2019, 8, 12)),
    ("12.08.2019", date(2019, 8, 12)),
    ("1.3.2021.", date(2021, 3, 1)),
    ("2019-08-12", date(2019, 8, 12)),
    ("2019. gada 12. augusts", date(2019, 8, 12)),
    ("2019. gada 12. augustā", date(2019, 8, 12)),
    ("2022. gada 1. februāra", date(2022, 2, 1)),
    ("2023. gada 31. decembrim", date(2023, 12, 31)),
    ("2020. gada 3. MARTĀ", date(2020, 3, 3)),
    ("12. augusts 2019.", date(2019, 8, 12)),
    ("2018. gada 12. maijā", date(2018, 5, 12)),
    ("2019. g. 1. jūlijs", date(2019, 7, 1)),
])
def test_parse_date_reads_latvian_forms(text, expected):
    assert parse_date(text) == expected


def test_parse_date_gives_none_for_an_impossible_date():
    assert parse_date("31.02.2020.") is None
    assert find_dates("31.02.2020.")[0].text == "31.02.2020."


@pytest.mark.parametrize("text,start,end", [
    ("12.08.2019. – 31.10.2020.", date(2019, 8, 12), date(2020, 10, 31)),
    ("01.03.2021 - 31.12.2021", date(2021, 3, 1), date(2021, 12, 31)),
    ("03.03.2014.–31.12.2014.", date(2014, 3, 3), date(2014, 12, 31)),
    ("01.01.2017.-31.12.2018.", date(2017, 1, 1), date(2018, 12, 31)),
    ("01.06.2018. līdz 31.05.2020.", date(2018, 6, 1), date(2020, 5, 31)),
    ("no 2022. gada 1. februāra līdz 2023. gada 31. decembrim", date(2022, 2, 1), date(2023, 12, 31)),
    ("2023. gada 1. janvāris – 2023. gada 31. decembris", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_parse_period_reads_ranges(text, start, end):
    first, second = parse_period(text)
    assert (first.value, second.value) == (start, end)


def test_parse_period_keeps_an_end_before_the_start():
    first, second = parse_period("01.01.2016. – 31.12.2015.")
    assert (first.value, second.value) == (date(2016, 1, 1), date(2015, 12, 31))


def test_format_date_writes_the_official_latvian_form():
    assert format_date(date(2019, 8, 12)) == "12.08.2019."
    assert format_date(date(2020, 1, 1), lang="en") == "1 January 2020"
