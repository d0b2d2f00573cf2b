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

E2E_SG_BIN="${1:-}"
E2E_SRC="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
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
    for f in "$E2E_DIR/lab/maillog" "$E2E_DIR/senderguard.log" "$E2E_DIR/swaks.out"; do
        [[ -s "$f" ]] || continue
        echo "---- tail $f" >&2
        tail -n 40 "$f" >&2
    done
}

e2e_cleanup() {
    local rc=$?
    sg_stop
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
${1:-"identity.from_not_owned" = "reject"}

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
