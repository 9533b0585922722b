"""Benchmark: tokyo-validate against plain `frictionless validate` on 公衆トイレ files.

Generates valid 13 公衆トイレ一覧 CSV files (UTF-8) of 100,000 and 1,000,000
rows, runs both tools on each in the same run, each in its own process, and
prints wall time, the time ratio and the peak memory (max RSS) of each.

    .venv/bin/python bench/validate_bench.py            # 100k and 1M rows
    .venv/bin/python bench/validate_bench.py --rows 100000
    .venv/bin/python bench/validate_bench.py --rows 100000 --repeat 5 --cpu   # a busy machine

--cpu compares the tools' CPU time (user + system) instead of wall-clock
time, which other processes on a shared machine skew; --repeat runs both
tools that many times, alternately, and takes the median of each.

Targets: ratio <= 0.5 at 100k and 1M rows; peak memory of tokyo-validate at
1M rows within 1.2x of that at 100k.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ckanext.tokyo.base import standards

SCHEMA_ID = "current-13-public-toilet"
ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "schemas" / "standard" / f"{SCHEMA_ID}.json"
BIN = Path(sys.executable).parent

# Runs a command and prints its wall time and peak RSS (KiB): a fresh parent
# per command, so RUSAGE_CHILDREN holds that command alone.
MEASURE = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                  "max_rss_kib": usage.ru_maxrss,
                  "status": done.returncode, "stderr": done.stderr.decode()[-500:]}))
"""

WARDS = [("131016", "千代田区", "チヨダク"), ("131024", "中央区", "チュウオウク"),
         ("131032", "港区", "ミナトク"), ("131041", "新宿区", "シンジュクク"),
         ("131130", "渋谷区", "シブヤク")]


def generate(path: Path, rows: int, seed: int = 13) -> None:
    rnd = random.Random(seed)
    header = [f["name"] for f in standards.descriptor(SCHEMA_ID)["fields"]]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for n in range(1, rows + 1):
            code, ward, kana = WARDS[n % len(WARDS)]
            counts = [str(rnd.randint(0, 12)) for _ in range(11)]
            writer.writerow([
                "130001", f"T{n:08d}", "東京都", f"{ward}第{n}公衆トイレ", f"{kana}ダイ{n}コウシュウトイレ",
                f"Public Toilet No.{n}", code, f"{rnd.randint(1, 9999):04d}-{rnd.randint(1, 999):03d}",
                f"東京都{ward}一丁目{n % 50 + 1}番", "東京都", ward, "一丁目", f"{n % 50 + 1}番", "",
                "公園北側", f"{35.5 + rnd.random() * 0.3:.6f}", f"{139.5 + rnd.random() * 0.4:.6f}",
                "階数", "1", *counts, rnd.choice("有無"), rnd.choice("有無"), rnd.choice("有無"),
                "09:00", "21:00", "", f"https://www.city.example.lg.jp/toilet/{n}.jpg", "CC BY 4.0", "",
            ])


def measure(command: list[str], cwd: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
                          check=True, cwd=cwd)
    return json.loads(done.stdout)


def bench(path: Path, repeat: int = 1, key: str = "seconds") -> dict:
    # frictionless refuses absolute paths ("not safe"): run both beside the file.
    shutil.copy(SCHEMA_FILE, path.parent / SCHEMA_FILE.name)
    runs: dict[str, list[dict]] = {"tokyo": [], "frictionless": []}
    for _ in range(repeat):  # alternately, so a busy spell hits both
        runs["tokyo"].append(measure(
            [str(BIN / "tokyo-validate"), path.name, "--schema", SCHEMA_ID, "--format", "json",
             "--max-bytes", str(10 * 1024 ** 3), "--max-rows", str(10 ** 8), "--timeout", "36000"], path.parent))
        runs["frictionless"].append(measure(
            [str(BIN / "frictionless"), "validate", "--schema", SCHEMA_FILE.name, "--json", path.name], path.parent))
    tokyo, plain = (sorted(r, key=lambda m: m[key])[len(r) // 2] for r in runs.values())  # medians
    return {"tokyo": tokyo, "frictionless": plain, "ratio": tokyo[key] / plain[key]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dir", type=Path, help="where to write the files (default: a temporary directory)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each tool (median)")
    parser.add_argument("--cpu", action="store_true", help="compare CPU time, not wall-clock time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        results = {}
        for rows in args.rows:
            path = folder / f"130001_public_toilet_{rows}.csv"
            generate(path, rows)
            key = "cpu" if args.cpu else "seconds"
            result = bench(path, args.repeat, key)
            results[rows] = result
            t, f = result["tokyo"], result["frictionless"]
            print(f"{rows:>9,} rows  {os.path.getsize(path) / 1e6:7.1f} MB  "
                  f"tokyo-validate {t[key]:7.1f} s {t['max_rss_kib'] / 1024:6.0f} MiB (exit {t['status']})  "
                  f"frictionless {f[key]:7.1f} s {f['max_rss_kib'] / 1024:6.0f} MiB (exit {f['status']})  "
                  f"{'CPU' if args.cpu else 'time'} ratio {result['ratio']:.2f}", flush=True)
            if not args.dir:
                path.unlink()
        if len(results) > 1:
            small, large = min(results), max(results)
            growth = results[large]["tokyo"]["max_rss_kib"] / results[small]["tokyo"]["max_rss_kib"]
            print(f"tokyo-validate peak memory {large:,} rows / {small:,} rows: {growth:.2f}x")


if __name__ == "__main__":
    main()
