# shellcheck shell=bash
# lib.sh - shared helpers for senderguard's Postfix end-to-end tests (sourced, bash).
#
# A test script is called as: TEST.sh SENDERGUARD_BINARY SOURCE_DIR. It sources this
# file, calls e2e_init NAME, then lab_start / sg_start and the send/assert helpers.
# Everything lives in one mktemp directory ($E2E_DIR); an EXIT trap stops exactly the
# processes started here (senderguard by its PID, Postfix and smtp-sink through
# scripts/postfix-lab stop) and removes the directory unless the test failed or
# E2E_KEEP=1. Exit status 77 means skipped (ctest SKIP_RETURN_CODE).
#
# The SASL user alice@example.com / alice-secret exists in every lab.
#
# Authentication scripts (auth_*.sh) get two more arguments: the dns_test_server and
# dkim_sign binaries (tests/tools); see the helpers at the end.

E2E_SG_BIN="${1:-}"
E2E_SRC="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
E2E_DNS_SERVER_BIN="${3:-}"
E2E_DKIM_SIGN_BIN="${4:-}"
E2E_DNS_PID=""
E2E_NAME="e2e"
E2E_DIR=""
E2E_SG_PID=""
E2E_FAILED=0
readonly E2E_ALICE="alice@example.com" E2E_ALICE_PW="alice-secret"

log() { echo "[$E2E_NAME] $*" >&2; }

skip() {
    log "SKIP: $*"
    exit 77
}

# fail SCENARIO MESSAGE: print, dump the logs once, and exit 1.
fail() {
    E2E_FAILED=1
    log "FAIL [$1]: $2"
    e2e_dump_logs
    exit 1
}

pass() { log "PASS [$1]: $2"; }

e2e_dump_logs() {
    local f
    for f in "$E2E_DIR/lab/maillog" "$E2E_DIR/senderguard.log" "$E2E_DIR/swaks.out" "$E2E_DIR/evidence.jsonl"; do
        [[ -s "$f" ]] || continue
        echo "---- tail $f" >&2
        tail -n 40 "$f" >&2
    done
}

e2e_cleanup() {
    local rc=$?
    sg_stop
    dns_server_stop
    if [[ -n "$E2E_DIR" && -d "$E2E_DIR/lab" ]]; then "$E2E_SRC/scripts/postfix-lab" stop "$E2E_DIR/lab" || true; fi
    if ((rc != 0 && rc != 77)) || ((E2E_FAILED)) || [[ "${E2E_KEEP:-0}" == 1 ]]; then
        [[ -n "$E2E_DIR" ]] && log "kept $E2E_DIR"
    elif [[ -n "$E2E_DIR" ]]; then
        rm -rf "$E2E_DIR"
    fi
    exit "$rc"
}

# e2e_init NAME: check prerequisites, create $E2E_DIR, install the cleanup trap.
e2e_init() {
    E2E_NAME="$1"
    [[ "$(id -u)" == 0 ]] || skip "needs root (private Postfix instance)"
    local tool
    for tool in postfix postqueue smtp-sink saslpasswd2 swaks; do
        command -v "$tool" >/dev/null || skip "$tool not installed (run scripts/setup)"
    done
    E2E_DIR="$(mktemp -d "${TMPDIR:-/tmp}/senderguard-e2e.XXXXXX")"
    chmod 755 "$E2E_DIR" # Postfix daemons (user postfix) must reach the milter socket
    trap e2e_cleanup EXIT
    trap 'exit 130' INT TERM
}

# lab_start [postfix-lab start options]: start Postfix in $E2E_DIR/lab with alice;
# sets SMTP_PORT, SUBMISSION_PORT, SINK_PORT, POSTFIX_CONFIG_DIR, SINK_DIR.
lab_start() {
    "$E2E_SRC/scripts/postfix-lab" adduser "$E2E_DIR/lab" "$E2E_ALICE" "$E2E_ALICE_PW"
    "$E2E_SRC/scripts/postfix-lab" start "$E2E_DIR/lab" "$@" >&2 || fail setup "postfix-lab start failed"
    # shellcheck source=/dev/null
    . "$E2E_DIR/lab/lab.env"
}

