def test_bad_town_id(check):
    assert check(["町字ID"], ["8-1"]) == {("tokyo/town-id-format", 2, "町字ID")}


def test_good_town_ids(check):
    assert check(["町字ID"], ["0008-001"], ["0008001"]) == set()
