"""The one value-list parser (ckanext.tokyo.base.values)."""
import re

import pytest

from ckanext.tokyo.base.values import value_list


@pytest.mark.parametrize("raw, items", [
    (None, []), ("", []), ("  ", []), ([], []),
    ("c005", ["c005"]), ("c005, c023", ["c005", "c023"]), ("c005、c023 c029", ["c005", "c023", "c029"]),
    ('["c005", "c023"]', ["c005", "c023"]), (["c005", " c023 ", "", None, "c005"], ["c005", "c023"]),
    (("a", "b"), ["a", "b"]), (5, ["5"]), ("[5, 6]", ["5", "6"]),
    ("[not json, c005", ["[not", "json", "c005"]),
    ('[{"uri": "x"}, {"uri": "x"}]', [{"uri": "x"}]), ('{"uri": "x"}', [{"uri": "x"}]),
    ([{"uri": "x"}, "y"], [{"uri": "x"}, "y"]),
])
def test_lists_json_lists_and_typed_text(raw, items):
    assert value_list(raw) == items


def test_the_separators_are_a_choice():
    assert value_list("open data, バリア フリー", split=re.compile(r"[,、，]")) == ["open data", "バリア フリー"]
    assert value_list("http://x/a b, c", split=None) == ["http://x/a b, c"]
    assert value_list('["a, b"]') == ["a, b"]  # items of a JSON list are not split
