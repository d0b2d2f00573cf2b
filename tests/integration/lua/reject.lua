-- reject.lua - alice sends with a From she does not own; the rule
-- identity.from_not_owned = "reject" answers 550 5.7.1 with the configured text
-- ('%' escaped for libmilter), and nothing about scores or rules.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "REJ1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("CEO <ceo@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_REPLYCODE, "from not owned, reject rule")
    sg.expect(mt.eom_check(conn, MT_SMTPREPLY, "550", "5.7.1",
                           "Sender address not allowed for this login (100%% sure)"),
              "550 5.7.1 with the configured reply text")
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "no header on reject")
    sg.expect(not mt.eom_check(conn, MT_HDRINSERT), "no Authentication-Results on reject")
    sg.expect(not mt.eom_check(conn, MT_QUARANTINE), "no quarantine on reject")
    sg.expect_evidence("REJ1", {'"action":"reject"', 'identity.from_not_owned'})
    mt.disconnect(conn)
end)
