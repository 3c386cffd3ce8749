#!/usr/bin/env python3
"""The TUI's first frame over a workspace, whole process: from spawning `fgf` in a pseudo-terminal
until the workspace list's last line (its keys, drawn after every row) has been written to the
terminal; then `G` (to the last notice), timed until it is answered (every notice loaded and
keys read); then `q`, and the process must exit. Repeated N times; prints the median and the
fastest, and the largest peak RSS.

The workspace is the one of BENCHMARKS.md ("A workspace of 500 notices"): HOME / XDG_DATA_HOME
under /tmp/ws500; each binary keeps its cache in a directory of its own (HOME/cache-before,
HOME/cache-after), built before the timed runs.

    cargo build --release
    python3 benches/tui_first_frame.py [--runs 21] [--before /tmp/fgf-old] [--fgf target/release/fgf]
"""
import fcntl
import os
import select
import statistics
import struct
import subprocess
import termios
import time

import ws_common

# The list's foot, drawn last: the frame is complete once it is out.
DONE = "q 退出".encode()
# The selection's mark: drawn again when `G` (to the last notice) has been answered.
MARK = "▶".encode()


def read_until(master, seen, done, start, timeout):
    """Reads the terminal's output into `seen` until `done(seen)`; raises after `timeout`."""
    while not done(seen):
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise RuntimeError(f"not seen within {timeout} s: {seen[-300:]!r}")
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                raise RuntimeError(f"fgf ended: {seen[-300:]!r}")
            seen += chunk
    return seen


def first_frame(fgf, env, timeout=10.0):
    """Seconds from spawn to the foot on the terminal, and to `G` (the last notice) answered:
    every notice loaded, keys read; peak RSS in KB."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    p = subprocess.Popen(
        [fgf],
        env=env,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    try:
        seen = read_until(master, b"", lambda x: DONE in x, start, timeout)
        took = time.perf_counter() - start
        marks = seen.count(MARK)
        os.write(master, b"G")
        read_until(master, seen, lambda x: x.count(MARK) > marks, start, timeout)
        loaded = time.perf_counter() - start
    except RuntimeError:
        p.kill()
        raise
    os.write(master, b"q")
    # Drain until the process exits (it restores the terminal on the way out).
    while True:
        ready, _, _ = select.select([master], [], [], 5)
        if not ready:
            break
        try:
            if not os.read(master, 65536):
                break
        except OSError:
            break
    _, _, ru = os.wait4(p.pid, 0)
    os.close(master)
    return took, loaded, ru.ru_maxrss


def main():
    args = ws_common.parse(runs=21)
    sides = ws_common.tui_sides(args)
    got = {name: [] for name, _, _ in sides}
    for i in range(args.runs + 1):
        for name, fgf, e in sides:
            r = first_frame(fgf, e)
            if i >= 1:  # one warm-up round
                got[name].append(r)
    print(f"{args.runs} runs each, alternating; whole process, from spawn")
    print("| binary | first frame: median | fastest | p90 | `G` answered (all loaded): median | peak RSS |")
    print("|---|---|---|---|---|---|")
    for name, fgf, _ in sides:
        t = sorted(x[0] * 1e3 for x in got[name])
        g = statistics.median(x[1] * 1e3 for x in got[name])
        p90 = t[min(len(t) - 1, int(len(t) * 0.9))]
        rss = max(x[2] for x in got[name]) / 1024
        print(
            f"| {name} (`{fgf}`) | {statistics.median(t):.0f} ms | {t[0]:.0f} ms "
            f"| {p90:.0f} ms | {g:.0f} ms | {rss:.0f} MB |"
        )


if __name__ == "__main__":
    main()
