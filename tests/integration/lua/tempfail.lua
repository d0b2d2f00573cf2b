-- tempfail.lua - the rule identity.from_not_owned = "tempfail" answers 451 4.7.1 with
-- the configured tempfail text.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "TEMP1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("CEO <ceo@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_REPLYCODE, "from not owned, tempfail rule")
    sg.expect(mt.eom_check(conn, MT_SMTPREPLY, "451", "4.7.1",
                           "Sender identity could not be verified, try again later"),
              "451 4.7.1 with the configured reply text")
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "no header on tempfail")
    sg.expect(not mt.eom_check(conn, MT_HDRINSERT), "no Authentication-Results on tempfail")
    sg.expect_evidence("TEMP1", {'"action":"tempfail"'})
    mt.disconnect(conn)
end)
