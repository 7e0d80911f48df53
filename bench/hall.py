#!/usr/bin/env python3
# A meeting hall on loopback (a benchmark, not a test): starts yishi-server on a temporary
# demo database and prints latencies, first under hostile connections (idle, slowloris, header
# floods), then with 60 voters polling the live ballot and voting while 32 others log in.
# Bounded in time and requests; targets 127.0.0.0/8 only; prints figures, asserts nothing.
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SERVER = sys.argv[1] if len(sys.argv) > 1 else "build/server/yishi-server"
HOST = "127.0.0.1"
PASSWORD = "yishi2026"
VOTERS = 60       # 15 demo residents + 45 registered through invites, one vote each
LOGINS = 32       # clients logging in back to back during the hall phase
HALL_SECONDS = 20


class Conn:
    """One kept-alive HTTP/1.1 connection; requests on it go one after another."""

    def __init__(self, port, source=HOST):
        self.port, self.source = port, source
        self.reader = self.writer = None

    async def request(self, method, path, body=None, token=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(
                HOST, self.port, local_addr=(self.source, 0))
        data = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: {len(data)}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        self.writer.write(head.encode() + b"\r\n" + data)
        start = time.perf_counter()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed by the server")
        status = int(status_line.split()[1])
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            if name.lower() == "connection" and "close" in value.lower():
                close = True
        payload = await self.reader.readexactly(length)
        elapsed = time.perf_counter() - start
        if close:
            self.close()
        return status, (json.loads(payload) if payload else None), elapsed

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def call(port, method, path, body=None, token=None):
    c = Conn(port)
    try:
        return await c.request(method, path, body, token)
    finally:
        c.close()


def figures(name, samples):
    if not samples:
        return f"{name}: no samples"
    s = sorted(samples)
    p = lambda q: s[min(len(s) - 1, int(q * len(s)))] * 1000
    return (f"{name}: n={len(s)} p50={p(0.50):.1f} ms p99={p(0.99):.1f} ms "
            f"max={s[-1] * 1000:.1f} ms")


# ---- hostile connections

async def hold_idle(port, n, stop):
    conns = []
    for _ in range(n):
        conns.append(await asyncio.open_connection(HOST, port, local_addr=("127.0.0.3", 0)))
    await stop.wait()
    for _, w in conns:
        w.close()


async def slowloris(port, stop, closed):
    r, w = await asyncio.open_connection(HOST, port, local_addr=("127.0.0.4", 0))
    w.write(b"GET /api/version HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    started = time.perf_counter()
    while not stop.is_set():
        try:
            w.write(b"a")
            await w.drain()
            data = await asyncio.wait_for(r.read(4096), 1.0)
            if not data or b"\r\n\r\n" in data:
                closed.append(time.perf_counter() - started)
                break
        except asyncio.TimeoutError:
            continue
        except (ConnectionError, OSError):
            closed.append(time.perf_counter() - started)
            break
    w.close()


async def header_flood(port, stop, refused):
    line = b"X-Flood: 1\r\n" * 1000
    while not stop.is_set():
        try:
            r, w = await asyncio.open_connection(HOST, port, local_addr=("127.0.0.5", 0))
            w.write(b"GET / HTTP/1.1\r\nHost: x\r\n")
            for _ in range(100):
                w.write(line)
                await w.drain()
                try:
                    data = await asyncio.wait_for(r.read(4096), 0.01)
                    if data.startswith(b"HTTP/1.1 431"):
                        refused[0] += 1
                    break
                except asyncio.TimeoutError:
                    pass
            w.close()
            await asyncio.sleep(0.1)  # and again, without using up the ports
        except (ConnectionError, OSError):
            await asyncio.sleep(0.05)


async def under_attack(port):
    stop = asyncio.Event()
    closed, refused = [], [0]
    tasks = [asyncio.create_task(hold_idle(port, 200, stop))]
    tasks += [asyncio.create_task(slowloris(port, stop, closed)) for _ in range(50)]
    tasks += [asyncio.create_task(header_flood(port, stop, refused)) for _ in range(20)]
    await asyncio.sleep(1.0)
    samples = []
    c = Conn(port)
    for _ in range(50):
        samples.append((await c.request("GET", "/api/version"))[2])
        await asyncio.sleep(0.1)
    c.close()
    print(figures("GET /api/version with 200 idle, 50 slowloris, 20 header-flooding connections",
                  samples))
    await asyncio.sleep(max(0.0, 12.5 - 6.0))  # until the slow heads' 10 s deadline has passed
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    if closed:
        print(f"slowloris connections closed by the server: {len(closed)} of 50, after "
              f"{min(closed):.1f}–{max(closed):.1f} s")
    else:
        print("slowloris connections closed by the server: 0 of 50")
    print(f"header floods answered 431: {refused[0]}")


# ---- the meeting hall

async def prepare(port):
    """60 voters signed in to an open session with an open ballot. Returns (ballot, tokens)."""
    _, convenor, _ = await call(port, "POST", "/api/login", {"login": "demo01", "password": PASSWORD})
    t1 = convenor["token"]
    tokens = [t1]
    for i in range(2, 16):
        _, r, _ = await call(port, "POST", "/api/login", {"login": f"demo{i:02d}", "password": PASSWORD})
        tokens.append(r["token"])
    for i in range(VOTERS - 15):
        s, inv, _ = await call(port, "POST", "/api/invites", {"name": f"居民{i + 1}", "council_id": 1}, t1)
        assert s == 201, inv
        s, r, _ = await call(port, "POST", "/api/register",
                             {"code": inv["code"], "login": f"hall{i + 1:02d}", "password": PASSWORD})
        assert s == 201, r
        tokens.append(r["token"])
    s, issue, _ = await call(port, "POST", "/api/councils/1/issues",
                             {"title": "会场压力测试议题", "body": "测量表决的响应时间"}, tokens[1])
    assert s == 201, issue
    await call(port, "POST", f"/api/issues/{issue['id']}/accept", None, t1)
    starts = int(time.time()) + 2
    s, session, _ = await call(port, "POST", "/api/councils/1/sessions",
                               {"kind": "regular", "starts_at": starts}, t1)
    assert s == 201, session
    sid = session["id"]
    s, r, _ = await call(port, "POST", f"/api/sessions/{sid}/notice",
                         {"agenda": [{"issue_id": issue["id"]}], "override_reason": "压力测试"}, t1)
    assert s == 200, r
    await asyncio.sleep(max(0.0, starts - time.time() + 1.1))
    s, r, _ = await call(port, "POST", f"/api/sessions/{sid}/open", None, t1)
    assert s == 200, r
    for t in tokens:
        await call(port, "POST", f"/api/sessions/{sid}/sign-in", None, t)
    s, ballot, _ = await call(port, "POST", f"/api/sessions/{sid}/ballots", {"issue_id": issue["id"]}, t1)
    assert s == 201, ballot
    return ballot["id"], tokens


async def voter(port, ballot, token, until, polls, votes, outcomes):
    c = Conn(port)
    vote_at = time.perf_counter() + random.uniform(1.0, HALL_SECONDS - 3.0)
    voted = False
    while time.perf_counter() < until:
        s, _, t = await c.request("GET", f"/api/ballots/{ballot}", token=token)
        polls.append(t)
        if not voted and time.perf_counter() >= vote_at:
            s, _, t = await c.request("POST", f"/api/ballots/{ballot}/votes",
                                      {"choice": random.choice(["yes", "no", "abstain"])}, token)
            votes.append(t)
            outcomes[s] = outcomes.get(s, 0) + 1
            voted = True
        await asyncio.sleep(1.0)
    c.close()


async def logger_in(port, n, until, samples, statuses):
    login = f"demo{n % 15 + 1:02d}"
    while time.perf_counter() < until:
        s, r, t = await call(port, "POST", "/api/login", {"login": login, "password": PASSWORD})
        samples.append(t)
        key = s if s == 200 else f"{s} {r['error']['code']}"
        statuses[key] = statuses.get(key, 0) + 1


async def trivial(port, until, samples):
    c = Conn(port)
    while time.perf_counter() < until:
        samples.append((await c.request("GET", "/api/version"))[2])
        await asyncio.sleep(0.1)
    c.close()


async def hall(port):
    t0 = time.perf_counter()
    ballot, tokens = await prepare(port)
    print(f"set-up: {VOTERS} voters signed in, ballot {ballot} open ({time.perf_counter() - t0:.1f} s)")
    until = time.perf_counter() + HALL_SECONDS
    polls, votes, logins, version = [], [], [], []
    outcomes, login_statuses = {}, {}
    tasks = [voter(port, ballot, t, until, polls, votes, outcomes) for t in tokens]
    tasks += [logger_in(port, n, until, logins, login_statuses) for n in range(LOGINS)]
    tasks.append(trivial(port, until, version))
    await asyncio.gather(*tasks)
    print(f"hall: {len(tokens)} voters polling GET /api/ballots/{ballot} every second and voting "
          f"once each, {LOGINS} clients logging in back to back, {HALL_SECONDS} s:")
    print("  " + figures("vote (POST /api/ballots/{id}/votes)", votes)
          + f" statuses={dict(sorted(outcomes.items()))}")
    print("  " + figures("poll (GET /api/ballots/{id})", polls))
    print("  " + figures("trivial (GET /api/version)", version))
    print("  " + figures("login (POST /api/login)", logins)
          + f" statuses={login_statuses}")


@contextlib.contextmanager
def running_server(server=SERVER):
    """yishi-server on a temporary demo database on 127.0.0.1; yields (port, process)."""
    tmp = tempfile.mkdtemp(prefix="yishi-bench-")
    proc = subprocess.Popen([server, "serve", "--db", os.path.join(tmp, "bench.sqlite"),
                             "--port", "0", "--seed-demo"], stdout=subprocess.PIPE, text=True)
    try:
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline:
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
            port = int(m.group(1)) if m else None
        if port is None:
            sys.exit("yishi-server did not start")
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    with running_server() as (port, _):
        cores = os.cpu_count()
        load = os.getloadavg()[0]
        print(f"yishi-server on 127.0.0.1:{port}, {cores} cores, load average {load:.1f} "
              "(the load client shares the machine)")

        async def both():
            await asyncio.wait_for(under_attack(port), 60)
            await asyncio.wait_for(hall(port), 180)
        asyncio.run(both())


if __name__ == "__main__":
    main()
