#!/usr/bin/env python3
# The store under a vote storm (a benchmark, not a test): votes per second and p50/p99 on one
# instance over SQLite, one over PostgreSQL and two sharing one PostgreSQL, each beside a trivial
# endpoint of the same servers in the same run; then the issue page read alone and read while
# votes arrive, to show whether reads wait for writes. Loopback only, bounded; prints, asserts
# nothing.
#
# The electorate is built once over HTTP on SQLite (members registered through invites, signed
# in to an open session with open ballots), then copied into each PostgreSQL database with
# `yishi-server migrate`, so all three configurations count the same votes on the same data.
# The load itself is wrk running bench/load.lua: a client in C, so that on two cores the figures
# are the server's and not a slow client's; each vote is cast once, and the count the server
# keeps is printed beside the answers wrk saw.
import argparse
import asyncio
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

HOST = "127.0.0.1"
PASSWORD = "yishi2026"
DEMO_RESIDENTS = 15  # demo01 (the convenor) .. demo15, seeded with --seed-demo
SPARE = 18  # ballots beyond --ballots, voted on while readers read the issue page (a session's
# agenda holds at most 50 items)


class Conn:
    """One kept-alive HTTP/1.1 connection; requests on it go one after another."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def request(self, method, path, body=None, token=None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        data = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: {len(data)}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        start = time.perf_counter()
        try:
            self.writer.write(head.encode() + b"\r\n" + data)
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
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            self.close()
            raise
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


async def expect(status, port, method, path, body=None, token=None):
    s, r, _ = await call(port, method, path, body, token)
    if s != status:
        raise RuntimeError(f"{method} {path}: {s} {r}")
    return r


async def bounded(n, jobs):
    """Runs the coroutines `jobs` at most `n` at a time, in order; returns their results."""
    gate = asyncio.Semaphore(n)

    async def one(job):
        async with gate:
            return await job
    return await asyncio.gather(*(one(j) for j in jobs))


# ---- the electorate

async def register(port, convenor, i):
    invite = await expect(201, port, "POST", "/api/invites",
                          {"name": f"居民{i}", "council_id": 1}, convenor)
    for _ in range(100):  # the Argon2 lane answers 429 when it is full: wait and try again
        s, r, _ = await call(port, "POST", "/api/register",
                             {"code": invite["code"], "login": f"voter{i:04d}", "password": PASSWORD})
        if s == 201:
            return r["token"]
        if s != 429:
            raise RuntimeError(f"register voter{i:04d}: {s} {r}")
        await asyncio.sleep(0.2)
    raise RuntimeError(f"register voter{i:04d}: still refused")


async def electorate(port, members, ballots):
    """`members` voters signed in to an open session with `ballots` open ballots.
    Returns (ballot ids, tokens)."""
    logins = [expect(200, port, "POST", "/api/login",
                     {"login": f"demo{i:02d}", "password": PASSWORD})
              for i in range(1, DEMO_RESIDENTS + 1)]
    tokens = [r["token"] for r in await bounded(4, logins)]
    convenor = tokens[0]
    tokens += await bounded(4, [register(port, convenor, i)
                                for i in range(1, members - DEMO_RESIDENTS + 1)])
    issues = []
    for k in range(ballots):
        issue = await expect(201, port, "POST", "/api/councils/1/issues",
                             {"title": f"表决压力测试议题{k + 1}", "body": "测量计票存储的吞吐与延迟"},
                             tokens[1 + k % (DEMO_RESIDENTS - 1)])
        await expect(200, port, "POST", f"/api/issues/{issue['id']}/accept", None, convenor)
        issues.append(issue["id"])
    starts = int(time.time()) + 2
    session = await expect(201, port, "POST", "/api/councils/1/sessions",
                           {"kind": "regular", "starts_at": starts}, convenor)
    sid = session["id"]
    await expect(200, port, "POST", f"/api/sessions/{sid}/notice",
                 {"agenda": [{"issue_id": i} for i in issues], "override_reason": "压力测试"},
                 convenor)
    await asyncio.sleep(max(0.0, starts - time.time() + 1.1))
    await expect(200, port, "POST", f"/api/sessions/{sid}/open", None, convenor)
    await bounded(8, [expect(200, port, "POST", f"/api/sessions/{sid}/sign-in", None, t)
                      for t in tokens])
    ids = []
    for i in issues:
        ballot = await expect(201, port, "POST", f"/api/sessions/{sid}/ballots",
                              {"issue_id": i}, convenor)
        ids.append(ballot["id"])
    return ids, tokens


# ---- the measurements, by wrk (bench/load.lua)

LOAD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "load.lua")
READERS = 8  # connections reading the issue page, alone and beside the votes
PAGE = "/api/councils/1/issues?limit=20"
SECONDS = 2  # of each load


class Load:
    """What wrk processes run side by side answered: 2xx answers per second over the longest
    run, and the worst p50 and p99 among them (each process reports its own)."""

    def __init__(self, results):
        self.ok = sum(r["ok"] for r in results)
        self.seconds = max(r["seconds"] for r in results)
        self.p50 = max(r["p50_ms"] for r in results)
        self.p99 = max(r["p99_ms"] for r in results)
        self.socket_errors = sum(r["socket_errors"] for r in results)
        self.ran_out = any(r.get("ran_out") for r in results)
        self.statuses = {}
        for r in results:
            for status, n in r["statuses"].items():
                self.statuses[int(status)] = self.statuses.get(int(status), 0) + n

    @property
    def rate(self):
        return self.ok / self.seconds if self.seconds else 0.0

    def line(self, unit):
        errors = f", socket errors {self.socket_errors}" if self.socket_errors else ""
        if self.ran_out:
            errors += " (the votes ran out: a floor; give more --members or --ballots)"
        return (f"{self.rate:8.0f} {unit}/s  p50 {self.p50:6.1f} ms  p99 {self.p99:6.1f} ms  "
                f"statuses {dict(sorted(self.statuses.items()))}{errors}")


def wrk(port, connections, threads, seconds, *args):
    """Starts wrk with bench/load.lua against 127.0.0.1:port; returns the process."""
    return subprocess.Popen(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
                             "--timeout", "10s", "-s", LOAD, f"http://{HOST}:{port}", "--", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(procs, seconds):
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=seconds + 60)
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"wrk failed ({proc.returncode}):\n{out}{err}")
        results.append(json.loads(lines[-1]))
    return Load(results)


def each_port(ports, connections, seconds, *args):
    """One wrk process a port, the connections split between them."""
    share = max(1, connections // len(ports))
    threads = 2 if len(ports) == 1 and share > 1 else 1
    return [wrk(port, share, threads, seconds, *args) for port in ports]


def voting(ports, clients, votes, folder, name):
    """wrk processes casting `votes` ((ballot, token) pairs, each once), split across `ports`,
    for SECONDS."""
    procs = []
    share = max(1, clients // len(ports))
    threads = 2 if len(ports) == 1 else 1
    for n, port in enumerate(ports):
        path = os.path.join(folder, f"{name}-{n}.txt")
        with open(path, "w") as f:
            f.writelines(f"{b} {t}\n" for b, t in votes[n::len(ports)])
        procs.append(wrk(port, share, threads, SECONDS, "votes", path, str(threads)))
    return procs


def measure(ports, clients, ballots, spare, tokens, folder):
    """The trivial endpoint, then the votes on `ballots`, then the issue page read alone, then
    the same reads while the votes on the `spare` ballots arrive."""
    def shuffled(ids):
        votes = [(b, t) for b in ids for t in tokens]
        random.shuffle(votes)
        return votes

    # Each member has been active within the minute, as in a meeting hall: a login token is
    # written (touched) at most once a minute, and that write is not what is measured here.
    asyncio.run(bounded(16, [expect(200, ports[n % len(ports)], "GET", f"/api/ballots/{ballots[0]}",
                                    None, t) for n, t in enumerate(tokens)]))
    trivial = finish(each_port(ports, clients, SECONDS, "get", "/api/version"), SECONDS)
    vote = finish(voting(ports, clients, shuffled(ballots), folder, "votes"), SECONDS)
    alone = finish(each_port(ports, READERS, SECONDS, "get", PAGE, tokens[0]), SECONDS)
    voters = voting(ports, clients, shuffled(spare), folder, "spare")
    readers = each_port(ports, READERS, SECONDS, "get", PAGE, tokens[0])
    under = finish(readers, SECONDS)
    beside = finish(voters, SECONDS)

    async def count():
        counted = 0
        for b in ballots + spare:
            counted += (await expect(200, ports[0], "GET", f"/api/ballots/{b}", None,
                                     tokens[0]))["votes_cast"]
        return counted
    return vote, trivial, alone, under, beside, asyncio.run(count())


# ---- servers

class Server:
    def __init__(self, binary, db, key, log, *extra):
        self.log = log
        with open(log, "w") as out:
            self.proc = subprocess.Popen([binary, "serve", "--db", db, "--ballot-key", key,
                                          "--port", "0", *extra],
                                         stdout=out, stderr=subprocess.STDOUT)
        self.port = None
        deadline = time.time() + 60
        while self.port is None and time.time() < deadline and self.proc.poll() is None:
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", self.output())
            self.port = int(m.group(1)) if m else None
            time.sleep(0.05)
        if self.port is None:
            self.stop()
            raise RuntimeError("yishi-server did not start:\n" + self.output())

    def output(self):
        with open(self.log, errors="replace") as f:
            return f.read()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=600)


def main():
    ap = argparse.ArgumentParser(description="votes per second on SQLite and PostgreSQL")
    ap.add_argument("server")
    ap.add_argument("pg_one", help="an empty PostgreSQL database for one instance")
    ap.add_argument("pg_two", help="an empty PostgreSQL database for two instances")
    ap.add_argument("--members", type=int, default=600, help="voters, each votes once per ballot")
    ap.add_argument("--ballots", type=int, default=32, help="ballots open at once")
    ap.add_argument("--clients", type=int, default=32, help="concurrent clients")
    a = ap.parse_args()
    for url in (a.pg_one, a.pg_two):
        if not (urllib.parse.urlsplit(url).hostname or "").startswith("127."):
            sys.exit(f"store.py: {url} is not a PostgreSQL address on loopback")

    tmp = tempfile.mkdtemp(prefix="yishi-store-bench-")
    sqlite = os.path.join(tmp, "yishi.sqlite")
    key = os.path.join(tmp, "ballot-key")  # one key for every instance, as servers sharing a database need
    try:
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
              "(the load client and PostgreSQL share the machine)")
        t0 = time.perf_counter()
        server = Server(a.server, sqlite, key, os.path.join(tmp, "electorate.log"), "--seed-demo")
        try:
            ballots, tokens = asyncio.run(asyncio.wait_for(
                electorate(server.port, a.members, a.ballots + SPARE), 900))
            ballots, spare = ballots[:a.ballots], ballots[a.ballots:]
        finally:
            server.stop()
        print(f"electorate: {len(tokens)} members signed in, {len(ballots)} ballots open "
              f"({time.perf_counter() - t0:.1f} s); each member votes once on each ballot, "
              f"{a.clients} concurrent clients")
        for url in (a.pg_one, a.pg_two):
            t0 = time.perf_counter()
            copy = run(a.server, "migrate", "--from", sqlite, "--to", url)
            if copy.returncode != 0:
                sys.exit(f"migrate into {url} failed ({copy.returncode}):\n{copy.stdout}{copy.stderr}")
            print(f"migrate into {url.rsplit('/', 1)[1]}: "
                  f"{copy.stdout.strip().splitlines()[-1]} ({time.perf_counter() - t0:.1f} s)")

        results = []
        for name, db, instances in (("SQLite, one instance", sqlite, 1),
                                    ("PostgreSQL, one instance", a.pg_one, 1),
                                    ("PostgreSQL, two instances", a.pg_two, 2)):
            servers = []
            try:
                for n in range(instances):
                    servers.append(Server(a.server, db, key, os.path.join(tmp, f"server{n}.log")))
                vote, trivial, alone, under, beside, counted = measure(
                    [s.port for s in servers], a.clients, ballots, spare, tokens, tmp)
            finally:
                for s in servers:
                    s.stop()
            audit = run(a.server, "verify-audit", "--db", db)
            print(f"{name} (ports {', '.join(str(s.port) for s in servers)}):")
            print(f"  vote    POST /api/ballots/{{id}}/votes {vote.line('votes')}")
            print(f"  trivial GET /api/version            {trivial.line('req')}")
            print(f"  vote / trivial: rate {vote.rate / trivial.rate:.3f}, "
                  f"p50 {vote.p50 / trivial.p50:.1f}x, p99 {vote.p99 / trivial.p99:.1f}x")
            print(f"  page    GET {PAGE} alone ({READERS} readers) {alone.line('req')}")
            print(f"  page    the same during {beside.rate:.0f} votes/s  {under.line('req')}")
            print(f"  page reads under vote load: {under.rate / alone.rate:.2f}x the rate, "
                  f"p99 {under.p99 / alone.p99:.1f}x")
            refused = any(status >= 300 for load in (vote, beside, alone, under, trivial)
                          for status in load.statuses)
            if refused:
                said = [line for s in servers for line in s.output().splitlines()
                        if line.strip() and "listening" not in line and "stopped" not in line]
                for line in list(dict.fromkeys(said))[:5]:  # the servers' own words, once each
                    print(f"  server said: {line[:300]}")
            print(f"  counted {counted} votes, {vote.ok + beside.ok} of them answered 201 "
                  f"(wrk leaves the last ones unanswered when time is up); "
                  f"{(audit.stdout.strip().splitlines() or [audit.stderr.strip()])[0]}")
            results.append((name, vote, trivial, alone, under))

        print("\n                           votes      vote latency  | GET /api/version  latency    | vote / version")
        print("configuration              per s    p50 ms  p99 ms  |    req per s  p50 ms  p99 ms  |  rate   p50   p99")
        for name, vote, trivial, _, _ in results:
            print(f"{name:<26} {vote.rate:6.0f} {vote.p50:9.1f} {vote.p99:7.1f}  | "
                  f"{trivial.rate:12.0f} {trivial.p50:7.1f} {trivial.p99:7.1f}  | "
                  f"{vote.rate / trivial.rate:5.3f} {vote.p50 / trivial.p50:5.1f}x "
                  f"{vote.p99 / trivial.p99:4.1f}x")
        print("\n                           issue page alone             | during votes                 | during / alone")
        print("configuration              req per s  p50 ms  p99 ms  |  req per s  p50 ms  p99 ms   |  rate   p99")
        for name, _, _, alone, under in results:
            print(f"{name:<26} {alone.rate:9.0f} {alone.p50:7.1f} {alone.p99:7.1f}  | "
                  f"{under.rate:9.0f} {under.p50:7.1f} {under.p99:7.1f}   | "
                  f"{under.rate / alone.rate:5.2f} {under.p99 / alone.p99:4.1f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
