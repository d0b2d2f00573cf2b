#!/usr/bin/env bash
# sigterm_test.sh - the daemon writes its pid file, stops cleanly on SIGTERM (exit 0,
# also with a connection open) and removes both its pid file and its unix socket; a
# stale socket file left by a crashed run does not prevent a start.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init sigterm "${1:-}"
command -v python3 >/dev/null || skip "python3 not installed"

it_write_config "$IT_DIR/senderguard.toml"
# A stale socket file from a previous run (nothing listening on it).
python3 -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$IT_SOCKET"
[[ -S "$IT_SOCKET" ]] || fail "could not create the stale socket"
it_start "$IT_DIR/senderguard.toml"
sleep 0.3
[[ -f "$IT_DIR/senderguard.pid" ]] || fail "no pid file"
[[ "$(cat "$IT_DIR/senderguard.pid")" == "$IT_PID" ]] || fail "pid file says $(cat "$IT_DIR/senderguard.pid"), daemon is $IT_PID"

# A connection that stays open while the daemon stops.
python3 -c 'import socket, sys, time; s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); time.sleep(3)' \
    "$IT_SOCKET" &
holder=$!
sleep 0.3
it_stop
wait "$holder" || true
[[ ! -e "$IT_DIR/senderguard.pid" ]] || fail "pid file left behind"
[[ ! -e "$IT_SOCKET" ]] || fail "unix socket left behind"
grep -q "stopped" "$IT_DIR/senderguard.log" || fail "no 'stopped' log line"
pass "SIGTERM: exit 0, pid file and socket removed"
