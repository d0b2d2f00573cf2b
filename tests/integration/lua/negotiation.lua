-- negotiation.lua - what senderguard asks for in option negotiation: add and change
-- headers and quarantine, nothing else; every header and the body are still sent;
-- header values come with their leading space (SMFIP_HDR_LEADSPC, for DKIM), which
-- the engine does not see; no reply before end-of-message.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    sg.expect(mt.test_action(conn, SMFIF_ADDHDRS), "asks to add headers")
    sg.expect(mt.test_action(conn, SMFIF_CHGHDRS), "asks to change headers")
    sg.expect(mt.test_action(conn, SMFIF_QUARANTINE), "asks to quarantine")
    sg.expect(not mt.test_action(conn, SMFIF_CHGBODY), "never changes the body")
    sg.expect(not mt.test_action(conn, SMFIF_ADDRCPT), "never adds recipients")
    sg.expect(not mt.test_action(conn, SMFIF_DELRCPT), "never deletes recipients")
    sg.expect(not mt.test_option(conn, SMFIP_NOHDRS), "wants the headers")
    sg.expect(not mt.test_option(conn, SMFIP_NOBODY), "wants the body")
    sg.expect(not mt.test_option(conn, SMFIP_NOMAIL), "wants MAIL")
    sg.expect(not mt.test_option(conn, SMFIP_NORCPT), "wants RCPT")
    sg.expect(mt.test_option(conn, SMFIP_HDR_LEADSPC), "header values with their leading space")
    -- miltertest offers every no-reply bit: one answer per message, not per command.
    for _, bit in ipairs({"SMFIP_NR_CONN", "SMFIP_NR_HELO", "SMFIP_NR_MAIL", "SMFIP_NR_RCPT", "SMFIP_NR_HDR",
                          "SMFIP_NR_EOH", "SMFIP_NR_BODY"}) do
        sg.expect(mt.test_option(conn, _G[bit]), bit .. " negotiated")
    end
    -- Whatever was negotiated, a whole message still gets exactly one final answer.
    local reply = sg.send(conn, {
        queue_id = "NEG1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers("Alice <alice@example.com>"),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "own From after negotiation (Authentication-Results inserted)")
    -- miltertest sent " Alice <alice@example.com>": one leading space is removed for the
    -- engine, so the From parses exactly as without the option.
    sg.expect_evidence("NEG1", {'"action":"accept"'})
    sg.expect(not mt.eom_check(conn, MT_HDRADD), "no summary header")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    mt.disconnect(conn)
end)
