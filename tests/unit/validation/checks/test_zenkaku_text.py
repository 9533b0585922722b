def test_full_width_letters_in_text_are_an_info_with_the_fix(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["名称", "備考"], ["ＪＲ新宿駅", "（２階）～「受付」"]]), schema=None)
    notes = {(f.field, f.severity, f.hint) for f in report.findings if f.code == "tokyo/zenkaku-text"}
    assert {(field, severity) for field, severity, _ in notes} == {("名称", "info"), ("備考", "info")}
    assert any("（例: （2階）～「受付」）" in hint for _, _, hint in notes)  # punctuation kept


def test_japanese_punctuation_alone_is_no_finding(write):
    from ckanext.tokyo.validation import validate
    report = validate(write([["名称", "備考"], ["新宿（西口）", "9時～17時「要予約」"]]), schema=None)
    assert not [f for f in report.findings if f.code.startswith("tokyo/zenkaku")]


def test_zenkaku_fix_only_when_the_half_width_form_is_right(check, write):
    from ckanext.tokyo.validation import validate
    assert check(["電話番号"], ["０３－１２３４－５６７８"]) == {("tokyo/zenkaku-alnum", 2, "電話番号")}
    # no width change makes this a telephone number: the phone rule reports it
    assert check(["電話番号"], ["0827-41-1477（錦川鉄道）"]) == {("tokyo/phone-format", 2, "電話番号")}
    report = validate(write([["開始時刻"], ["９：００"]]), schema=None)
    assert [f.code for f in report.findings if f.severity != "info"] == ["tokyo/time-format"]
    assert "（例: 09:00）" in report.findings[-1].hint
