-- multiple_messages.lua - several messages on one connection: connection facts (client,
-- HELO) carry over, SMTP AUTH is refreshed at every MAIL (an unauthenticated MAIL after
-- an authenticated one has no login), and an aborted message leaves nothing behind.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open({client_ip = "192.0.2.10", client_name = "client.example.com", helo = "client.example.com"})

    local reply = sg.send(conn, {
        queue_id = "MULTI1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "first message")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    sg.expect_evidence("MULTI1", {'"user":{"name":"alice@example.com"}', '"auth_mechanism":"PLAIN"',
                                  '"ip":"192.0.2.10"', '"helo":"client.example.com"'})

    reply = sg.send(conn, {
        queue_id = "MULTI2", mail_from = "<newsletter@example.net>", rcpts = {"<carol@example.org>"},
        headers = sg.headers("News <newsletter@example.net>"),
    })
    sg.expect_evidence("MULTI2", {'"user":{"name":""}', '"auth_mechanism":""', '"ip":"192.0.2.10"',
                                  '"helo":"client.example.com"', '"envelope_from":"newsletter@example.net"',
                                  '"to":{"address":["carol@example.org"]}'})

    -- A message the MTA aborts after RCPT: its envelope must not leak into the next one.
    sg.call(mt.macro(conn, SMFIC_MAIL, "i", "MULTI3", "{auth_authen}", "alice@example.com"), "macro mail")
    sg.call(mt.mailfrom(conn, "<alice@example.com>"), "mailfrom")
    sg.call(mt.rcptto(conn, "<aborted@example.org>"), "rcptto")
    sg.call(mt.abort(conn), "abort")

    reply = sg.send(conn, {
        queue_id = "MULTI4", login = "alice@example.com", mail_from = "<alice@example.com>",
        rcpts = {"<dave@example.org>", "<erin@example.org>"},
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "message after an abort")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    sg.expect_evidence("MULTI4", {'"to":{"address":["dave@example.org","erin@example.org"]}',
                                  '"user":{"name":"alice@example.com"}'})
    sg.expect(sg.evidence_for("MULTI3") == nil, "the aborted message has no evidence record")
    mt.disconnect(conn)
end)
