#!/usr/bin/env python3
"""Counts the distinct user-facing errors the test suite checks.

An error is checked when a test expects it (`expected-error {{...}}`) or
matches it (a FileCheck line holding `error: ...`). Two messages are the
same error when they differ only in quoted names and numbers.

Usage: count-errors.py TEST_DIR [--at-least=N]   (fails below N)
"""

import argparse
import glob
import os
import re
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tests")
    parser.add_argument("--at-least", type=int, default=0)
    args = parser.parse_args()
    errors, files = set(), set()
    for path in glob.glob(os.path.join(args.tests, "**", "*"), recursive=True):
        if not os.path.isfile(path) or "/Inputs/" in path:
            continue
        with open(path, errors="replace") as f:
            text = f.read()
        found = [m.group(1) for m in re.finditer(r"expected-error[^{\n]*\{\{(.*?)\}\}", text)]
        found += [m.group(1) for m in
                  re.finditer(r"//\s*[A-Z0-9_-]+(?:-NEXT|-SAME|-DAG)?:.*?error: (.*)", text)]
        for message in found:
            errors.add(re.sub(r"'[^']*'|\d+", "_", message.strip()))
            files.add(path)
    print("%d distinct errors checked in %d test files" % (len(errors), len(files)))
    if len(errors) < args.at_least:
        print("fewer than %d" % args.at_least)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