# sg_write_config [EXTRA_ACTIONS_TOML_LINES]: write $E2E_DIR/senderguard.toml and its
# maps. Extra lines go into [policy.actions].
sg_write_config() {
    # (A default inside the here-document would lose its quotes.)
    local actions='"identity.from_not_owned" = "reject"'
    [[ -n "${1:-}" ]] && actions="$1"
    printf 'team@example.com  alice@example.com\n' >"$E2E_DIR/sender_login_maps"
    printf 'Jane Doe: jane.doe@example.com\n' >"$E2E_DIR/protected_names"
    # DNS answers only from this file (no network in tests); a test may add records.
    [[ -e "$E2E_DIR/local.zone" ]] || : >"$E2E_DIR/local.zone"
    cat >"$E2E_DIR/senderguard.toml" <<EOF
[milter]
socket = "unix:$E2E_DIR/senderguard.sock"

[identity]
default_domain = "example.com"
delegation_map = "$E2E_DIR/sender_login_maps"
protected_names = "$E2E_DIR/protected_names"
trusted_networks = ["127.0.0.0/8"]

[policy]
mode = "enforce"
tag_threshold = 1
quarantine_threshold = 8
reject_threshold = 15

[policy.actions]
$actions

[dns]
local_data = "$E2E_DIR/local.zone"

[report]
evidence_file = "$E2E_DIR/evidence.jsonl"
syslog = false
EOF
}

# sg_start: run "senderguard run --config" in the background, wait for its socket.
sg_start() {
    [[ -n "$E2E_SG_BIN" && -x "$E2E_SG_BIN" ]] || fail setup "senderguard binary '$E2E_SG_BIN' not executable"
    local sock="$E2E_DIR/senderguard.sock" i
    rm -f "$sock"
    # umask 0: the socket must be writable by smtpd (user postfix); chmod below as well.
    (umask 000 && exec "$E2E_SG_BIN" run --config "$E2E_DIR/senderguard.toml") \
        </dev/null >>"$E2E_DIR/senderguard.log" 2>&1 &
    E2E_SG_PID=$!
    for ((i = 0; i < 150; i++)); do
        [[ -S "$sock" ]] && break
        kill -0 "$E2E_SG_PID" 2>/dev/null || {
            local rc=0
            wait "$E2E_SG_PID" || rc=$?
            E2E_SG_PID=""
            fail setup "senderguard run exited (status $rc) before creating $sock"
        }
        sleep 0.1
    done
    [[ -S "$sock" ]] || fail setup "senderguard did not create $sock within 15s"
    chmod 666 "$sock" # smtpd runs as user postfix
}

sg_stop() {
    [[ -n "$E2E_SG_PID" ]] || return 0
    local i
    kill -TERM "$E2E_SG_PID" 2>/dev/null || true
    # Our own child: once it exits it stays a zombie until wait, so read its state.
    for ((i = 0; i < 100; i++)); do
        grep -q '^State:[[:space:]]*Z' "/proc/$E2E_SG_PID/status" 2>/dev/null && break
        [[ -e "/proc/$E2E_SG_PID" ]] || break
        sleep 0.1
    done
    kill -KILL "$E2E_SG_PID" 2>/dev/null || true
    wait "$E2E_SG_PID" 2>/dev/null || true
    E2E_SG_PID=""
}

# submit HEADER_FROM SUBJECT [swaks options]: authenticate as alice on the submission
# port and send one message to bob@example.net; swaks' transcript goes to stdout and is
# appended to $E2E_DIR/swaks.out. Envelope sender is alice unless --from is given.
submit() {
    local from="$1" subject="$2"
    shift 2
    swaks --server "127.0.0.1:$SUBMISSION_PORT" --timeout 30 \
        --auth PLAIN --auth-user "$E2E_ALICE" --auth-password "$E2E_ALICE_PW" \
        --from "$E2E_ALICE" --to bob@example.net \
        --h-From "$from" --h-Subject "$subject" "$@" 2>&1 | tee -a "$E2E_DIR/swaks.out" || true
}

# delivered_file SUBJECT [SECONDS]: print the smtp-sink dump holding SUBJECT, waiting
# until it appears and the queue is empty; status 1 when it never does.
delivered_file() {
    local subject="$1" limit=$((${2:-15} * 10)) i f
    for ((i = 0; i < limit; i++)); do
        f="$(grep -l -F -x "Subject: $subject" "$SINK_DIR"/* 2>/dev/null | head -n 1 || true)"
        if [[ -n "$f" ]] && [[ -z "$(postqueue -c "$POSTFIX_CONFIG_DIR" -j)" ]]; then
            echo "$f"
            return 0
        fi
        sleep 0.1
    done
    return 1
}

