-- hostile_from.lua - hostile From headers never take the daemon down: random non-NUL
-- bytes, unbalanced quotes, comments and brackets, broken encoded words, control
-- characters, 1000 From headers. Each message gets a final answer on its own
-- connection, and a normal message afterwards is still evaluated (accepted, with its
-- evidence record). miltertest copies a header into a 1 KiB stack buffer (longer ones
-- crash miltertest itself), so the oversized cases -- the 10,000-character display
-- name, thousands of addresses -- are in hostile_large_test.sh (milter_client.py).
dofile(testdir .. "/lua/common.lua")

local function random_bytes(count)
    local bytes = {}
    for i = 1, count do bytes[i] = string.char(math.random(1, 255)) end
    return table.concat(bytes)
end

sg.run(function()
    math.randomseed(20261125)
    local hostile = {
        {"long display name", {{"From", '"' .. string.rep("A", 900) .. '" <alice@example.com>'}}},
        {"random bytes", {{"From", random_bytes(900)}}},
        {"random bytes around an address", {{"From", random_bytes(400) .. " <alice@example.com> " .. random_bytes(400)}}},
        {"unbalanced opening quote", {{"From", '"alice <alice@example.com>'}}},
        {"unbalanced closing quote", {{"From", 'alice" <ceo@example.com>'}}},
        {"quotes and brackets only", {{"From", string.rep('"<>@,;:\\', 100)}}},
        {"unclosed comment", {{"From", "(comment (nested <alice@example.com>"}}},
        {"unclosed angle bracket", {{"From", "Alice <alice@example.com"}}},
        {"trailing backslash", {{"From", '"Alice \\'}}},
        {"empty From", {{"From", ""}}},
        {"unterminated encoded word", {{"From", "=?utf-8?B?" .. string.rep("QUFB", 200)}}},
        {"encoded word of invalid bytes", {{"From", "=?utf-8?Q?" .. string.rep("=FF=FE", 100) .. "?= <alice@example.com>"}}},
        {"unknown charset", {{"From", "=?x-no-such-charset?B?QUJD?= <alice@example.com>"}}},
        {"60 addresses", {{"From", string.rep("a@example.com, ", 60)}}},
        {"folded and control characters", {{"From", "Alice\r\n\t<alice@example.com>\001\002\127"}}},
    }
    local thousand = {}
    for i = 1, 1000 do table.insert(thousand, {"From", "User " .. i .. " <user" .. i .. "@example.com>"}) end
    table.insert(hostile, {"1000 From headers", thousand})

    for index, case in ipairs(hostile) do
        local conn = sg.open()
        local headers = {{"Subject", "hostile " .. case[1]}}
        for _, header in ipairs(case[2]) do table.insert(headers, header) end
        local ok, err = pcall(sg.send, conn, {
            queue_id = "HOSTILE" .. index, login = "alice@example.com", mail_from = "<alice@example.com>",
            headers = headers,
        })
        if not ok then error("case '" .. case[1] .. "': " .. tostring(err)) end
        local reply = mt.getreply(conn)
        sg.expect(reply == SMFIR_ACCEPT or reply == SMFIR_CONTINUE or reply == SMFIR_REPLYCODE,
                  "case '" .. case[1] .. "' got a final answer, not " .. sg.reply_name(reply))
        mt.disconnect(conn)
    end

    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "AFTERHOSTILE", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "a normal message after the hostile ones")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    sg.expect_evidence("AFTERHOSTILE", {'"action":"accept"'})
    mt.disconnect(conn)
end)
