#!/usr/bin/env python3
"""Whole process: `fgf --doc DOC search Q` against `fzf --filter Q` over the same items.

Runs the two alternately (so that a burst of load on the machine falls on both), N times each,
and prints the median and the fastest run of each, and fgf's median as a share of fzf's.

    cargo build --release --bin fgf --example gendoc
    python3 benches/vs_fzf.py [--runs 21] [--sizes 10000,100000] [--limit 0] [--fzf PATH]
                              [--workspace [--home DIR]] [--before PATH]

--workspace: the document is added to a workspace of its own (/tmp/fgf-bench-ws-N, or --home,
as id bench-N) and fgf reads it by id, through the workspace's cache (issue 13), built before
the runs.

--before PATH: another fgf build (an earlier one, say) runs in turn with the two, on the same
workspace but with a cache of its own (HOME/cache-before: the cache is per build), in a column
of its own.

Documents and line files are generated into /tmp (fgf-bench-N.json, fgf-bench-N.txt) by
examples/gendoc.rs when missing: one line per task, measure and unit, as fgf searches them.
"""
import argparse
import os
import statistics
import subprocess
import time

QUERIES = ["企业开办", "审", "服务 !海关"]


def run(cmd, stdin=None, env=None):
    start = time.perf_counter()
    subprocess.run(
        cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    return time.perf_counter() - start


def workspace(fgf, doc, n, home=None):
    """Adds `doc` (as id bench-N) to a workspace of its own, builds its cache, returns the id."""
    import json

    home = home or f"/tmp/fgf-bench-ws-{n}"
    os.environ.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache")
    key = f"bench-{n}"
    if not os.path.exists(f"{home}/data/fgf/workspace/notices/{key}.json"):
        with open(doc, encoding="utf-8") as f:
            d = json.load(f)
        d["id"], d["number"] = key, f"{d.get('number', '')}〔{key}〕"
        src = f"{home}/{key}.json"
        os.makedirs(home, exist_ok=True)
        with open(src, "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False)
        subprocess.run([fgf, "add", src], check=True, stdout=subprocess.DEVNULL)
    # Any command across the workspace builds the cache.
    subprocess.run([fgf, "docs"], check=True, stdout=subprocess.DEVNULL)
    return key


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--limit", default="0")
    ap.add_argument("--fgf", default="target/release/fgf")
    ap.add_argument("--fzf", default="fzf")
    ap.add_argument("--workspace", action="store_true")
    ap.add_argument("--home", help="the workspace's directory (with --workspace)")
    ap.add_argument("--before", help="another fgf build, timed in turn with the two")
    args = ap.parse_args()
    version = subprocess.run([args.fzf, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"fzf {version}; {args.runs} runs each, alternating; medians (fastest)")
    before = " before | before / fzf |" if args.before else ""
    print(
        "| items | query |%s fgf search --limit %s | fzf --filter | fgf / fzf |"
        % (before, args.limit)
    )
    print("|---|---|---|---|---|" + "---|---|" * bool(args.before))
    for n in [int(s) for s in args.sizes.split(",")]:
        doc, lines = f"/tmp/fgf-bench-{n}.json", f"/tmp/fgf-bench-{n}.txt"
        if not (os.path.exists(doc) and os.path.exists(lines)):
            subprocess.run(["target/release/examples/gendoc", str(n), doc, lines], check=True)
        key = doc
        if args.workspace:
            key = workspace(args.fgf, doc, n, args.home)
        old_env = None
        if args.before:
            old_env = dict(os.environ)
            if args.workspace:
                old_env["XDG_CACHE_HOME"] = f"{os.environ['HOME']}/cache-before"
                subprocess.run(
                    [args.before, "docs"], check=True, stdout=subprocess.DEVNULL, env=old_env
                )
        for q in QUERIES:
            fgf_cmd = [args.fgf, "--doc", key, "search", q, "--limit", args.limit]
            fzf_cmd = [args.fzf, "--filter", q]
            a, b, c = [], [], []
            for i in range(args.runs + 2):
                x = run(fgf_cmd)
                with open(lines, "rb") as f:
                    y = run(fzf_cmd, stdin=f)
                z = run([args.before] + fgf_cmd[1:], env=old_env) if args.before else 0
                if i >= 2:  # two warm-up rounds
                    a.append(x)
                    b.append(y)
                    c.append(z)
            ma, mb, mc = statistics.median(a), statistics.median(b), statistics.median(c)
            old = f" {mc * 1e3:.0f} ms ({min(c) * 1e3:.0f}) | {mc / mb:.2f} |" if args.before else ""
            print(
                f"| {n // 1000}k | `{q}` |{old} {ma * 1e3:.0f} ms ({min(a) * 1e3:.0f}) "
                f"| {mb * 1e3:.0f} ms ({min(b) * 1e3:.0f}) | {ma / mb:.2f} |"
            )


if __name__ == "__main__":
    main()