# queue_json: the queue as postqueue -j lines (one JSON object per message).
queue_json() { postqueue -c "$POSTFIX_CONFIG_DIR" -j; }

# evidence_action N [SECONDS]: wait for N lines in the evidence file, print the
# event.action of line N (ECS dotted key or nested object). Status 1 on timeout.
evidence_action() {
    local n="$1" limit=$((${2:-10} * 10)) i file="$E2E_DIR/evidence.jsonl" line
    for ((i = 0; i < limit; i++)); do
        [[ -r "$file" ]] && (($(wc -l <"$file") >= n)) && break
        sleep 0.1
    done
    line="$(sed -n "${n}p" "$file" 2>/dev/null)"
    [[ -n "$line" ]] || return 1
    if command -v jq >/dev/null; then
        printf '%s\n' "$line" | jq -er '."event.action" // .event.action // empty'
    else
        printf '%s\n' "$line" | grep -o 'action" *: *"[a-z]*"' | head -n 1 | sed 's/.*"\([a-z]*\)"$/\1/'
    fi
}

# sg_lab: the usual scenario setup: config (EXTRA_ACTIONS as for sg_write_config),
# senderguard on its unix socket, then Postfix wired to it.
sg_lab() {
    sg_write_config "${1:-}"
    sg_start
    lab_start --milter "unix:$E2E_DIR/senderguard.sock"
}

# expect_action N ACTION SCENARIO: evidence line N exists and says event.action ACTION,
# and the file holds exactly N lines (one per message sent so far).
expect_action() {
    local got
    got="$(evidence_action "$1")" || fail "$3" "no evidence line $1 with event.action in $E2E_DIR/evidence.jsonl"
    [[ "$got" == "$2" ]] || fail "$3" "evidence event.action is '$got', expected '$2'"
    local lines
    lines="$(wc -l <"$E2E_DIR/evidence.jsonl")"
    ((lines == $1)) || fail "$3" "$lines evidence lines for $1 messages"
    pass "$3" "evidence line $1 of $lines: event.action=$got"
}

# header_of FILE NAME: print header NAME (first occurrence, with its continuation lines)
# from the header section of FILE.
header_of() {
    sed -n "/^\$/q;/^$2:/I{p;:c;n;/^[ \t]/{p;bc};q}" "$1"
}

# ---- Authentication scenarios (auth_*.sh) ------------------------------------------
# Clients "from outside": the plain SMTP listener trusts XCLIENT from loopback, so
# send_xclient presents another client address to Postfix and thus to the milter
# (libspf2 passes every loopback client, and 127.0.0.0/8 is a trusted network here).

readonly E2E_AUTHSERV="mx.test.example"

