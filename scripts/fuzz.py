#!/usr/bin/env python3
"""Runs USL's libFuzzer targets and records what they did in docs/fuzzing.md.

Seed corpora come from the test suite: every .mlir file (parse), the first
usl-opt pass of each pass and conversion test with its input (passes), the
pass names with option strings of the tests (options), and the instruction
libraries (library). Each target then runs for RUNS executions (or SECONDS,
whichever comes first); crashes, sanitizer reports and timeouts are saved
under BUILD/fuzz-artifacts/ and fail the run.

Usage: fuzz.py BUILD_DIR [--runs=N] [--seconds=S] [--targets=parse,passes,...]
"""

import argparse
import datetime
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = ["parse", "passes", "options", "library"]
SKIP_FLAGS = ("split-input-file", "verify-diagnostics", "pass-pipeline", "usl-trace-schedule",
              "allow-unregistered-dialect")


def sources(pattern):
    return sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))


def first_chunk(text):
    return text.split("// -----")[0]


def flags_of(text):
    """The usl-opt flags of a test's first RUN line: [(name, options)]."""
    for line in text.split("\n"):
        m = re.match(r"\s*// RUN: (usl-opt .*)", line)
        if not m:
            continue
        out = []
        for f in re.finditer(r'--([a-z0-9-]+)(?:=("[^"]*"|\S*))?', m.group(1)):
            name, opts = f.group(1), (f.group(2) or "")
            if name.startswith("mlir-") or name in SKIP_FLAGS:
                continue
            out.append((name, opts.strip('"')))
        return out
    return []


def seed(build, target):
    corpus = os.path.join(build, "fuzz-corpus", target)
    os.makedirs(corpus, exist_ok=True)
    n = 0

    def put(data):
        nonlocal n
        with open(os.path.join(corpus, "seed-%04d" % n), "wb") as f:
            f.write(data.encode())
        n += 1

    tests = sources("test/**/*.mlir") + sources("examples/*.mlir") + sources("bench/*.mlir")
    if target == "parse":
        for t in tests:
            put(first_chunk(open(t).read()))
    elif target == "passes":
        for t in sources("test/passes/*.mlir") + sources("test/conversion/*.mlir"):
            text = open(t).read()
            for name, opts in flags_of(text)[:1]:
                put("--%s=%s\n%s" % (name, opts, first_chunk(text)))
    elif target == "options":
        for t in tests:
            for name, opts in flags_of(open(t).read()):
                put("%s\0%s" % (name, opts))
    elif target == "library":
        for t in sources("instructions/*.mlir") + sources("test/conversion/Inputs/*.mlir"):
            put(open(t).read())
    return corpus, n


def run(build, target, runs, seconds):
    corpus, seeds = seed(build, target)
    artifacts = os.path.join(build, "fuzz-artifacts", target) + "/"
    os.makedirs(artifacts, exist_ok=True)
    binary = os.path.join(build, "bin", "usl-fuzz-" + target)
    cmd = [binary, corpus, "-runs=%d" % runs, "-max_total_time=%d" % seconds,
           "-timeout=20", "-rss_limit_mb=4096", "-max_len=16384",
           "-print_final_stats=1", "-artifact_prefix=" + artifacts]
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    start = datetime.datetime.now()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = (datetime.datetime.now() - start).total_seconds()
    log = proc.stderr
    execs = re.search(r"stat::number_of_executed_units: (\d+)", log)
    execs = int(execs.group(1)) if execs else 0
    found = sorted(os.listdir(artifacts))
    ok = proc.returncode == 0 and not found
    with open(os.path.join(build, "fuzz-%s.log" % target), "w") as f:
        f.write(log)
    print("usl-fuzz-%s: %d executions in %.0f s from %d seeds: %s" % (
        target, execs, elapsed, seeds,
        "no crash, no sanitizer report, no timeout" if ok else
        "FAILED (exit %d, artifacts %s)" % (proc.returncode, ", ".join(found) or "none")))
    return ok, execs, elapsed, seeds


def record(results, runs):
    path = os.path.join(ROOT, "docs", "fuzzing.md")
    header = ("# Fuzzing record\n\n"
              "Written by `make fuzz` (scripts/fuzz.py), one row per target and run:\n"
              "libFuzzer targets in `fuzz/`, built with ASan, UBSan and coverage in\n"
              "`build-fuzz/`, seeded from the test suite.\n\n"
              "| date | target | executions | seconds | seeds | result |\n"
              "|---|---|---|---|---|---|\n")
    rows = ""
    if os.path.exists(path):
        text = open(path).read()
        if "|---|---|---|---|---|---|\n" in text:
            rows = text.split("|---|---|---|---|---|---|\n", 1)[1]
            rows = rows.split("\n\n")[0].strip() + "\n" if rows.strip() else ""
    today = datetime.date.today().isoformat()
    for target, (ok, execs, elapsed, seeds) in results.items():
        rows += "| %s | usl-fuzz-%s | %d | %.0f | %d | %s |\n" % (
            today, target, execs, elapsed, seeds,
            "0 crashes, 0 sanitizer reports, 0 timeouts" if ok else "FAILED")
    with open(path, "w") as f:
        f.write(header + rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=1000000)
    parser.add_argument("--seconds", type=int, default=3600)
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    results = {}
    for target in args.targets.split(","):
        if target not in TARGETS:
            print("unknown fuzz target '%s'; targets are %s" % (target, ", ".join(TARGETS)))
            return 2
        results[target] = run(args.build, target, args.runs, args.seconds)
    record(results, args.runs)
    return 0 if all(r[0] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
