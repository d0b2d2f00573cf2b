-- results_header_off.lua - with authentication.add_header = false no
-- Authentication-Results header is inserted: an accepted message is untouched
-- (SMFIR_ACCEPT), and forged results claiming our authserv-id are still deleted.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "NOAR1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_ACCEPT, "accepted untouched")
    sg.expect(not mt.eom_check(conn, MT_HDRINSERT), "no Authentication-Results inserted")

    reply = sg.send(conn, {
        queue_id = "NOAR2", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>",
                             {{"Authentication-Results", "mx.test.example; dkim=pass header.d=example.com"}}),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "forged results: modified")
    sg.expect(mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results", 1), "forged header deleted")
    sg.expect(not mt.eom_check(conn, MT_HDRINSERT), "still no Authentication-Results inserted")
    mt.disconnect(conn)
end)
