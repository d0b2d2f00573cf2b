# shellcheck shell=bash
# auth_dns_temperror.sh - the body of e2e:auth-dns-refused and e2e:auth-dns-timeout
# (sourced after lib.sh; not a test itself). senderguard forwards every DNS query to
# dns_test_server --MODE (refuse: REFUSED; blackhole: never answers) with
# query_timeout 500 ms and message_budget 2000 ms, no local data. An unsigned message
# from carol@example.org via XCLIENT 198.51.100.7:
#   a) temperror_action = "tag": the reply comes within the budget (swaks wall time
#      < budget + 4 s slack), 250 queued, delivered with X-SenderGuard and
#      Authentication-Results spf=temperror, dmarc=temperror; evidence the same, action tag.
#   b) after a reload with temperror_action = "tempfail": 451 4.7.1 within the budget,
#      nothing delivered or queued, evidence action tempfail.
# auth_dns_temperror_run MODE SCENARIO_PREFIX
auth_dns_temperror_run() {
    local mode="$1" sc="$2" budget=2000 slack=4000 subject out ms file ar auth ip
    auth_write_config
    sg_config_unset dns local_data
    dns_server_start "$mode"
    sg_config_set dns forwarders "[\"127.0.0.1@$DNS_PORT\"]"
    sg_config_set dns query_timeout 500
    sg_config_set dns message_budget "$budget"
    sg_config_set policy temperror_action '"tag"'
    log "dns_test_server --$mode on 127.0.0.1:$DNS_PORT"
    auth_lab

    # a) tag
    subject="auth-dns-$mode-tag-$$"
    write_message "$E2E_DIR/a.eml" "Carol <carol@example.org>" "$subject"
    out="$(send_xclient 198.51.100.7 mail.example.org carol@example.org "$E2E_DIR/a.eml")"
    ms="$(cat "$E2E_DIR/swaks.ms")"
    expect_reply "$sc:tag-reply" "$out" '^<-  250 2\.0\.0 Ok: queued as '
    ((ms < budget + slack)) || fail "$sc:tag-time" "swaks took $ms ms, budget $budget ms + $slack ms slack"
    pass "$sc:tag-time" "whole SMTP session (XCLIENT, EHLO, MAIL, RCPT, DATA) took $ms ms (budget $budget ms)"

    ip="$(evidence_json 1 '.source.ip')" || fail "$sc:tag-evidence" "no evidence record"
    [[ "$ip" == '"198.51.100.7"' ]] || fail "$sc:tag-evidence" "source.ip is $ip, expected 198.51.100.7"
    auth="$(evidence_json 1 '.senderguard.authentication')"
    log "evidence authentication: $auth"
    log "evidence checks: $(evidence_json 1 '.senderguard.checks')"
    [[ "$(jq -r '.spf.result' <<<"$auth")" == temperror ]] || fail "$sc:tag-evidence" "spf is not temperror: $auth"
    [[ "$(jq -r '.dmarc.result' <<<"$auth")" == temperror ]] || fail "$sc:tag-evidence" "dmarc is not temperror: $auth"
    pass "$sc:tag-evidence" "spf: $(jq -c '.spf' <<<"$auth") dmarc reason: $(jq -c '.dmarc.reason' <<<"$auth")"
    expect_action 1 tag "$sc:tag-evidence"

    file="$(delivered_file "$subject")" || fail "$sc:tag-delivery" "message not delivered: $(queue_json)"
    pass "$sc:tag-delivery" "delivered to the sink: ${file##*/}"

    # b) tempfail, same daemon after SIGUSR1
    sg_config_set policy temperror_action '"tempfail"'
    sg_reload
    subject="auth-dns-$mode-tempfail-$$"
    write_message "$E2E_DIR/b.eml" "Carol <carol@example.org>" "$subject"
    out="$(send_xclient 198.51.100.7 mail.example.org carol@example.org "$E2E_DIR/b.eml")"
    ms="$(cat "$E2E_DIR/swaks.ms")"
    expect_reply "$sc:tempfail-reply" "$out" '^<\*\* +451 4\.7\.1 '
    ((ms < budget + slack)) || fail "$sc:tempfail-time" "swaks took $ms ms, budget $budget ms + $slack ms slack"
    pass "$sc:tempfail-time" "whole SMTP session took $ms ms (budget $budget ms)"
    expect_action 2 tempfail "$sc:tempfail-evidence"
    sleep 1
    grep -l -F -x "Subject: $subject" "$SINK_DIR"/* >/dev/null 2>&1 && fail "$sc:tempfail-delivery" "tempfailed message was delivered"
    [[ -z "$(queue_json)" ]] || fail "$sc:tempfail-delivery" "queue not empty: $(queue_json)"
    pass "$sc:tempfail-delivery" "not delivered, queue empty"

    # a) the tagged copy's headers last: b) does not depend on them.
    ar="$(headers_named "$file" Authentication-Results)"
    log "delivered: $ar"
    [[ "$(grep -c . <<<"$ar")" == 1 ]] || fail "$sc:tag-header" "expected exactly one Authentication-Results, got: ${ar:-none}"
    [[ "$ar" =~ ^Authentication-Results:\ mx\.test\.example\; ]] || fail "$sc:tag-header" "authserv-id is not mx.test.example: $ar"
    [[ "$ar" =~ spf=temperror ]] || fail "$sc:tag-header" "no spf=temperror: $ar"
    [[ "$ar" =~ dmarc=temperror ]] || fail "$sc:tag-header" "no dmarc=temperror: $ar"
    pass "$sc:tag-header" "$ar"
    [[ -n "$(headers_named "$file" X-SenderGuard)" ]] || fail "$sc:tag-header" "no X-SenderGuard header on the tagged copy"
    pass "$sc:tag-header" "$(headers_named "$file" X-SenderGuard)"
}
