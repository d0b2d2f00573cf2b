-- tag.lua - the From display name carries another address than the From address
-- ("bob@example.net" <alice@example.com>): identity.display_name_address scores above
-- the tag threshold, so the summary header is added and the message accepted.
dofile(testdir .. "/lua/common.lua")

sg.run(function()
    local conn = sg.open()
    local reply = sg.send(conn, {
        queue_id = "TAG1", login = "alice@example.com", mail_from = "<alice@example.com>",
        headers = sg.headers('"bob@example.net" <alice@example.com>'),
    })
    sg.expect_reply(reply, SMFIR_CONTINUE, "display name with another address")
    sg.expect(mt.eom_check(conn, MT_HDRADD, "X-SenderGuard"), "X-SenderGuard added")
    sg.expect_results(conn, {'smtp.auth=alice@example.com'})
    local value = mt.getheader(conn, "X-SenderGuard", 0)
    sg.expect(value ~= nil and string.find(value, "action=tag", 1, true) ~= nil, "summary says action=tag: " .. tostring(value))
    sg.expect(string.find(value, "identity.display_name_address", 1, true) ~= nil, "summary names the finding: " .. value)
    sg.expect(not mt.eom_check(conn, MT_QUARANTINE), "tag does not quarantine")
    sg.expect_evidence("TAG1", {'"action":"tag"', 'identity.display_name_address'})
    mt.disconnect(conn)
end)
