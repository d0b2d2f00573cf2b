#!/usr/bin/env bash
# dns_trouble_test.sh - DNS failing while mail arrives:
#   dns_trouble_test.sh SENDERGUARD_BINARY DNS_TEST_SERVER DKIM_SIGN_TOOL
# [dns] forwarders point at tests/tools' dns_test_server (no local data), which never
# answers (--blackhole) or answers REFUSED (--refuse); query_timeout = 300 ms,
# message_budget = 1000 ms. An unauthenticated client outside the trusted networks
# (192.0.2.50) sends mail from slow.example, and a DKIM-signed message (key lookup,
# SPF and DMARC all failing, one budget): each answer comes well within the budget
# plus slack (< MAX_SECONDS), our Authentication-Results says spf=temperror and
# dmarc=temperror (dkim=temperror for the signed one) and the message is tagged
# (policy.temperror_action default); with temperror_action = "tempfail" the client
# gets 451 4.7.1. With a query timeout (2 s) above the budget, the signed message is
# still answered within the budget plus slack (< 2 s): the key, SPF and DMARC lookups
# share one deadline. The measured times are printed.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init dns_trouble "${1:-}"
dns_server="${2:?usage: dns_trouble_test.sh SENDERGUARD_BINARY DNS_TEST_SERVER DKIM_SIGN_TOOL}"
sign_tool="${3:?usage: dns_trouble_test.sh SENDERGUARD_BINARY DNS_TEST_SERVER DKIM_SIGN_TOOL}"
command -v python3 >/dev/null || skip "python3 not installed"
command -v openssl >/dev/null || skip "openssl not installed"
MAX_SECONDS=3 # budget 1 s + generous slack for a loaded test machine

# start_dns MODE: a dns_test_server in MODE; sets DNS_PID and DNS_PORT.
start_dns() {
    local i
    it_start_helper "$IT_DIR/dns-$1.port" "$dns_server" "--$1" --port 0 --pid-file "$IT_DIR/dns-$1.pid"
    DNS_PID="$IT_HELPER_PID"
    for ((i = 0; i < 100; i++)); do
        [[ -s "$IT_DIR/dns-$1.port" ]] && break
        kill -0 "$DNS_PID" 2>/dev/null || fail "dns_test_server --$1 exited: $(cat "$IT_DIR/helpers.log")"
        sleep 0.05
    done
    DNS_PORT="$(head -n 1 "$IT_DIR/dns-$1.port")"
    [[ "$DNS_PORT" =~ ^[0-9]+$ ]] || fail "dns_test_server --$1 printed no port"
}

# configure NAME PORT [TEMPERROR_ACTION [QUERY_TIMEOUT]]: $IT_DIR/NAME.toml forwarding to
# 127.0.0.1@PORT (query_timeout 300 ms unless given, message_budget 1000 ms)
configure() {
    {
        printf '[dns]\nforwarders = ["127.0.0.1@%s"]\nquery_timeout = %s\nmessage_budget = 1000\n' "$2" "${4:-300}"
        if [[ -n "${3:-}" && "$3" != tag ]]; then printf '\n[policy]\ntemperror_action = "%s"\n' "$3"; fi
    } >"$IT_DIR/$1.extra.toml"
    it_write_config "$IT_DIR/$1.toml" "$IT_DIR/$1.extra.toml"
    grep -q local_data "$IT_DIR/$1.toml" && fail "$1.toml still answers from local data"
    return 0
}

# trouble ACTION [SIGNED]: one message through milter_client.py dns-trouble
trouble() {
    python3 "$IT_HERE/milter_client.py" "unix:$IT_SOCKET" dns-trouble "$@" "$MAX_SECONDS" ||
        fail "dns-trouble $* failed"
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$IT_DIR/key.pem" 2>/dev/null ||
    fail "openssl could not make an RSA key"
printf 'From: News <news@example.org>\r\nTo: Bob <bob@example.org>\r\nSubject: signed, DNS down\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMessage-ID: <dns-trouble@example.org>\r\n\r\nHello, signed.\r\n' |
    "$sign_tool" "$IT_DIR/key.pem" example.org sel relaxed >"$IT_DIR/signed.eml" || fail "dkim_sign failed"

for mode in blackhole refuse; do
    start_dns "$mode"
    configure "$mode" "$DNS_PORT"
    it_start "$IT_DIR/$mode.toml"
    echo "--- dns_test_server --$mode, temperror_action default (tag)"
    trouble tag
    echo "--- dns_test_server --$mode, DKIM-signed message"
    python3 "$IT_HERE/milter_client.py" "unix:$IT_SOCKET" dns-trouble tag "$MAX_SECONDS" "$IT_DIR/signed.eml" ||
        fail "dns-trouble with a signed message failed"
    it_alive || fail "the daemon died ($mode)"
    it_stop

    configure "$mode-tempfail" "$DNS_PORT" tempfail
    it_start "$IT_DIR/$mode-tempfail.toml"
    echo "--- dns_test_server --$mode, temperror_action = tempfail"
    trouble tempfail
    it_alive || fail "the daemon died ($mode, tempfail)"
    it_stop
    if [[ "$mode" == blackhole ]]; then
        # One budget per message: with a 2 s query timeout the DKIM key lookup alone
        # would take 2 s, and SPF and DMARC 2 s each after it, if each had its own.
        configure budget "$DNS_PORT" tag 2000
        it_start "$IT_DIR/budget.toml"
        echo "--- dns_test_server --blackhole, query_timeout 2000 > message_budget 1000, DKIM-signed"
        python3 "$IT_HERE/milter_client.py" "unix:$IT_SOCKET" dns-trouble tag 2 "$IT_DIR/signed.eml" ||
            fail "the message budget did not bound the key, SPF and DMARC lookups together"
        it_stop
    fi
    it_stop_helper "$DNS_PID"
done
grep -q '"spf.temperror"\|spf.temperror' "$IT_DIR/evidence.jsonl" || fail "no spf.temperror in the evidence records"
pass "DNS trouble: temperror within the budget, tag or 451 4.7.1"
