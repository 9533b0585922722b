from ckanext.tokyo.validation import validate


def test_cp932_is_reported(write):
    report = validate(write([["名称"], ["新宿"]], encoding="cp932"), schema=None)
    assert report.encoding == "Shift_JIS"
    assert [(f.code, f.row, f.field) for f in report.findings] == [("tokyo/encoding-not-utf8", None, None)]


def test_utf8_bom_is_info_only(write):
    report = validate(write([["名称"], ["新宿"]], encoding="utf-8-sig"), schema=None)
    assert report.valid and report.codes() == {"tokyo/encoding-bom"}


def test_euc_jp_is_detected_and_reported(write):
    report = validate(write([["名称", "住所"], ["新宿中央公園", "東京都新宿区西新宿二丁目"]], encoding="euc_jp"),
                      schema=None)
    assert report.encoding == "EUC-JP"
    assert "tokyo/encoding-not-utf8" in report.codes()
