#!/usr/bin/env python3
"""Peak RSS of the TUI over a workspace, whole process, for each of its heavy views: the
workspace list is opened in a pseudo-terminal and drawn, `G` answered (every notice loaded),
then one scenario's keys are typed, each followed by a pause while the screen settles (the
output quiet for `--settle` seconds), then Esc and q until the process exits; peak RSS is the
child's ru_maxrss from wait4. Scenarios:

    list    nothing more (every notice loaded)
    U       the units view across notices
    D       the deadlines view across notices
    search  `/`, `营` (every notice's search index), Backspace, `fgw` (the entries' pinyin keys)
    U-then-search  `U`, Esc back to the list, then the keys of `search` (one session's peak)
    search-then-D  the keys of `search`, Esc, then `D`

The workspace is the one of BENCHMARKS.md ("A workspace of 500 notices"): HOME / XDG_DATA_HOME
under /tmp/ws500; each binary keeps its cache in a directory of its own (--caches PREFIX:
PREFIX-before, PREFIX-after), built before the measured runs.

    cargo build --release
    python3 benches/tui_rss.py [--runs 3] [--before /tmp/fgf-old] [--fgf target/release/fgf] \
        [--caches /tmp/cache-mine] [--only search]
"""
import argparse
import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time

import ws_common
from tui_first_frame import read_until

DONE = "q 退出".encode()
MARK = "▶".encode()

SCENARIOS = {
    "list": [],
    "U": [b"U"],
    "D": [b"D"],
    "search": [b"/", "营".encode(), b"\x7f", b"f", b"g", b"w"],
    "U-then-search": [b"U", b"\x1b", b"/", "营".encode(), b"\x7f", b"f", b"g", b"w"],
    "search-then-D": [b"/", "营".encode(), b"\x7f", b"f", b"g", b"w", b"\x1b", b"D"],
}


def settle(master, quiet, limit=30.0):
    """Reads output until none has come for `quiet` seconds (or `limit` passed)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        ready, _, _ = select.select([master], [], [], quiet)
        if not ready:
            return
        try:
            if not os.read(master, 65536):
                return
        except OSError:
            return


def run(fgf, env, keys, quiet):
    """Peak RSS in KB of one run: the list, `G` answered, `keys` each settled, Esc q q."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    p = subprocess.Popen(
        [fgf], env=env, stdin=slave, stdout=slave, stderr=slave,
        start_new_session=True, close_fds=True,
    )
    os.close(slave)
    try:
        seen = read_until(master, b"", lambda x: DONE in x, start, 20)
        marks = seen.count(MARK)
        os.write(master, b"G")
        read_until(master, seen, lambda x: x.count(MARK) > marks, start, 20)
        settle(master, quiet)
        for k in keys:
            os.write(master, k)
            settle(master, quiet)
        for k in (b"\x1b", b"q", b"q"):
            os.write(master, k)
            settle(master, 0.3)
    except RuntimeError:
        p.kill()
        raise
    _, status, ru = os.wait4(p.pid, 0)
    os.close(master)
    if status != 0:
        raise RuntimeError(f"{fgf} exited with status {status}")
    return ru.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--home", default="/tmp/ws500")
    ap.add_argument("--fgf", default="target/release/fgf")
    ap.add_argument("--before")
    ap.add_argument("--caches")
    ap.add_argument("--settle", type=float, default=1.0, help="seconds of quiet output after a key")
    ap.add_argument("--only", action="append", choices=list(SCENARIOS))
    args = ap.parse_args()
    sides = ws_common.tui_sides(args)
    names = args.only or list(SCENARIOS)
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print(f"{args.runs} runs each, alternating; peak RSS (max / min over the runs); load average {load}")
    print("| scenario | " + " | ".join(f"{n} (`{b}`)" for n, b, _ in sides) + " |")
    print("|---" * (len(sides) + 1) + "|")
    for s in names:
        got = {n: [] for n, _, _ in sides}
        for _ in range(args.runs):
            for n, fgf, e in sides:
                got[n].append(run(fgf, e, SCENARIOS[s], args.settle) / 1024)
        cells = [f"{max(got[n]):.0f} / {min(got[n]):.0f} MB" for n, _, _ in sides]
        print(f"| {s} | " + " | ".join(cells) + " |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
