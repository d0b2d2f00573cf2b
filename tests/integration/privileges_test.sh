#!/usr/bin/env bash
# privileges_test.sh - started as root with milter.user = "nobody", the daemon opens its
# socket, hands it to that user (mode 0660), drops to nobody's uid/gid (root cannot be
# regained), writes its pid file as nobody, still answers the MTA, and removes the pid
# file and socket when it stops. Skipped unless run as root with a "nobody" user.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init privileges "${1:-}"
[[ "$(id -u)" == 0 ]] || skip "needs root"
id nobody >/dev/null 2>&1 || skip "no user nobody"

uid="$(id -u nobody)"
gid="$(id -g nobody)"
run_dir="$IT_DIR/run"
mkdir "$run_dir"
chown nobody: "$run_dir"
chmod 755 "$IT_DIR" # nobody must reach its run directory, config and maps
IT_SOCKET="$run_dir/senderguard.sock"
it_write_config "$IT_DIR/senderguard.toml"
sed -i -e 's/^\[milter\]$/[milter]\nuser = "nobody"/' \
    -e "s|^pid_file = .*|pid_file = \"$run_dir/senderguard.pid\"|" \
    -e "s|^evidence_file = .*|evidence_file = \"$run_dir/evidence.jsonl\"|" "$IT_DIR/senderguard.toml"
chmod 644 "$IT_DIR"/*.toml "$IT_DIR/sender_login_maps" "$IT_DIR/protected_names"
it_start "$IT_DIR/senderguard.toml"
sleep 0.3

read -r _ real effective _ < <(grep '^Uid:' "/proc/$IT_PID/status")
[[ "$real" == "$uid" && "$effective" == "$uid" ]] || fail "daemon runs as uid $real/$effective, wanted $uid"
read -r _ real effective _ < <(grep '^Gid:' "/proc/$IT_PID/status")
[[ "$real" == "$gid" && "$effective" == "$gid" ]] || fail "daemon runs as gid $real/$effective, wanted $gid"
[[ "$(stat -c '%u %a' "$IT_SOCKET")" == "$uid 660" ]] || fail "socket is $(stat -c '%u %a' "$IT_SOCKET")"
[[ "$(stat -c '%u' "$run_dir/senderguard.pid")" == "$uid" ]] || fail "pid file not written by nobody"

it_miltertest "$IT_HERE/lua/accept.lua" "evidence=$run_dir/evidence.jsonl" || fail "no answer after dropping privileges"
kill -USR1 "$IT_PID"
sleep 0.5
grep -q "configuration reloaded" "$IT_DIR/senderguard.log" || fail "reload as nobody failed"
it_stop
[[ ! -e "$run_dir/senderguard.pid" ]] || fail "pid file left behind"
[[ ! -e "$IT_SOCKET" ]] || fail "socket left behind"
pass "runs as nobody ($uid:$gid), socket handed over, clean stop"
