-- wrk script: cycles through the URLs of a file (one per line, full URLs or paths), each
-- connection starting at its own place, so one run measures a mix of calls.
--   wrk -t2 -c16 -d10s --latency -s bench/wrk/rotate.lua http://127.0.0.1:4590 -- urls.txt
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = (line:gsub("^https?://[^/]+", ""))
    end
  end
  counter = math.random(#paths)
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
