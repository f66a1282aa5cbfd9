-- wrk script of the logging benchmark: every request posts a new gesture (or baseline row) with its own id,
-- as one of the simulated tablets, and every response status is counted.
-- Usage: wrk -tTHREADS ... -s post.lua URL -- MODE CREDENTIALS.lua NONCE THREADS
--   MODE json      POST the outbox (the URL's path) as JSON: the tablet's device cookie + the person's send token
--   MODE form      POST /log as an HTML form: a signed-in session cookie + its CSRF token
--   MODE baseline  POST /insert: one form field, one SQLite row (the bare Flask endpoint)
-- CREDENTIALS.lua returns a list of {cookie = "...", token = "...", csrf = "..."}, one per tablet.

local threads = {}
local next_tid = 0

-- wrk calls setup() and then init() for each thread in turn, so the thread count comes as an argument.
function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local mode, mine, nonce
local counter, turn = 0, 0
statuses, sample = {}, ""

local DESCRIPTION = "Brought coffee to a family waiting for their room after a long journey"
local FORM_DESCRIPTION = "Brought+coffee+to+a+family+waiting+for+their+room+after+a+long+journey"

function init(args)
  mode = args[1]
  local all = dofile(args[2])
  nonce = tonumber(args[3])
  local nthreads = tonumber(args[4])
  mine = {}
  -- Thread t takes tablets t+1, t+1+n, t+1+2n, ...: the threads never share a tablet.
  for i = tid + 1, #all, nthreads do table.insert(mine, all[i]) end
end

local function next_id()
  counter = counter + 1
  return string.format("%08x-%04x-4000-8000-%012x", nonce, tid, counter)
end

function request()
  turn = turn % #mine + 1
  local who, id = mine[turn], next_id()
  if mode == "json" then
    local body = '{"gesture_id":"' .. id .. '","send_token":"' .. who.token .. '",' ..
      '"kind":"treat","trigger":"waiting","reaction":"4","cost_pick":"200","cost":"","effort_pick":"5",' ..
      '"effort":"","description":"' .. DESCRIPTION .. '","trigger_note":"","reaction_note":"",' ..
      '"follow_up":"","when":"now","day":"","time":"","queued_at":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '"}'
    return wrk.format("POST", nil, {["Content-Type"] = "application/json",
      ["Accept"] = "application/json", ["Cookie"] = who.cookie}, body)
  elseif mode == "form" then
    local body = "csrf_token=" .. who.csrf .. "&gesture_id=" .. id .. "&send_token=" .. who.token ..
      "&kind=treat&trigger=waiting&reaction=4&cost_pick=200&cost=&effort_pick=5&effort=" ..
      "&description=" .. FORM_DESCRIPTION .. "&trigger_note=&reaction_note=&follow_up=&when=now&day=&time="
    return wrk.format("POST", "/log", {["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = who.cookie}, body)
  end
  return wrk.format("POST", "/insert", {["Content-Type"] = "application/x-www-form-urlencoded"},
    "id=" .. id .. "&note=" .. FORM_DESCRIPTION)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if (status < 200 or status > 299) and sample == "" then
    sample = status .. " " .. string.sub(body or "", 1, 300):gsub("%s+", " ")
  end
end

-- Machine-readable lines for bench/log_post (latencies in microseconds).
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
    local s = t:get("sample")
    if s ~= "" then io.write("BENCH sample ", s, "\n") end
  end
  for status, n in pairs(total) do io.write(string.format("BENCH status %d %d\n", status, n)) end
  io.write(string.format("BENCH requests %d\n", summary.requests))
  io.write(string.format("BENCH duration_us %d\n", summary.duration))
  io.write(string.format("BENCH socket_errors %d\n", summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("BENCH p%d_us %d\n", p, latency:percentile(p)))
  end
end
