# lib.sh - shared helpers for senderguard's miltertest integration tests (sourced, bash).
#
# Every test script is called as: TEST.sh SENDERGUARD_BINARY [ARGS...]. it_init makes a
# private directory (mktemp), it_write_config writes a configuration there, it_start
# runs the real daemon on a unix socket in it; on exit only the daemon started here is
# stopped (by its PID) and the directory removed. Exit status: 0 pass, 1 fail,
# 77 skipped (a tool is missing).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1 # tests import milter_client.py: keep the source tree clean

IT_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IT_BIN=""
IT_DIR=""
IT_NAME=""
IT_PID=""
IT_SOCKET=""
IT_HELPER_PIDS=() # helper processes a test started (it_start_helper): stopped on exit

fail() {
    echo "FAIL [$IT_NAME] $*" >&2
    it_dump_log
    exit 1
}
skip() {
    echo "SKIP [$IT_NAME] $*" >&2
    exit 77
}
pass() { echo "ok [$IT_NAME] $*"; }

it_dump_log() {
    [[ -n "$IT_DIR" && -s "$IT_DIR/senderguard.log" ]] || return 0
    echo "--- senderguard.log (last 40 lines) ---" >&2
    tail -n 40 "$IT_DIR/senderguard.log" >&2
}

it_cleanup() {
    local rc=$? i pid
    for pid in "${IT_HELPER_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n "$IT_PID" ]] && kill -0 "$IT_PID" 2>/dev/null; then
        kill -TERM "$IT_PID" 2>/dev/null || true
        for ((i = 0; i < 50; i++)); do
            kill -0 "$IT_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$IT_PID" 2>/dev/null || true
    fi
    if [[ -n "$IT_DIR" && -d "$IT_DIR" ]]; then rm -rf "$IT_DIR"; fi
    exit "$rc"
}

# it_init NAME BINARY: check the tools, make the private directory.
it_init() {
    IT_NAME="$1"
    IT_BIN="$2"
    [[ -n "$IT_BIN" && -x "$IT_BIN" ]] || fail "senderguard binary '$IT_BIN' not executable"
    command -v miltertest >/dev/null || skip "miltertest not installed (Debian package miltertest)"
    IT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/senderguard-it.XXXXXX")"
    IT_SOCKET="$IT_DIR/senderguard.sock"
    trap it_cleanup EXIT
    trap 'exit 130' INT TERM
}

# it_extra_has EXTRA_TOML_FILE SECTION: does the extra file bring its own [SECTION]?
it_extra_has() {
    [[ -n "$1" ]] && grep -q "^\[$2\]" "$1"
}

# it_write_config FILE [EXTRA_TOML_FILE]: the base test configuration, then the lines of
# EXTRA_TOML_FILE (@DIR@ replaced by the private directory). The [dns],
# [authentication] and [policy] sections of the base are left out when the extra file
# brings its own ([dns] then must stay hermetic: local_data, or forwarders to a test
# server); [policy] comes last, so an extra file may add tables below it.
it_write_config() {
    local file="$1" extra="${2:-}"
    printf 'team@example.com  alice@example.com\n' >"$IT_DIR/sender_login_maps"
    printf 'Jane Doe: jane.doe@example.com\n' >"$IT_DIR/protected_names"
    # DNS answers only from this file (no network in tests); a test may add records.
    [[ -e "$IT_DIR/local.zone" ]] || : >"$IT_DIR/local.zone"
    cat >"$file" <<TOML
[milter]
socket = "unix:$IT_SOCKET"
backlog = 64
error_action = "tempfail"
pid_file = "$IT_DIR/senderguard.pid"

[identity]
default_domain = "example.com"
delegation_map = "$IT_DIR/sender_login_maps"
protected_names = "$IT_DIR/protected_names"
trusted_networks = ["127.0.0.0/8"]

[report]
evidence_file = "$IT_DIR/evidence.jsonl"
syslog = false
header_name = "X-SenderGuard"
reject_reply = "Sender address not allowed for this login (100% sure)"
tempfail_reply = "Sender identity could not be verified, try again later"
TOML
    if ! it_extra_has "$extra" dns; then
        printf '\n[dns]\nlocal_data = "%s"\n' "$IT_DIR/local.zone" >>"$file"
    fi
    if ! it_extra_has "$extra" authentication; then
        printf '\n[authentication]\nauthserv_id = "mx.test.example"\n' >>"$file"
    fi
    if it_extra_has "$extra" policy; then
        printf '\n' >>"$file"
        sed "s|@DIR@|$IT_DIR|g" "$extra" >>"$file"
        return 0
    fi
    cat >>"$file" <<TOML

[policy]
mode = "enforce"
tag_threshold = 1
quarantine_threshold = 8
reject_threshold = 15
TOML
    if [[ -n "$extra" ]]; then
        printf '\n' >>"$file"
        sed "s|@DIR@|$IT_DIR|g" "$extra" >>"$file"
    fi
}

