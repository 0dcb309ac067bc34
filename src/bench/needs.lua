-- wrk script: round-robin over the open needs of one kind; PATH_TEMPLATE gets the id
local ids = {}
local counter = 0
function init(args)
  for line in io.lines(args[1]) do ids[#ids + 1] = line end
  tmpl = args[2] or "/api/v1/needs/%s/matches?limit=10"
  counter = math.random(#ids)
end
function request()
  counter = counter % #ids + 1
  return wrk.format("GET", string.format(tmpl, ids[counter]))
end
function done(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d, socket errors: %d\n", summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
