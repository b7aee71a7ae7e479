-- One-click add POSTs, each claiming a card key not claimed before. bench/load.sh writes the file named by
-- ADD_KEYS: one "cookie<TAB>csrf<TAB>key" line per card rendered for one of several signed-in subscribers.
-- Each wrk thread takes every n-th line; a thread that used all its lines stops, so no key is posted twice.
-- wrk divides by its whole -d duration even when every thread stopped early, so each thread also notes when it
-- started and when it stopped, and done() prints the answers received over that time (ADD_RATE).
local lines = {}
for line in io.lines(os.getenv("ADD_KEYS")) do
  lines[#lines + 1] = line
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local function now()
  local clock = io.popen("date +%s.%N")
  local seconds = tonumber(clock:read("*l"))
  clock:close()
  return seconds
end

function init(args)
  mine = {}
  local n = tonumber(os.getenv("WRK_THREADS") or "2")
  for i = id, #lines, n do
    mine[#mine + 1] = lines[i]
  end
  next_line = 1
  non2xx = 0
  answered = 0
  started = now()
  stopped = 0
end

function request()
  if next_line > #mine then
    if stopped == 0 then
      stopped = now()
    end
    wrk.thread:stop()
    next_line = 1
  end
  local cookie, csrf, key = mine[next_line]:match("([^\t]+)\t([^\t]+)\t([^\t]+)")
  next_line = next_line + 1
  local headers = {}
  headers["Cookie"] = cookie
  headers["X-CSRF-TOKEN"] = csrf
  headers["HX-Request"] = "true"
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", "/portal/widgets/add", headers, "key=" .. key .. "&back=/portal")
end

function response(status, headers, body)
  if stopped == 0 then
    answered = answered + 1
  end
  if status ~= 200 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local refused, answers, first, last = 0, 0, nil, 0
  for _, thread in ipairs(threads) do
    refused = refused + (thread:get("non2xx") or 0)
    answers = answers + (thread:get("answered") or 0)
    local started, stopped = thread:get("started"), thread:get("stopped")
    if started and (first == nil or started < first) then first = started end
    if stopped and stopped > last then last = stopped end
  end
  io.write(string.format("ADD_DISTINCT %d ADD_NOT_200 %d\n", #lines, refused))
  if first and last > first then
    io.write(string.format("ADD_RATE %.1f\n", answers / (last - first)))
  end
end
