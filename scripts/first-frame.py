#!/usr/bin/env python3
"""How long the wizard takes to show its first frame, its review screen and the
finished review (tree and findings) for a large plan, measured from launch in a
120x40 pseudo-terminal. For docs/performance.md.

Usage: scripts/first-frame.py [PLAN] [RUNS]
  PLAN defaults to a generated 100,000-client plan; build with
  `cargo build --release` first.
"""
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time

BIN = "./target/release/sysuser"


def measure(plan):
    """Seconds from launch until each marker first appears on the terminal.
    Markers are single words: the terminal output moves the cursor over spaces."""
    markers = {"first frame": b"sysuser", "review screen": b"layout", "finished review": b"Access"}
    seen = {}
    start = time.time()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BIN, [BIN, "--lang", "en", "wizard", plan])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = b""
    while len(seen) < len(markers) and time.time() - start < 20:
        ready, _, _ = select.select([fd], [], [], 0.002)
        if not ready:
            continue
        try:
            out += os.read(fd, 1 << 16)
        except OSError:
            break
        for name, marker in markers.items():
            if name not in seen and marker in out:
                seen[name] = time.time() - start
    os.write(fd, b"\x03")  # Ctrl-C quits at once
    os.waitpid(pid, 0)
    return seen


def main():
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        plan = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tmp, "plan.yaml")
        if len(sys.argv) <= 1:
            subprocess.run([BIN, "generate", "--clients", "100000", "--system-users", "4", "-o", plan],
                           check=True, capture_output=True)
        os.environ["SYSUSER_STATE_DIR"] = tmp
        results = [measure(plan) for _ in range(runs)]
    for name in ["first frame", "review screen", "finished review"]:
        times = sorted(r[name] * 1000 for r in results if name in r)
        if times:
            print(f"{name}: best {times[0]:.0f} ms, median {times[len(times) // 2]:.0f} ms")


if __name__ == "__main__":
    main()
