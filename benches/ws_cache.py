#!/usr/bin/env python3
"""Whole process, commands across a workspace, with the cache and without it (FGF_NO_CACHE=1).

Runs each command alternately with and without the cache (so that a burst of load on the
machine falls on both), N times each, and prints medians of wall time and of CPU time (user +
sys) and the largest peak RSS. The workspace is the one set up by the commands of BENCHMARKS.md
("A workspace of 500 notices"): HOME / XDG_DATA_HOME / XDG_CACHE_HOME under /tmp/ws500.

    cargo build --release
    python3 benches/ws_cache.py [--runs 11] [--home /tmp/ws500]

With `--before OLD_BINARY`: the old binary against this one (`--fgf`), both with the cache, run
alternately; each keeps its own cache directory (HOME/cache-before, HOME/cache-after), so that
the two never rebuild each other's cache.

    cp target/release/fgf /tmp/fgf-old   # before the change, then build the change
    python3 benches/ws_cache.py --runs 7 --before /tmp/fgf-old
"""
import os
import statistics
import subprocess
import time

import ws_common

COMMANDS = [
    ["who", "发改委"],
    ["search", "营商"],
    ["search", "fgw"],
    ["unit", "市发展改革委"],
    ["progress"],
    ["deadlines"],
    ["docs"],
    ["--doc", "gen-7", "who", "发改委"],
]


def run(cmd, env):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def main():
    args = ws_common.parse(runs=11)
    env = ws_common.workspace_env(args.home)
    if args.before:
        sides = [(fgf, e) for _, fgf, e in ws_common.compared(args, env)]
        names = ("before", "after")
    else:
        cached = dict(env, XDG_CACHE_HOME=f"{args.home}/cache")
        sides = [(args.fgf, dict(cached, FGF_NO_CACHE="1")), (args.fgf, cached)]
        names = ("without cache", "with cache")
    # Build the caches first (their cost is the first command after a change); then once more,
    # for the sources' metadata to be recorded once they are old enough.
    for fgf, e in sides:
        for _ in range(2):
            first = run([fgf, "docs"], e)
        print(f"`{fgf} docs`, cache ready: {first[0] * 1e3:.0f} ms wall, {first[2] / 1024:.0f} MB")
    print(f"{args.runs} runs each, alternating; median wall (fastest), median CPU, peak RSS")
    a_, b_ = names
    print(f"| command | {a_} | {b_} | CPU {a_} / {b_} | RSS {a_} / {b_} |")
    print("|---|---|---|---|---|")
    for c in COMMANDS:
        a, b = [], []
        for i in range(args.runs + 1):
            x, y = (run([fgf] + c, e) for fgf, e in sides)
            if i >= 1:  # one warm-up round
                a.append(x)
                b.append(y)

        def wall(r):
            return f"{statistics.median(t[0] for t in r) * 1e3:.0f} ms ({min(t[0] for t in r) * 1e3:.0f})"

        def cpu(r):
            return f"{statistics.median(t[1] for t in r) * 1e3:.0f}"

        def rss(r):
            return f"{max(t[2] for t in r) / 1024:.0f}"

        print(
            f"| `fgf {' '.join(c)}` | {wall(a)} | {wall(b)} | {cpu(a)} / {cpu(b)} ms "
            f"| {rss(a)} / {rss(b)} MB |"
        )


if __name__ == "__main__":
    main()
