-- results_header.lua - unauthenticated mail from 192.0.2.50 (outside
-- identity.trusted_networks) gets SPF, DKIM and DMARC results, answered from
-- lua/results_header.zone: an aligned SPF pass under p=reject is accepted, a softfail
-- is tagged; both carry our Authentication-Results header (authserv-id
-- mx.test.example) inserted at the top, and tagging also appends X-SenderGuard.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open({client_ip = "192.0.2.50", client_name = "mail.example.net", helo = "mail.example.net"})
    local reply = sg.send(conn, {
        queue_id = "RES1", mail_from = "<news@example.net>",
        headers = sg.headers("News <news@example.net>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "SPF pass, DMARC pass: accepted with the results header")
    sg.expect_results(conn, {"spf=pass", "smtp.mailfrom=example.net", "dkim=none", "dmarc=pass",
                             "header.from=example.net"})
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "accept adds no summary header")
    sg.expect_evidence("RES1", {'"action":"accept"'})

    reply = sg.send(conn, {
        queue_id = "RES2", mail_from = "<info@softfail.example>",
        headers = sg.headers("Info <info@softfail.example>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "SPF softfail: tagged")
    sg.expect_results(conn, {"spf=softfail", "smtp.mailfrom=softfail.example", "dkim=none", "dmarc=none"})
    local summary = mt.getheader(conn, "X-SenderGuard", 0)
    sg.expect(summary ~= nil and string.find(summary, "action=tag", 1, true) ~= nil,
              "summary says action=tag: " .. tostring(summary))
    sg.expect_evidence("RES2", {'"action":"tag"', 'spf.softfail'})
    mt.disconnect(conn)
end)
