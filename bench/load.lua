-- The store bench's load (bench/store.py), run by wrk: a C load client, light enough beside the
-- server on two cores that what it measures is the server. Prints one JSON line when done:
-- requests answered 2xx, seconds, p50 and p99 latency of every answer, and every status seen.
--   wrk ... -s bench/load.lua URL -- get PATH [TOKEN]
--       GET PATH again and again, with the token as a bearer when given;
--   wrk ... -s bench/load.lua URL -- votes FILE THREADS
--       one vote a line of FILE ("BALLOT TOKEN"); thread k of THREADS casts lines k, k+THREADS, ...
--       so each vote is cast once. A thread that runs out says so ("ran_out"): its connections
--       then wait, and the rate is no more than a floor.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local mode, path, headers, votes, at

function init(args)
  mode = args[1]
  statuses, ran_out = {}, false
  if mode == "votes" then
    votes, at = {}, 1
    local every, k = tonumber(args[3]), 0
    for line in io.lines(args[2]) do
      if k % every == id then
        local ballot, token = line:match("^(%d+) (%S+)$")
        table.insert(votes, { ballot, token })
      end
      k = k + 1
    end
  else
    path, headers = args[2], {}
    if args[3] then headers["Authorization"] = "Bearer " .. args[3] end
  end
end

local choices = { "yes", "no", "abstain" }

function request()
  if mode ~= "votes" then return wrk.format("GET", path, headers) end
  local v = votes[at]
  if not v then
    ran_out = true
    return ""
  end
  at = at + 1
  return wrk.format("POST", "/api/ballots/" .. v[1] .. "/votes",
    { ["Authorization"] = "Bearer " .. v[2], ["Content-Type"] = "application/json" },
    '{"choice":"' .. choices[math.random(#choices)] .. '"}')
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts, ok, seen, short = {}, 0, {}, false
  for _, t in ipairs(threads) do
    short = short or t:get("ran_out")
    for status, n in pairs(t:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  for status, n in pairs(counts) do
    if status >= 200 and status < 300 then ok = ok + n end
    table.insert(seen, string.format('"%d":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    '{"ok":%d,"seconds":%.6f,"p50_ms":%.3f,"p99_ms":%.3f,"socket_errors":%d,"ran_out":%s,' ..
    '"statuses":{%s}}\n',
    ok, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    e.connect + e.read + e.write + e.timeout, tostring(short), table.concat(seen, ",")))
end
