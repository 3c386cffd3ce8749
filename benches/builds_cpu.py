#!/usr/bin/env python3
"""Several fgf builds, whole process, in turn: `fgf --doc ID search Q --limit 0` to /dev/null.

    python3 benches/builds_cpu.py [--runs 21] [--home DIR] [--id bench-100000] QUERY BUILD...

Each build reads the workspace of `--home` (one made by `vs_fzf.py --workspace`) through a
cache of its own (HOME/cache-build-K: the cache is per build), made (and its sources' metadata
recorded) before the runs. Prints each build's median and fastest wall time and CPU time
(user + system, all its threads), one warm-up round left out.
"""
import argparse
import os
import statistics
import subprocess
import time

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=21)
ap.add_argument("--home", default="/tmp/fgf-bench-ws-100000")
ap.add_argument("--id", default="bench-100000")
ap.add_argument("query")
ap.add_argument("builds", nargs="+")
args = ap.parse_args()
home = args.home
envs = []
for k, build in enumerate(args.builds):
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/data")
    env["XDG_CACHE_HOME"] = f"{home}/cache-build-{k}"
    # Twice: the second records the sources' metadata once they are old enough.
    for _ in range(2):
        subprocess.run([build, "docs"], env=env, stdout=subprocess.DEVNULL, check=True)
    envs.append(env)
wall = [[] for _ in args.builds]
cpu = [[] for _ in args.builds]
cmd = ["--doc", args.id, "search", args.query, "--limit", "0"]
for i in range(args.runs + 1):
    for k, build in enumerate(args.builds):
        start = time.perf_counter()
        p = subprocess.Popen(
            [build] + cmd, env=envs[k], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, _, usage = os.wait4(p.pid, 0)
        if i:
            wall[k].append((time.perf_counter() - start) * 1e3)
            cpu[k].append((usage.ru_utime + usage.ru_stime) * 1e3)
print(f"`{args.query}`, {args.runs} runs each in turn: median (fastest)")
print("| build | wall | CPU |")
print("|---|---|---|")
for k, build in enumerate(args.builds):
    w, c = wall[k], cpu[k]
    print(
        f"| {build} | {statistics.median(w):.1f} ms ({min(w):.1f}) "
        f"| {statistics.median(c):.1f} ms ({min(c):.1f}) |"
    )
