"""Which validation results let a table in (CKAN-free)."""
from ckanext.tokyo.catalog_datastore import gate

REPAIRED = ["tokyo/encoding-not-utf8"]


def _run(status, errors=0, by_code=None):
    return {"status": status, "errors": errors, "report": {"stats": {"by_code": by_code or {}}}}


def test_passing_and_warning_only_files_are_loaded():
    assert gate.refusal(_run("success"), False, REPAIRED) is None
    assert gate.refusal(_run("success", 0, {"tokyo/hankaku-kana": 3}), False, REPAIRED) is None


def test_errors_keep_a_file_out_unless_the_operator_allows_it():
    run = _run("failure", 2, {"tokyo/wareki-date": 2})
    assert gate.refusal(run, False, REPAIRED) == gate.VALIDATION_FAILURE
    assert gate.refusal(run, True, REPAIRED) is None


def test_the_encoding_error_is_repaired_by_loading():
    assert gate.refusal(_run("failure", 1, {"tokyo/encoding-not-utf8": 1}), False, REPAIRED) is None
    assert gate.refusal(_run("failure", 1, {"tokyo/encoding-not-utf8": 1}), False, []) == gate.VALIDATION_FAILURE
    both = _run("failure", 3, {"tokyo/encoding-not-utf8": 1, "tokyo/wareki-date": 2})
    assert gate.refusal(both, False, REPAIRED) == gate.VALIDATION_FAILURE
    assert gate.remaining_errors(both, REPAIRED) == 2


def test_unfinished_and_unreadable_runs():
    assert gate.refusal(None, True, REPAIRED) == gate.WAITING_FOR_VALIDATION
    assert gate.refusal(_run("running"), True, REPAIRED) == gate.WAITING_FOR_VALIDATION
    assert gate.refusal(_run("error"), True, REPAIRED) == gate.VALIDATION_ERROR
    assert gate.refusal({"status": "failure", "errors": None, "report": None}, False, REPAIRED) == \
        gate.VALIDATION_FAILURE
    assert gate.status_of(gate.WAITING_FOR_VALIDATION) == gate.PENDING
    assert gate.status_of(gate.VALIDATION_FAILURE) == gate.NOT_LOADED
