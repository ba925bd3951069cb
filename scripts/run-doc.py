#!/usr/bin/env python3
"""Runs the commands of a Markdown tutorial and checks what they print.

A ```console block holds commands, each line starting with "$ " (a line
ending in a backslash continues on the next). When the next fenced block
follows it directly (only blank lines between) and is not a console block,
it is what the last command of the block must print: line by line, trailing
spaces ignored, a line holding only "..." standing for any number of lines.
Every command must exit with status 0 unless it starts with "$ ! ", which
must fail (its output is then what it printed on stderr).

Commands run in bash from the source root, with build/bin first on PATH and
$T a fresh scratch directory shared by the commands of one tutorial.

--update rewrites each output block with what the command printed (for
writing a tutorial; elide with "..." by hand afterwards).

Usage: run-doc.py TUTORIAL.md --build=BUILD_DIR [--llvm-bin=DIR] [--update]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile


def blocks(lines):
    """(start line, info string, lines) of each fenced block."""
    i, out = 0, []
    while i < len(lines):
        m = re.match(r"^(\s*)```(\S*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        indent, info, start = m.group(1), m.group(2), i
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        out.append((start, info, body, i))
        i += 1
    return out


def commands(body):
    """The commands of a console block, continuation lines joined."""
    cmds, current = [], None
    for line in body:
        if current is not None:
            current += "\n" + line
        elif line.startswith("$ "):
            current = line[2:]
        else:
            continue
        if current.endswith("\\"):
            continue
        cmds.append(current)
        current = None
    return cmds


def matches(expected, actual):
    """Whether `actual` lines fit `expected`, where "..." is any lines."""
    exp = [e.rstrip() for e in expected]
    act = [a.rstrip() for a in actual]
    while act and not act[-1]:
        act.pop()
    while exp and not exp[-1]:
        exp.pop()

    memo = {}

    def fit(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(exp):
            r = j == len(act)
        elif exp[i].strip() == "...":
            r = any(fit(i + 1, k) for k in range(j, len(act) + 1))
        else:
            r = j < len(act) and exp[i] == act[j] and fit(i + 1, j + 1)
        memo[(i, j)] = r
        return r

    sys.setrecursionlimit(100000)
    return fit(0, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("tutorial")
    parser.add_argument("--build", required=True)
    parser.add_argument("--llvm-bin", default="/usr/lib/llvm-22/bin")
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(args.tutorial) as f:
        lines = f.read().split("\n")
    found = blocks(lines)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([os.path.join(os.path.abspath(args.build), "bin"),
                                   args.llvm_bin, env.get("PATH", "")])
    failures = ran = 0
    updates = []
    with tempfile.TemporaryDirectory() as scratch:
        env["T"] = scratch
        for n, (start, info, body, end) in enumerate(found):
            if info != "console":
                continue
            expected = None
            if n + 1 < len(found):
                nstart, ninfo, nbody, _ = found[n + 1]
                between = lines[end + 1:nstart]
                if ninfo != "console" and all(not l.strip() for l in between):
                    expected = nbody
            cmds = commands(body)
            for k, cmd in enumerate(cmds):
                fails = cmd.startswith("! ")
                if fails:
                    cmd = cmd[2:]
                proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=root, env=env,
                                      capture_output=True, text=True)
                ran += 1
                where = "%s:%d" % (args.tutorial, start + 1)
                if (proc.returncode != 0) != fails:
                    print("%s: `%s` exited with %d%s\n%s" % (
                        where, cmd, proc.returncode,
                        " (it should fail)" if fails else "", proc.stderr))
                    failures += 1
                    continue
                shown = proc.stderr if fails else proc.stdout
                if args.update and k == len(cmds) - 1 and expected is not None:
                    updates.append((found[n + 1][0], found[n + 1][3], shown.rstrip("\n")))
                    continue
                if k == len(cmds) - 1 and expected is not None and \
                        not matches(expected, shown.split("\n")):
                    print("%s: `%s` printed something else; it printed:\n%s" % (where, cmd, shown))
                    failures += 1
    if args.update:
        for start, end, text in reversed(updates):
            lines[start + 1:end] = text.split("\n")
        with open(args.tutorial, "w") as f:
            f.write("\n".join(lines))
    print("%s: %d commands, %d failed" % (os.path.basename(args.tutorial), ran, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
