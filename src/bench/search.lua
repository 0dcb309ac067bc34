-- wrk script (README → Performance, firm search): GET /api/v1/enterprises?q=<each line of /tmp/q.txt, url-encoded>&size=20, round robin, bearer token from /tmp/token
local qs = {}
local function enc(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end
for line in io.lines("/tmp/q.txt") do if #line > 0 then qs[#qs + 1] = enc(line) end end
local token = io.open("/tmp/token"):read("*l")
local i = 0
request = function()
  i = i % #qs + 1
  return wrk.format("GET", "/api/v1/enterprises?q=" .. qs[i] .. "&size=20", {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d, timeout %d), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect + summary.errors.read,
    summary.errors.status, summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
