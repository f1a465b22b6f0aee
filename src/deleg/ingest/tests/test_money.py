"""Money as Latvian summaries write it: each case with its value worked out by hand."""
from decimal import Decimal

import pytest

from deleg.core.money import format_money, money_str, parse_money


@pytest.mark.parametrize("text,expected", [
    ("37500,00 euro", "37500.00"),
    ("37 500,00 EUR", "37500.00"),
    ("EUR 37 500", "37500.00"),
    ("37\u00a0500,00\u00a0euro", "37500.00"),
    ("37\u2009500,00 euro", "37500.00"),
    ("37\u202f500 €", "37500.00"),
    ("37.500,00 euro", "37500.00"),
    ("EUR 37,500.00", "37500.00"),
    ("1152360 euro", "1152360.00"),
    ("126,50 euro", "126.50"),
    ("0,00 euro", "0.00"),
    ("12,- EUR", "12.00"),
    ("1,5 tūkst. euro", "1500.00"),
    ("2 340,00 euro – izdevumi par tulka pakalpojumiem", "2340.00"),
    ("312,00 euro (atmaksas termiņš 31.01.2024.)", "312.00"),
    ("Atmaksāts 2019. gadā, 150 euro", "150.00"),
])
def test_parse_money_reads_latvian_amounts(text, expected):
    assert money_str(parse_money(text)) == expected


@pytest.mark.parametrize("text", ["Nav", "Nav.", "nav", "Nav konstatēti.", "Nav (pārbaude veikta 2021. gadā)"])
def test_parse_money_reads_nav_as_zero(text):
    assert parse_money(text) == Decimal("0.00")


@pytest.mark.parametrize("text", [
    "", "   ", None, "Apmērs tiks noteikts pēc zvērināta revidenta pārbaudes", "Nav zināms", "99,9 %",
])
def test_parse_money_gives_none_without_a_figure(text):
    assert parse_money(text) is None


def test_a_figure_too_long_for_an_amount_is_not_money():
    assert parse_money("100000000000000000000000000 euro") is None
    assert parse_money("Konts LV100000000000000000000000000, atmaksāti 120,00 euro") == Decimal("120.00")
    assert parse_money("999 999 999 999 999,99 euro") == Decimal("999999999999999.99")


def test_money_str_writes_two_places_with_a_dot():
    assert money_str(Decimal("37500")) == "37500.00"
    assert money_str(Decimal("0.5")) == "0.50"
    assert money_str(None) is None


def test_format_money_in_latvian_uses_no_break_spaces():
    assert format_money(Decimal("37500")) == "37\u00a0500,00\u00a0euro"
    assert format_money(Decimal("1234567.891")) == "1\u00a0234\u00a0567,89\u00a0euro"
    assert format_money(Decimal("0")) == "0,00\u00a0euro"


def test_format_money_in_english():
    assert format_money(Decimal("37500"), lang="en") == "EUR 37,500.00"
