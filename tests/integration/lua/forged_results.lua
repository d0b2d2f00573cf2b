-- forged_results.lua - incoming Authentication-Results headers that claim our
-- authserv-id (mx.test.example, any case) are deleted by index, highest first, from
-- a client outside identity.trusted_networks (auth.forged_results, weight 6: tagged);
-- one from another authserv-id stays. From a trusted client (127.0.0.1) they are a
-- trusted hop's results: kept, and not judged. Ours is inserted at the top both times.
dofile(testdir .. "/lua/common.lua")

local incoming = {
    {"Authentication-Results", "mx.test.example; spf=pass smtp.mailfrom=example.com"},
    {"Authentication-Results", "other.example; dkim=pass header.d=example.com"},
    {"Authentication-Results", "MX.TEST.EXAMPLE; dmarc=pass header.from=example.com"},
}

sg.run(function()
    local conn = sg.open({client_ip = "192.0.2.10"})
    local reply = sg.send(conn, {
        queue_id = "FORGEDAR1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>", incoming),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "forged results: tagged")
    sg.expect(mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results", 1), "forged header #1 deleted")
    sg.expect(mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results", 3), "forged header #3 (upper case) deleted")
    sg.expect(not mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results", 2), "other.example's header kept")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    sg.expect(mt.eom_check(conn, MT_HDRADD, "X-SenderGuard"), "tagged")
    sg.expect_evidence("FORGEDAR1", {'"action":"tag"', 'auth.forged_results'})
    mt.disconnect(conn)

    conn = sg.open({client_ip = "127.0.0.1", client_name = "localhost", helo = "localhost"})
    reply = sg.send(conn, {
        queue_id = "FORGEDAR2", mail_from = "<app@example.com>",
        headers = sg.headers("App <app@example.com>", incoming),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "trusted hop: accepted with our results header")
    sg.expect(not mt.eom_check(conn, MT_HDRDELETE), "a trusted hop's results are kept")
    sg.expect_results(conn, {})
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "not tagged")
    sg.expect_evidence("FORGEDAR2", {'"action":"accept"'})
    mt.disconnect(conn)
end)