# sg_config_set SECTION KEY VALUE: set KEY = VALUE (TOML, quoted as needed) in [SECTION]
# of $E2E_DIR/senderguard.toml, replacing the key if present, adding the section at the
# end if missing. Call after sg_write_config, before sg_start.
sg_config_set() {
    local file="$E2E_DIR/senderguard.toml"
    awk -v section="[$1]" -v key="$2" -v line="$2 = $3" '
        function flush() { if (inside && !done) { print line; done = 1 } }
        /^\[/ { if ($0 != section) flush(); inside = ($0 == section) }
        inside && $0 ~ "^" key "[ \t]*=" { if (!done) print line; done = 1; next }
        inside && /^[ \t]*$/ { flush() }
        { print }
        END { flush(); if (!done) { print ""; print section; print line } }
    ' "$file" >"$file.new" && mv "$file.new" "$file"
}

# sg_config_unset SECTION KEY: remove KEY from [SECTION].
sg_config_unset() {
    local file="$E2E_DIR/senderguard.toml"
    awk -v section="[$1]" -v key="$2" '
        /^\[/ { inside = ($0 == section) }
        inside && $0 ~ "^" key "[ \t]*=" { next }
        { print }
    ' "$file" >"$file.new" && mv "$file.new" "$file"
}

# auth_write_config: sg_write_config plus authserv-id mx.test.example (more settings:
# sg_config_set, e.g. sg_config_set policy.actions '"dkim.fail"' '"reject"').
auth_write_config() {
    sg_write_config ""
    sg_config_set authentication authserv_id "\"$E2E_AUTHSERV\""
}

# auth_lab: start senderguard with the written config, then Postfix wired to it.
auth_lab() {
    sg_start
    lab_start --milter "unix:$E2E_DIR/senderguard.sock"
}

# zone_add LINE...: append records to the local-data zone ($E2E_DIR/local.zone).
zone_add() { printf '%s\n' "$@" >>"$E2E_DIR/local.zone"; }

# dkim_keygen DOMAIN SELECTOR: a fresh RSA 2048 key in $E2E_DIR/dkim-SELECTOR.pem and
# its public key as SELECTOR._domainkey.DOMAIN TXT in the zone (strings of <= 250).
dkim_keygen() {
    local domain="$1" selector="$2" key="$E2E_DIR/dkim-$2.pem" der record="" i
    command -v openssl >/dev/null || skip "openssl not installed"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null ||
        fail setup "openssl genpkey failed"
    der="$(openssl pkey -in "$key" -pubout -outform DER | base64 -w0)"
    der="v=DKIM1; k=rsa; p=$der"
    for ((i = 0; i < ${#der}; i += 250)); do record+=" \"${der:i:250}\""; done
    zone_add "$selector._domainkey.$domain. TXT$record"
}

# dkim_sign DOMAIN SELECTOR < MESSAGE > SIGNED: sign with dkim_keygen's key.
dkim_sign() {
    [[ -n "$E2E_DKIM_SIGN_BIN" && -x "$E2E_DKIM_SIGN_BIN" ]] ||
        fail setup "dkim_sign binary '$E2E_DKIM_SIGN_BIN' not executable"
    # LF line ends: swaks turns them into CRLF on the wire.
    "$E2E_DKIM_SIGN_BIN" "$E2E_DIR/dkim-$2.pem" "$1" "$2" | tr -d '\r'
    return "${PIPESTATUS[0]}"
}

# send_xclient CLIENT_ADDR CLIENT_NAME ENVELOPE_FROM DATA_FILE [swaks options]: one
# message to bob@example.net on the plain SMTP port, the client presented by XCLIENT.
# The transcript goes to stdout and $E2E_DIR/swaks.out; the wall time in milliseconds
# to $E2E_DIR/swaks.ms.
send_xclient() {
    local addr="$1" name="$2" from="$3" data="$4" start end out
    shift 4
    start="$(date +%s%N)"
    out="$(swaks --server "127.0.0.1:$SMTP_PORT" --timeout 30 \
        --xclient-addr "$addr" --xclient-name "$name" \
        --ehlo "$name" --from "$from" --to bob@example.net --data "@$data" "$@" 2>&1 || true)"
    end="$(date +%s%N)"
    echo $(((end - start) / 1000000)) >"$E2E_DIR/swaks.ms"
    printf '%s\n' "$out" | tee -a "$E2E_DIR/swaks.out"
}

# write_message FILE FROM SUBJECT [EXTRA_HEADER_LINES...]: a small LF message.
write_message() {
    local file="$1" from="$2" subject="$3" h
    shift 3
    {
        printf 'From: %s\nTo: bob@example.net\nSubject: %s\n' "$from" "$subject"
        printf 'Date: %s\nMessage-ID: <%s@e2e.test>\n' "$(date -R)" "$subject"
        for h in "$@"; do printf '%s\n' "$h"; done
        printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n'
        printf 'Hello Bob,\n\nthe quarterly figures are attached in spirit.\n\n-- \nAlice\n'
    } >"$file"
}

# headers_named FILE NAME: every header NAME of FILE's header section, one per line,
# unfolded (continuation lines joined with single spaces).
headers_named() {
    awk -v name="$(tr '[:upper:]' '[:lower:]' <<<"$2")" '
        /^\r?$/ { exit }
        /^[ \t]/ { if (cur != "") { sub(/^[ \t]+/, " "); cur = cur $0 } ; next }
        { if (cur != "") print cur; cur = ""
          split($0, parts, ":"); if (tolower(parts[1]) == name) cur = $0 }
        END { if (cur != "") print cur }
    ' "$1" | tr -d '\r'
}

# evidence_json N [FILTER]: evidence line N (waiting for it as evidence_action does),
# through jq FILTER (default: the whole record). Status 1 when absent.
evidence_json() {
    evidence_action "$1" >/dev/null || return 1
    sed -n "$1p" "$E2E_DIR/evidence.jsonl" | jq -c "${2:-.}"
}

# expect_reply SCENARIO OUTPUT EXTENDED_REGEX: the swaks transcript OUTPUT has a server
# line (<- or <**) matching the regex after the DATA terminator, i.e. the final reply.
expect_reply() {
    local line
    line="$(grep -E '^<(-|\*\*) +[0-9]{3} ' <<<"$2" | tail -n 2 | head -n 1)"
    [[ "$line" =~ $3 ]] || fail "$1" "final reply '$line' does not match /$3/"
    pass "$1" "SMTP reply: $line"
}

# queued_id OUTPUT: the queue id from swaks' "250 2.0.0 Ok: queued as ID".
queued_id() { sed -n 's/^<-  250 2.0.0 Ok: queued as \([0-9A-Za-z]*\).*/\1/p' <<<"$1"; }

# dns_server_start MODE: run dns_test_server --MODE (refuse, blackhole) on a free
# loopback port; sets DNS_PORT. The EXIT trap stops it by PID.
dns_server_start() {
    [[ -n "$E2E_DNS_SERVER_BIN" && -x "$E2E_DNS_SERVER_BIN" ]] ||
        fail setup "dns_test_server binary '$E2E_DNS_SERVER_BIN' not executable"
    local i
    "$E2E_DNS_SERVER_BIN" "--$1" --port 0 --pid-file "$E2E_DIR/dns.pid" \
        </dev/null >"$E2E_DIR/dns.port" 2>"$E2E_DIR/dns.log" &
    E2E_DNS_PID=$!
    for ((i = 0; i < 100; i++)); do
        DNS_PORT="$(head -n 1 "$E2E_DIR/dns.port" | tr -dc '0-9')"
        [[ -n "$DNS_PORT" ]] && return 0
        kill -0 "$E2E_DNS_PID" 2>/dev/null || fail setup "dns_test_server exited: $(cat "$E2E_DIR/dns.log")"
        sleep 0.1
    done
    fail setup "dns_test_server printed no port within 10s"
}

dns_server_stop() {
    [[ -n "$E2E_DNS_PID" ]] || return 0
    kill -TERM "$E2E_DNS_PID" 2>/dev/null || true
    wait "$E2E_DNS_PID" 2>/dev/null || true
    E2E_DNS_PID=""
}

# evidence_findings N: the finding keys of evidence line N ("id" or "id.variant"),
# space-separated with a space on both ends, e.g. " spf.fail dmarc.fail.policy_reject ".
evidence_findings() {
    evidence_action "$1" >/dev/null || return 1
    echo " $(sed -n "$1p" "$E2E_DIR/evidence.jsonl" |
        jq -r '[.senderguard.findings[]? | .id + (if (.variant // "") != "" then "." + .variant else "" end)] | join(" ")') "
}

# sg_reload: SIGUSR1 to the running senderguard, wait until it logs the reload.
sg_reload() {
    local before i
    before="$(grep -c 'configuration reloaded' "$E2E_DIR/senderguard.log" || true)"
    kill -USR1 "$E2E_SG_PID" || fail setup "cannot signal senderguard"
    for ((i = 0; i < 100; i++)); do
        (($(grep -c 'configuration reloaded' "$E2E_DIR/senderguard.log" || true) > before)) && return 0
        grep -q 'reload failed' "$E2E_DIR/senderguard.log" && fail setup "reload failed"
        sleep 0.1
    done
    fail setup "senderguard did not log a reload within 10s"
}

# ar_on_top SCENARIO FILE: our Authentication-Results stands above the Received header
# of the lab's Postfix (smfi_insheader at index 0), where a reader looks first.
ar_on_top() {
    local ours postfix ok=0
    ours="$(sed -n '/^\r\{0,1\}$/q;/^Authentication-Results: *mx\.test\.example;/=' "$2" | head -n 1)"
    postfix="$(sed -n '/^\r\{0,1\}$/q;/by mta\.lab\.example\.com (Postfix)/=' "$2" | head -n 1)"
    [[ -n "$ours" && -n "$postfix" ]] && ((ours < postfix)) && ok=1
    ((ok)) || fail "$1" "our Authentication-Results (line ${ours:-none}) is not above Postfix's Received (line ${postfix:-none})"
    pass "$1" "Authentication-Results on line $ours, above Postfix's Received (line $postfix)"
}
