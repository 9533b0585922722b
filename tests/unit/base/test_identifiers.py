"""Tokyo's 63 local governments: English names (schemas/codes, identifiers)."""
import pytest

from ckanext.tokyo.base import identifiers
from ckanext.tokyo.metadata import helpers

SUFFIX = {"区": " City", "市": " City", "町": " Town", "村": " Village"}


def test_every_local_government_has_an_official_style_english_name():
    governments = identifiers.tokyo_local_governments()
    assert len(governments) == 63
    for lg in governments:
        assert lg.name_en.isascii() and lg.name_en == lg.name_en.strip(), lg
        assert lg.name_in("en") == lg.name_en and lg.name_in("ja") == lg.name
        if lg.code == identifiers.TOKYO_CODE:
            assert lg.name_en == "Tokyo Metropolis"
            continue
        # Hepburn with long vowels written plainly: Ota, Chofu, Ome
        place, suffix = lg.name_en.rsplit(" ", 1)
        assert " " + suffix == SUFFIX[lg.name[-1]], lg
        assert place.isalpha() and place[0].isupper() and place[1:].islower(), lg
        assert "ou" not in place.lower() and "uu" not in place.lower(), lg
    assert len({lg.name_en for lg in governments}) == 63


@pytest.mark.parametrize("code, name_en", [
    ("131016", "Chiyoda City"), ("131041", "Shinjuku City"), ("131113", "Ota City"),
    ("131164", "Toshima City"), ("132055", "Ome City"), ("132063", "Fuchu City"),
    ("132080", "Chofu City"), ("132128", "Hino City"), ("132276", "Hamura City"),
    ("132292", "Nishitokyo City"), ("133035", "Mizuho Town"), ("133051", "Hinode Town"),
    ("133078", "Hinohara Village"), ("133086", "Okutama Town"), ("133621", "Toshima Village"),
    ("133825", "Mikurajima Village"), ("134015", "Hachijo Town"), ("134023", "Aogashima Village"),
    ("134210", "Ogasawara Village"),
])
def test_english_names(code, name_en):
    assert identifiers.tokyo_local_government(code).name_en == name_en


def test_labels_on_pages_and_in_choices_are_in_the_page_language():
    sac = "http://data.e-stat.go.jp/lod/sac/C13104"
    assert helpers.tokyo_local_government_label("131041", "ja") == "新宿区（131041）"
    assert helpers.tokyo_local_government_label("131041", "en") == "Shinjuku City (131041)"
    assert helpers.tokyo_spatial_label({"uri": sac, "text": "新宿区"}, "en") == "Shinjuku City (131041)"
    assert helpers.tokyo_spatial_label({"uri": "x", "text": "どこか"}, "en") == "どこか"
    [tokyo] = [c for c in helpers.tokyo_spatial_choices() if c["value"].endswith("C13000")]
    assert tokyo["label"] == {"ja": "東京都（130001）", "en": "Tokyo Metropolis (130001)"}
    [shinjuku] = [c for c in helpers.tokyo_local_government_choices() if c["value"] == "131041"]
    assert shinjuku["label"]["en"] == "Shinjuku City (131041)"
