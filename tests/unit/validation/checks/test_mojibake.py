from ckanext.tokyo.validation.checks.mojibake import diagnose, repair

TEXT = "東京都千代田区丸の内二丁目"


def test_shift_jis_read_as_latin1_is_undone():
    garbled = TEXT.encode("cp932").decode("latin-1")
    assert diagnose(garbled, False) == ("tokyo/mojibake", {"origin": "latin1", "fixed": TEXT})


def test_read_as_latin1_twice_is_undone():
    garbled = TEXT.encode("cp932").decode("latin-1").encode("utf-8").decode("latin-1")  # Â\x93…
    assert repair(garbled) == TEXT


def test_utf8_read_as_cp932_is_undone():
    garbled = "しんじゅくちゅうおうこうえん".encode().decode("cp932", errors="replace")
    code, params = diagnose(garbled, False)
    assert code == "tokyo/mojibake" and params["origin"] == "cp932"


def test_lossless_utf8_read_as_cp932_gets_its_fix():
    garbled = "新宿区".encode().decode("cp932")
    assert diagnose(garbled, False) == ("tokyo/mojibake", {"origin": "cp932", "fixed": "新宿区"})


def test_replacement_and_lost_characters():
    assert diagnose("高松市\ufffd\ufffd", False)[0] == "tokyo/replacement-char"
    for lost in ("月?土", "山口県下関市田中町５?７", "8:30?22:00使用可能", "木造薬師如来立像\u3000１?"):
        assert diagnose(lost, False)[0] == "tokyo/lost-chars", lost


def test_plain_text_is_not_garbled():
    for fine in ("Caffè", "新宿区西新宿", "文化ｾﾝﾀｰ", "日･祝日", "参加できますか?今回は", "https://x.jp/a?b=日本",
                 "周南ﾘﾊﾋﾞﾘﾃｰｼｮﾝ病院"):
        assert diagnose(fine, False) is None, fine
    assert diagnose("月?土", True) is None  # a URL's ? is a URL's


def test_garbled_file_is_detected_by_its_repaired_header(write, tmp_path):
    from ckanext.tokyo.validation import validate

    from tests.unit.validation.conftest import TOILET, TOILET_ROW, to_csv, toilet_header
    text = to_csv([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]])
    path = tmp_path / "garbled.csv"
    path.write_bytes(text.encode("cp932").decode("latin-1").encode("utf-8"))
    report = validate(path)
    assert report.schema == TOILET
    garbled = [f for f in report.findings if f.code == "tokyo/mojibake"]
    assert garbled and all(f.severity == "error" for f in garbled)
    # one diagnosis per garbled cell: no kana, format or character findings on top
    cells = {(f.row, f.field) for f in garbled}
    assert not [f for f in report.findings if f.code != "tokyo/mojibake" and (f.row, f.field) in cells]
