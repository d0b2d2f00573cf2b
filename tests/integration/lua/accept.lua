-- accept.lua - alice, authenticated, sends as herself: the message is accepted with no
-- modification (no summary header), and the evidence record says accept.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "ACCEPT1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_ACCEPT, "own From")
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "no header is added on accept")
    sg.expect(not mt.eom_check(conn, MT_QUARANTINE), "no quarantine on accept")
    sg.expect_evidence("ACCEPT1", {'"action":"accept"', '"name":"alice@example.com"', '"envelope_from":"alice@example.com"'})
    mt.disconnect(conn)
end)
