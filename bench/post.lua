-- wrk script of bench/pg.sh: POST /api/v1/parties, each with a name of its
-- own across wrk's threads ("Bench write TAG-THREAD-N").
-- Arguments: the bearer token, a tag that sets this run's names apart, and
-- optionally a directory: then every answer is written to
-- DIR/answers-TAG-THREAD.txt as "STATUS ID" (ID "-" when the answer has
-- none), one line at a time, so that the lines survive however wrk ends.
local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("tid", threads)
end

local token, tag, n, log = "", "", 0, nil
function init(args)
	token = args[1] or ""
	tag = (args[2] or "") .. "-" .. tostring(tid or 0)
	if args[3] then
		log = assert(io.open(args[3] .. "/answers-" .. tag .. ".txt", "w"))
		log:setvbuf("line")
	end
end

function request()
	n = n + 1
	local body = string.format(
		'{"name":"Bench write %s-%d","kind":"business","description":"Made by bench/pg.sh."}', tag, n)
	return wrk.format("POST", "/api/v1/parties", {
		["Content-Type"] = "application/json",
		["Authorization"] = "Bearer " .. token,
	}, body)
end

function response(status, headers, body)
	if log then
		log:write(status, " ", (body and body:match('^{"id":"([0-9a-f-]+)"')) or "-", "\n")
	end
end
