-- monitor.lua - in monitor mode a message policy would reject is only tagged: the
-- summary header says what enforce mode would do, no reply code is set.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "MON1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("CEO <ceo@example.com>"),
    })
    -- CONTINUE: accepted with modifications, no reply code
    sg.expect_reply(reply, SMFIR_CONTINUE, "monitor mode")
    sg.expect(not mt.eom_check(conn, MT_QUARANTINE), "monitor mode never quarantines")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    local value = mt.getheader(conn, "X-SenderGuard", 0)
    sg.expect(value ~= nil and string.find(value, "mode=monitor", 1, true) ~= nil, "summary marks monitor mode: " .. tostring(value))
    sg.expect_evidence("MON1", {'"action":"tag"', '"verdict":"reject"', '"monitor":true'})
    mt.disconnect(conn)
end)
