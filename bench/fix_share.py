"""The share of error findings that `tokyo-validate --fix` removes, over the real corpus.

Fixes every file of tests/data/real/files (their truth in truth.json), validates
original and copy with every finding counted, and prints per file and in all:
errors before, errors after, and the share removed; then the error findings
left, by rule (what the fixer cannot fix with certainty).

    .venv/bin/python bench/fix_share.py
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ckanext.tokyo.validation import Options, validate  # noqa: E402
from ckanext.tokyo.validation.fix import FixError, fix_file  # noqa: E402

from tests import real_corpus  # noqa: E402

ALL = Options(max_findings=0)


def errors(report) -> Counter[str]:
    return Counter({g.code: g.count for g in report.groups if g.severity == "error"}) + Counter()


def main() -> int:
    before_all, after_all, failed = Counter(), Counter(), []
    with tempfile.TemporaryDirectory() as folder:
        for entry in real_corpus.truth():
            source = real_corpus.FILES / entry["file"]
            before = errors(validate(str(source), options=ALL))
            out = Path(folder, entry["file"] + ".fixed.csv")
            try:
                fix_file(str(source), str(out))
                after = errors(validate(str(out), options=ALL))
            except FixError as error:
                failed.append((entry["file"], error.message_en))
                after = before
            before_all += before
            after_all += after
            b, a = sum(before.values()), sum(after.values())
            print(f"{entry['file']:48} errors {b:6} → {a:6}  removed {share(b - a, b)}")
    b, a = sum(before_all.values()), sum(after_all.values())
    print(f"\n{len(real_corpus.truth())} files: error findings {b} → {a}; --fix removes {share(b - a, b)}")
    print("\nerror findings left, by rule:")
    for code, count in after_all.most_common():
        print(f"  {count:6}  {code}  (of {before_all[code]})")
    for name, why in failed:
        print(f"not fixed: {name}: {why}")
    return 0


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   —"


if __name__ == "__main__":
    sys.exit(main())
