#!/usr/bin/env python3
# A full hall on one live ballot page (a benchmark, not a test): simulated clients each asking
# once a second, as the browser client does. Prints the server's CPU (cores kept busy: its CPU
# seconds from /proc over the wall seconds) and the requests answered, for
#   0. 2,000 clients asking GET /api/version, the trivial endpoint, for scale;
#   1. 2,000 clients asking the page's version while nothing changes (the hall waits);
#   2. the same while votes arrive, so that every client also fetches the page again (4 GETs);
#   3. the page's 4 GETs every second per client, as before the version existed, with fewer
#      clients (a Python client cannot send 8,000 requests a second), and the cost per client.
# Starts its own server on a temporary demo database; targets 127.0.0.1 only; bounded in time
# and requests; asserts nothing.
#   bench/live.py [YISHI_SERVER]
import asyncio
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hall  # noqa: E402  (the meeting hall's connection, set-up and server)

CLIENTS = 2000
OLD_CLIENTS = 300
SECONDS = 10
WARM_UP = 2  # seconds before measuring: every client's first answer fetches the page
WORKERS = 40  # connections: each carries CLIENTS / WORKERS clients' polls, spaced evenly
TICK = 1 / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK  # utime + stime


async def worker(port, n, clients, tokens, page, until, mode, counts, shown):
    """Polls for `clients` clients, each once a second, one request after another. Modes:
    "trivial" GET /api/version, "new" the version then the page if it moved, "old" the page."""
    c = hall.Conn(port, source=f"127.0.0.{10 + n % 200}")
    seen = dict.fromkeys(range(clients), shown)  # every client has the page as it is now
    step = 1.0 / clients
    next_at = time.perf_counter() + random.uniform(0, step)
    i = 0
    while time.perf_counter() < until:
        delay = next_at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        next_at += step
        client = i % clients
        token = tokens[(n * clients + client) % len(tokens)]
        i += 1
        if mode == "trivial":
            await c.request("GET", "/api/version")
            counts["requests"] += 1
            continue
        fetch = mode == "old"
        if mode == "new":
            s, body, _ = await c.request("GET", "/api/councils/1/version", token=token)
            counts["requests"] += 1
            v = body["version"] if s == 200 else None
            fetch = v is not None and seen.get(client) != v
            seen[client] = v
        if fetch:
            for path in page:
                await c.request("GET", path, token=token)
                counts["requests"] += 1
    c.close()


async def voters(port, ballot, tokens, until):
    """The hall votes meanwhile: one vote every 0.2 s until the tokens or the time run out."""
    for token in tokens:
        if time.perf_counter() >= until:
            return
        await hall.call(port, "POST", f"/api/ballots/{ballot}/votes",
                        {"choice": random.choice(["yes", "no", "abstain"])}, token)
        await asyncio.sleep(0.2)


async def phase(port, pid, name, clients, tokens, page, mode, vote_tokens=None, ballot=None):
    start = time.perf_counter() + WARM_UP
    until = start + SECONDS
    counts = {"requests": 0}
    per_worker = max(1, clients // WORKERS)
    _, now, _ = await hall.call(port, "GET", "/api/councils/1/version", token=tokens[0])
    tasks = [worker(port, n, per_worker, tokens, page, until, mode, counts, now["version"])
             for n in range(WORKERS)]
    if vote_tokens:
        tasks.append(voters(port, ballot, vote_tokens, until))
    running = asyncio.gather(*tasks)
    await asyncio.sleep(start - time.perf_counter())
    cpu0, t0, n0 = cpu_seconds(pid), time.perf_counter(), counts["requests"]
    await running
    cpu, wall = cpu_seconds(pid) - cpu0, time.perf_counter() - t0
    counts["requests"] -= n0
    cores = cpu / wall
    print(f"{name}: {per_worker * WORKERS} clients, {counts['requests'] / wall:,.0f} requests/s "
          f"answered, server CPU {cores:.2f} cores ({cores / (per_worker * WORKERS) * 1000:.2f} "
          f"cores per 1,000 clients)")
    return cores / (per_worker * WORKERS)


async def run(port, pid):
    ballot, tokens = await hall.prepare(port)
    page = [f"/api/ballots/{ballot}", "/api/councils/1/rules", "/api/councils/1/tasks",
            "/api/councils/1/members"]
    print(f"a live ballot page: {len(tokens)} members signed in, ballot {ballot} open, "
          f"{SECONDS} s a phase, {os.cpu_count()} cores shared with this client")
    trivial = await phase(port, pid, "0. GET /api/version", CLIENTS, tokens, page, "trivial")
    idle = await phase(port, pid, "1. version polls, nothing changing", CLIENTS, tokens, page, "new")
    # Half the members vote during phase 2; the page moves every 0.2 s.
    voting = await phase(port, pid, "2. version polls while votes arrive", CLIENTS, tokens, page,
                         "new", vote_tokens=tokens[: len(tokens) // 2], ballot=ballot)
    old = await phase(port, pid, "3. the whole page every second (before)", OLD_CLIENTS, tokens,
                      page, "old")
    print(f"per client, against the whole page every second: {idle / old:.3f}x waiting, "
          f"{voting / old:.2f}x while votes arrive; a version poll costs {idle / trivial:.2f}x "
          "GET /api/version")
    print(f"2,000 clients waiting: {idle * 2000:.2f} cores (target < 1: "
          f"{'met' if idle * 2000 < 1 else 'NOT met'}); the whole page every second would take "
          f"{old * 2000:.2f} cores")


def main():
    server = sys.argv[1] if len(sys.argv) > 1 else hall.SERVER
    with hall.running_server(server) as (port, proc):
        asyncio.run(asyncio.wait_for(run(port, proc.pid), 300))


if __name__ == "__main__":
    main()
