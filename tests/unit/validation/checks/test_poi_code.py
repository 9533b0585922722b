from ckanext.tokyo.validation.checks.poi_code import poi_code
from ckanext.tokyo.validation.layout import Column, Table

COLUMN = Column(0, "POIコード", format="poi-code")


def test_poi_code_format():
    check = poi_code(table=Table([COLUMN], 1))
    assert check.check("101", COLUMN) is None
    assert check.check("3706", COLUMN) is None
    assert check.check("10", COLUMN) == ("tokyo/poi-code-format", {})
