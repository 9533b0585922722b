import json

from ckanext.tokyo.validation.cli import main

from tests.unit.validation.conftest import TOILET, TOILET_ROW, toilet_header


def run(capsys, *args):
    status = main([str(a) for a in args])
    return status, capsys.readouterr().out


def test_exit_codes(write, tmp_path, capsys):
    good = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]], name="good.csv")
    bad = write([["開設日", "備考"], ["令和2年4月1日", ""]], name="bad.csv")
    assert run(capsys, good)[0] == 0
    assert run(capsys, bad)[0] == 1
    assert run(capsys, tmp_path / "missing.csv")[0] == 2
    assert run(capsys, good, "--schema", "no-such-schema")[0] == 2


def test_json_shape(write, capsys):
    path = write([["開設日", "備考"], ["令和2年4月1日", ""]])
    status, out = run(capsys, path, "--format", "json", "--schema", "none")
    data = json.loads(out)
    assert status == 1
    assert set(data) == {"valid", "encoding", "schema", "findings", "groups", "stats", "context"}
    assert data["valid"] is False and data["encoding"] == "UTF-8" and data["schema"] is None
    for finding in data["findings"]:
        assert set(finding) == {"code", "severity", "row", "field", "message", "message_en", "value", "hint", "hint_en"}
    assert {"code": "tokyo/wareki-date", "row": 2, "field": "開設日", "value": "令和2年4月1日",
            "hint": "西暦のYYYY-MM-DD形式で記載してください（例: 2020-04-01）。",
            "hint_en": "Write the Gregorian date as YYYY-MM-DD, e.g. 2020-04-01."}.items() <= data["findings"][0].items()
    # the message still carries the hint, as before
    assert data["findings"][0]["message"] == "和暦で記載されています（「令和2年4月1日」）。" + data["findings"][0]["hint"]


def test_json_file_level_findings_have_null_row_and_field(write, capsys):
    path = write([["名称", "備考"], ["新宿", ""]], encoding="cp932")
    data = json.loads(run(capsys, path, "--format", "json", "--schema", "none")[1])
    finding = next(f for f in data["findings"] if f["code"] == "tokyo/encoding-not-utf8")
    assert finding["row"] is None and finding["field"] is None and finding["value"] is None
    assert finding["hint"] == "UTF-8で保存し直してください。" and finding["hint_en"] == "Save the file as UTF-8."


def test_json_schema_auto(write, capsys):
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]])
    data = json.loads(run(capsys, path, "--format", "json")[1])
    assert data["valid"] is True and data["schema"] == TOILET


def test_html_escapes_cell_values(write, capsys):
    path = write([["名称<b>", "開設日"], ["<script>alert(1)</script>", "令和2年4月1日 <script>x</script>"]])
    status, out = run(capsys, path, "--format", "html", "--schema", "none")
    assert status == 1 and out.startswith("<!DOCTYPE html>")
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out
    assert "<td><code>令和2年4月1日 &lt;script&gt;x&lt;/script&gt;</code></td>" in out  # the value column


def test_text_output(write, capsys):
    path = write([["開設日", "備考"], ["令和2年4月1日", ""]])
    status, out = run(capsys, path, "--schema", "none")
    assert status == 1 and "tokyo/wareki-date" in out and "invalid" in out


def test_limits_are_options(write, capsys):
    path = write([["名称"]] + [["a"]] * 20)
    data = json.loads(run(capsys, path, "--format", "json", "--schema", "none", "--max-rows", "5")[1])
    assert data["stats"]["rows"] == 5 and not data["valid"]


def test_text_and_html_name_the_rule(write, capsys, monkeypatch):
    path = write([["開設日", "備考"], ["令和2年4月1日", ""]])
    monkeypatch.setenv("COLUMNS", "200")  # rule titles on one line each
    out = run(capsys, path, "--schema", "none")[1]
    assert "日付が和暦で書かれている" in out and "Date in the Japanese era calendar" in out
    html = run(capsys, path, "--schema", "none", "--format", "html")[1]
    assert "<td>日付が和暦で書かれている<br><small>Date in the Japanese era calendar</small>" in html


def test_installed_console_script_checks_a_cp932_file(write):
    # `tokyo-validate` as pip installed it beside this Python: in `make test`
    # that is the venv holding only the built wheel (no CKAN).
    import pathlib
    import subprocess
    import sys

    script = pathlib.Path(sys.executable).with_name("tokyo-validate")
    path = write([toilet_header(), [TOILET_ROW[h] for h in toilet_header()]], name="131041_public_toilet.csv",
                 encoding="cp932")
    done = subprocess.run([str(script), str(path), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # valid data, but not UTF-8
    report = json.loads(done.stdout)
    assert report["encoding"] in ("CP932", "Shift_JIS") and report["schema"] == "current-13-public-toilet"
    assert [f["code"] for f in report["findings"] if f["severity"] != "info"] == ["tokyo/encoding-not-utf8"]


def test_text_output_carries_no_control_characters(write, capsys, monkeypatch):
    # escape sequences in a heading or a cell (clear the screen, set the
    # title, write the clipboard, reorder with bidi controls) are not passed
    # to the terminal
    monkeypatch.setenv("COLUMNS", "200")  # the heading on one line
    path = write([["電話番号\x1b]0;pwned\x07", "名称"], ["\x1b[2J\x9b31m０３\u202e", "a"]])
    status, out = run(capsys, path, "--schema", "none")
    assert status == 1
    for control in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert control not in out
    assert "pwned" in out  # the text itself is shown


def test_json_output_escapes_the_controls_json_leaves_raw(write, capsys):
    path = write([["電話番号", "名称"], ["\x9b31m０３\u202e", "a"]])
    status, out = run(capsys, path, "--format", "json", "--schema", "none")
    assert "\x9b" not in out and "\u202e" not in out and "\\u009b" in out
    assert json.loads(out)["findings"][0]["value"] == "\x9b31m０３\u202e"  # the same data
