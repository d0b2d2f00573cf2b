-- accept.lua - alice, authenticated, sends as herself: the message is accepted with
-- no summary header; the only modification is the Authentication-Results header
-- inserted at the top (auth=pass for the login; SPF and DMARC do not apply to an
-- authenticated submission), so the answer is CONTINUE. The evidence record says accept.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "ACCEPT1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "own From, with the Authentication-Results header")
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "no summary header is added on accept")
    sg.expect_results(conn, {"auth=pass", 'smtp.auth=alice@example.com', "dkim=none"})
    sg.expect(not mt.eom_check(conn, MT_HDRDELETE), "nothing deleted")
    sg.expect(not mt.eom_check(conn, MT_QUARANTINE), "no quarantine on accept")
    sg.expect_evidence("ACCEPT1", {'"action":"accept"', '"name":"alice@example.com"', '"envelope_from":"alice@example.com"'})
    mt.disconnect(conn)
end)
