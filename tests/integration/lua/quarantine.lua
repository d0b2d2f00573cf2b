-- quarantine.lua - alice sends with a From she does not own; the rule
-- identity.from_not_owned = "quarantine" holds the message in the MTA's quarantine,
-- with the summary header added.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "QUAR1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("CEO <ceo@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "from not owned, quarantine rule")
    sg.expect(mt.eom_check(conn, MT_QUARANTINE), "quarantine requested")
    sg.expect(mt.eom_check(conn, MT_HDRADD, "X-SenderGuard"), "X-SenderGuard added")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    local value = mt.getheader(conn, "X-SenderGuard", 0)
    sg.expect(string.find(value, "action=quarantine", 1, true) ~= nil, "summary says quarantine: " .. value)
    sg.expect_evidence("QUAR1", {'"action":"quarantine"', 'identity.from_not_owned'})
    mt.disconnect(conn)
end)
