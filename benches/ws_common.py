"""What the workspace benchmarks share (ws_cache.py, tui_first_frame.py): their arguments, the
environment of the 500-notice workspace (BENCHMARKS.md), and the binaries compared, each with a
cache directory of its own so that two builds never rebuild each other's cache."""
import argparse
import os
import subprocess


def parse(runs):
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=runs)
    ap.add_argument("--home", default="/tmp/ws500")
    ap.add_argument("--fgf", default="target/release/fgf")
    ap.add_argument("--before", help="an older fgf binary, run alternately with --fgf")
    ap.add_argument(
        "--caches",
        help="the cache directories' prefix (PREFIX-before, PREFIX-after; default HOME/cache):"
        " one of your own when another run uses the workspace at the same time",
    )
    return ap.parse_args()


def workspace_env(home, **extra):
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/data", **extra)
    for k in ("FGF_NO_CACHE", "FGF_DOC", "FGF_STATE", "XDG_CACHE_HOME"):
        env.pop(k, None)
    return env


def compared(args, env):
    """[(name, binary, env)]: the old binary (if any) and this one, each its own cache dir."""
    prefix = args.caches or f"{args.home}/cache"
    sides = [("after", args.fgf, dict(env, XDG_CACHE_HOME=f"{prefix}-after"))]
    if args.before:
        sides.insert(0, ("before", args.before, dict(env, XDG_CACHE_HOME=f"{prefix}-before")))
    return sides


def tui_sides(args):
    """The binaries compared in a pseudo-terminal (Chinese, colours), their caches built and the
    sources' metadata recorded (two runs of a command across them)."""
    env = workspace_env(args.home, TERM="xterm-256color", LANG="zh_CN.UTF-8")
    for k in ("NO_COLOR", "LC_ALL"):
        env.pop(k, None)
    sides = compared(args, env)
    for _, fgf, e in sides:
        for _ in range(2):
            subprocess.run([fgf, "docs"], env=e, stdout=subprocess.DEVNULL, check=True)
    return sides