# it_listening: is the daemon's socket there (unix: the socket file; IT_PORT set: a TCP
# listener on that port)?
it_listening() {
    if [[ -n "${IT_PORT:-}" ]]; then
        [[ -n "$(ss -Hltn "sport = :$IT_PORT" 2>/dev/null)" ]]
    else
        [[ -S "$IT_SOCKET" ]]
    fi
}

# it_start CONFIG: start "senderguard run" in the background and wait for its socket.
it_start() {
    local config="$1" i
    "$IT_BIN" run --config "$config" </dev/null >>"$IT_DIR/senderguard.log" 2>&1 &
    IT_PID=$!
    for ((i = 0; i < 100; i++)); do
        it_listening && return 0
        if ! kill -0 "$IT_PID" 2>/dev/null; then
            local rc=0
            wait "$IT_PID" || rc=$?
            IT_PID=""
            fail "senderguard run exited (status $rc) before creating $IT_SOCKET"
        fi
        sleep 0.1
    done
    fail "senderguard was not listening within 10s"
}

# it_stop: SIGTERM the daemon started here; fails unless it exits 0 within 10 s.
it_stop() {
    [[ -n "$IT_PID" ]] || return 0
    local pid="$IT_PID" i rc=0
    kill -TERM "$pid"
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && fail "senderguard (pid $pid) still running 10s after SIGTERM"
    wait "$pid" || rc=$?
    IT_PID=""
    [[ "$rc" == 0 ]] || fail "senderguard exited with status $rc after SIGTERM"
}

# it_start_helper OUTPUT_FILE COMMAND...: run a helper (a test DNS server, ...) in the
# background with stdout to OUTPUT_FILE; it is stopped by its PID on exit. Sets
# IT_HELPER_PID.
it_start_helper() {
    local output="$1"
    shift
    "$@" >"$output" 2>>"$IT_DIR/helpers.log" </dev/null &
    IT_HELPER_PID=$!
    IT_HELPER_PIDS+=("$IT_HELPER_PID")
}

# it_stop_helper PID: SIGTERM one helper started here and wait for it.
it_stop_helper() {
    local pid="$1" i
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for i in "${!IT_HELPER_PIDS[@]}"; do
        [[ "${IT_HELPER_PIDS[$i]}" == "$pid" ]] && unset 'IT_HELPER_PIDS[i]'
    done
    return 0
}

# it_dkim_zone_line NAME KEY.pem: the local-data TXT line publishing KEY's public half
# as a DKIM key at NAME, split into character-strings of at most 255 octets.
it_dkim_zone_line() {
    local name="$1" key="$2" record
    record="v=DKIM1; k=rsa; p=$(openssl pkey -in "$key" -pubout -outform DER | base64 -w0)"
    printf '%s TXT' "$name"
    while [[ -n "$record" ]]; do
        printf ' "%s"' "${record:0:250}"
        record="${record:250}"
    done
    printf '\n'
}

it_alive() { [[ -n "$IT_PID" ]] && kill -0 "$IT_PID" 2>/dev/null; }

# it_miltertest SCRIPT [NAME=VALUE...]: run a Lua scenario against the daemon. The script
# sees the globals socket, evidence (the JSON lines file), testdir and each NAME=VALUE.
it_miltertest() {
    local script="$1" kv
    shift
    local defines=(-D "socket=unix:$IT_SOCKET" -D "evidence=$IT_DIR/evidence.jsonl" -D "testdir=$IT_HERE")
    for kv in "$@"; do defines+=(-D "$kv"); done
    miltertest "${defines[@]}" -s "$script"
}
