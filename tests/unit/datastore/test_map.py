"""The map view's drawing (CKAN-free)."""
from ckanext.tokyo.catalog_datastore import map as drawing


def test_points_keep_their_places_and_fit_the_box():
    picture = drawing.draw([("35.691320", "139.689070", "新宿中央公園トイレ"),
                            ("35.697330", "139.701240", "大久保公園トイレ"),
                            (None, "139.7", "no latitude"), ("91", "139.7", "off the globe")])
    assert picture.skipped == 2 and len(picture.points) == 2 and picture.labelled
    west, east = picture.points
    assert west.x < east.x and west.y > east.y  # 大久保 lies north-east of 新宿中央公園
    for point in picture.points:
        assert 0 <= point.x <= picture.width and 0 <= point.y <= picture.height


def test_one_point_and_none():
    assert len(drawing.draw([(35.0, 139.0, "x")]).points) == 1
    assert drawing.draw([]).points == []
