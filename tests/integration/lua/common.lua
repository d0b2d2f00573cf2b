-- common.lua - helpers shared by the miltertest scenarios. A scenario loads it with
--   dofile(testdir .. "/lua/common.lua")
-- (testdir, socket and evidence are globals set by lib.sh with miltertest -D).
local unpack = table.unpack or unpack

sg = {}

-- Runs a scenario body; miltertest itself does not show why a script failed, so the
-- error is printed here before it is raised again (miltertest then exits 1).
function sg.run(body)
    local ok, err = pcall(body)
    if not ok then
        io.stderr:write("scenario failed: " .. tostring(err) .. "\n")
        error(err, 0)
    end
end

function sg.fail(what)
    error(what, 2)
end

function sg.expect(condition, what)
    if not condition then error("expectation failed: " .. what, 2) end
end

-- Every mt.* call returns nil on success or an error string.
function sg.call(result, what)
    if result ~= nil then error(what .. ": " .. tostring(result), 2) end
end

-- A new connection with connect macros, connection info and HELO.
-- opts: client_name, client_ip, helo, daemon_name (all optional)
function sg.open(opts)
    opts = opts or {}
    local conn = mt.connect(socket, 40, 0.25)
    if conn == nil then error("mt.connect(" .. socket .. ") failed") end
    sg.call(mt.macro(conn, SMFIC_CONNECT, "j", "mx.example.com",
                     "{daemon_name}", opts.daemon_name or "ORIGINATING"), "macro connect")
    sg.call(mt.conninfo(conn, opts.client_name or "client.example.com", opts.client_ip or "192.0.2.10"),
            "conninfo")
    sg.call(mt.helo(conn, opts.helo or "client.example.com"), "helo")
    return conn
end

-- One message on an open connection; returns the end-of-message reply (SMFIR_*).
-- msg: queue_id, login (nil: not authenticated), mail_from, rcpts {..},
--      headers {{name, value}, ...}, body
function sg.send(conn, msg)
    local macros = {"i", msg.queue_id or "NOQUEUE"}
    if msg.login ~= nil then
        table.insert(macros, "{auth_authen}")
        table.insert(macros, msg.login)
        table.insert(macros, "{auth_type}")
        table.insert(macros, "PLAIN")
    end
    sg.call(mt.macro(conn, SMFIC_MAIL, unpack(macros)), "macro mail")
    sg.call(mt.mailfrom(conn, msg.mail_from or "<alice@example.com>"), "mailfrom")
    for _, rcpt in ipairs(msg.rcpts or {"<bob@example.org>"}) do
        sg.call(mt.rcptto(conn, rcpt), "rcptto " .. rcpt)
    end
    for _, header in ipairs(msg.headers or {}) do
        sg.call(mt.header(conn, header[1], header[2]), "header " .. header[1])
    end
    sg.call(mt.eoh(conn), "eoh")
    sg.call(mt.bodystring(conn, msg.body or "Hello.\r\n"), "body")
    sg.call(mt.eom(conn), "eom")
    return mt.getreply(conn)
end

-- The usual headers of a message from `from`.
function sg.headers(from, extra)
    local headers = {
        {"From", from},
        {"To", "Bob <bob@example.org>"},
        {"Subject", "integration test"},
        {"Date", "Tue, 24 Nov 2026 10:00:00 +0000"},
        {"Message-ID", "<it-" .. tostring(math.random(1, 1000000000)) .. "@example.com>"},
    }
    for _, header in ipairs(extra or {}) do table.insert(headers, header) end
    return headers
end

-- The Authentication-Results header senderguard inserted at the top (index 0) of the
-- message just answered; fails unless it is there, claims authserv_id
-- "mx.test.example" (lib.sh) and contains every given literal fragment. With
-- SMFIP_HDR_LEADSPC negotiated the value brings the space after the colon itself.
-- Returns the value.
function sg.expect_results(conn, fragments)
    local value = mt.getheader(conn, "Authentication-Results", 0)
    if value == nil then error("no Authentication-Results header inserted", 2) end
    if not mt.eom_check(conn, MT_HDRINSERT, "Authentication-Results", value, 0) then
        error("Authentication-Results not inserted at index 0: " .. value, 2)
    end
    if not string.find(value, "^ mx%.test%.example;") then
        error("Authentication-Results does not start with ' mx.test.example;': " .. value, 2)
    end
    for _, fragment in ipairs(fragments or {}) do
        if not string.find(value, fragment, 1, true) then
            error("Authentication-Results lacks " .. fragment .. ": " .. value, 2)
        end
    end
    return value
end

local reply_names = {}
for _, name in ipairs({"SMFIR_CONTINUE", "SMFIR_ACCEPT", "SMFIR_REJECT", "SMFIR_TEMPFAIL", "SMFIR_DISCARD",
                       "SMFIR_REPLYCODE"}) do
    reply_names[_G[name]] = name
end

function sg.reply_name(reply)
    return reply_names[reply] or ("reply " .. tostring(reply))
end

function sg.expect_reply(reply, wanted, what)
    if reply ~= wanted then
        error(what .. ": got " .. sg.reply_name(reply) .. ", wanted " .. sg.reply_name(wanted), 2)
    end
end

-- The evidence record (one JSON line) of the message with this queue id, or nil.
function sg.evidence_for(queue_id)
    local file = io.open(evidence, "r")
    if file == nil then return nil end
    local found = nil
    for line in file:lines() do
        if string.find(line, '"local_id":"' .. queue_id .. '"', 1, true) then found = line end
    end
    file:close()
    return found
end

-- Fails unless the evidence record of queue_id contains every given literal fragment.
function sg.expect_evidence(queue_id, fragments)
    local line = sg.evidence_for(queue_id)
    if line == nil then error("no evidence record for queue id " .. queue_id, 2) end
    for _, fragment in ipairs(fragments) do
        if not string.find(line, fragment, 1, true) then
            error("evidence record for " .. queue_id .. " lacks " .. fragment .. ": " .. line, 2)
        end
    end
end
