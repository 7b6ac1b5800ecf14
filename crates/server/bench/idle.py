"""Hold N idle TCP connections to a server (issue 13's load test): connect, send nothing.
When the server closes one (its header-read timeout), count it and open another, so N stay
open for as long as this runs. On SIGTERM print what happened and exit.

    python3 idle.py HOST PORT N
"""
import selectors
import signal
import socket
import sys
import time

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sel = selectors.DefaultSelector()
opened = closed = failed = 0
min_open = None
lifetimes = []


def connect():
    global opened, failed
    try:
        s = socket.create_connection((host, port), timeout=5)
    except OSError:
        failed += 1
        return
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, time.monotonic())
    opened += 1


def report(*_):
    life = sorted(lifetimes)
    med = f"{life[len(life) // 2]:.1f} s" if life else "-"
    print(f"idle connections: {n} held (at least {min_open} open after each reconnect round), {opened} opened, "
          f"{closed} closed by the server after a median {med} idle, {failed} connects failed", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, report)
for _ in range(n):
    connect()
print(f"idle: {len(sel.get_map())} connections open", flush=True)
while True:
    for key, _ in sel.select(timeout=0.5):
        s = key.fileobj
        try:
            data = s.recv(4096)
        except OSError:
            data = b""
        if not data:
            sel.unregister(s)
            s.close()
            closed += 1
            lifetimes.append(time.monotonic() - key.data)
    while len(sel.get_map()) < n:
        before = len(sel.get_map())
        connect()
        if len(sel.get_map()) == before:
            break
    open_now = len(sel.get_map())
    min_open = open_now if min_open is None else min(min_open, open_now)
