"""The validator on real published files: detection, false alarms, recall.

Runs tokyo-validate's engine over tests/data/real/files (the corpus of files
municipalities publish, with truth.json and the hand-made verdicts.json) and
prints:

- standard detection accuracy and encoding accuracy (CSV/TSV files);
- false-alarm share: findings in groups labelled false over all error and
  warning findings (recommended-item warnings counted apart);
- recall: labelled true problems (true groups and the truth.json defects a
  format rule can find) that are found;
- what is wrong, missed or not yet labelled.

    .venv/bin/python bench/real_files.py            # scores and lists
    .venv/bin/python bench/real_files.py --by-code  # findings per rule and verdict
    .venv/bin/python bench/real_files.py --draft    # unlabelled groups as JSON, to label
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import real_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--by-code", action="store_true", help="findings per rule and verdict")
    parser.add_argument("--draft", action="store_true", help="print the unlabelled groups as JSON")
    args = parser.parse_args()
    results = real_corpus.run()
    if args.draft:
        json.dump(real_corpus.draft(results), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    s = real_corpus.score(results)
    print(f"files {s.files}")
    print(f"standard detected right  {s.standard_right}/{s.files} = {s.standard_right / s.files:.1%}")
    print(f"encoding detected right  {s.encoding_right}/{s.encodings} = {s.encoding_right / s.encodings:.1%}")
    print(f"false alarms             {s.false_alarms}/{s.findings} error and warning findings "
          f"= {s.false_alarm_share:.2%} (recommended-item warnings apart: {s.recommended})")
    print(f"recall                   {s.true_found}/{s.true_labels} labelled true problems = {s.recall:.1%}")
    for title, items in (("standard wrong", s.standard_wrong), ("encoding wrong", s.encoding_wrong),
                         ("missed", s.missed), ("unlabelled", [f"{k} {sev} ×{n}" for k, sev, n in s.unlabelled])):
        if items:
            print(f"{title}:")
            for item in items:
                print(f"  {item}")
    if args.by_code:
        print("findings by rule and verdict:")
        for (code, verdict), n in sorted(real_corpus.by_code(results).items(), key=lambda kv: -kv[1]):
            print(f"  {n:7} {verdict:10} {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
