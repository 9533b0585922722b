HEADER = ["名称", "緯度", "経度"]


def test_swapped(check):
    assert check(HEADER, ["a", "139.692101", "35.689634"]) == {("tokyo/coordinates-swapped", 2, "緯度")}


def test_outside_japan(check):
    assert check(HEADER, ["a", "51.5072", "-0.1276"]) == {
        ("tokyo/coordinate-outside-japan", 2, "緯度"), ("tokyo/coordinate-outside-japan", 2, "経度")}


def test_not_decimal_degrees(check):
    assert check(HEADER, ["a", "35°41′22″", "139.692101"]) == {("tokyo/coordinate-format", 2, "緯度")}


def test_tokyo_passes(check):
    assert check(HEADER, ["a", "35.689634", "139.692101"], ["b", "24.3448", "124.1572"]) == set()
