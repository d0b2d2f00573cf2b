-- forged_summary.lua - X-SenderGuard headers that arrive with a message (forged, or
-- left by another hop) never survive: each is deleted, on accept as on tag, and the
-- tagged message carries only the header senderguard added.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "FORGED1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>", {
            {"X-SenderGuard", "action=accept score=0.0"},
            {"x-senderguard", "action=accept score=0.0 (lower case)"},
        }),
    })
    -- CONTINUE: accepted, with the deletions.
    sg.expect_reply(reply, SMFIR_CONTINUE, "own From with forged summaries")
    sg.expect(mt.eom_check(conn, MT_HDRDELETE, "X-SenderGuard"), "forged X-SenderGuard deleted")
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "nothing added on accept")

    reply = sg.send(conn, {
        queue_id = "FORGED2", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers('"bob@example.net" <alice@example.com>', {
            {"X-SenderGuard", "action=accept score=0.0"},
        }),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "tagged message with a forged summary")
    sg.expect(mt.eom_check(conn, MT_HDRDELETE, "X-SenderGuard"), "forged X-SenderGuard deleted before tagging")
    local value = mt.getheader(conn, "X-SenderGuard", 0)
    sg.expect(value ~= nil and string.find(value, "action=tag", 1, true) ~= nil, "our summary added: " .. tostring(value))
    mt.disconnect(conn)
end)
