#!/usr/bin/env bash
# reload_test.sh - SIGUSR1 reloads the configuration from its own thread:
#  1. a connection opened before the reload keeps the snapshot it started with,
#     a new connection gets the new configuration (quarantine by score -> reject rule);
#  2. an invalid file (TOML syntax error, then a bad value) keeps the running
#     configuration and logs `file:line: reason`; the daemon keeps serving.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init reload "${1:-}"
command -v python3 >/dev/null || skip "python3 not installed"

config="$IT_DIR/senderguard.toml"
it_write_config "$IT_DIR/v1.toml"
printf '[policy.actions]\n"identity.from_not_owned" = "reject"\n' >"$IT_DIR/reject.toml"
it_write_config "$IT_DIR/v2.toml" "$IT_DIR/reject.toml"
{ cat "$IT_DIR/v2.toml"; printf '\n[report\n'; } >"$IT_DIR/broken_syntax.toml"
sed 's/^tag_threshold = 1$/tag_threshold = "high"/' "$IT_DIR/v2.toml" >"$IT_DIR/broken_value.toml"
cp "$IT_DIR/v1.toml" "$config"
it_start "$config"

python3 - "$IT_SOCKET" "$IT_PID" "$IT_DIR" "$IT_HERE" <<'PY' || fail "reload scenario failed"
import os, shutil, signal, sys, time
sys.path.insert(0, sys.argv[4])
import milter_client
socket_path, pid, directory = sys.argv[1], int(sys.argv[2]), sys.argv[3]
config, log = os.path.join(directory, "senderguard.toml"), os.path.join(directory, "senderguard.log")
not_owned = [(b"From", b"CEO <ceo@example.com>"), (b"Subject", b"reload")]

def wait_for_log(text, count):
    for _ in range(100):
        with open(log, errors="replace") as handle:
            if handle.read().count(text) >= count:
                return
        time.sleep(0.1)
    raise SystemExit(f"log never showed {text!r} {count} time(s)")

def new_session():
    client = milter_client.MilterClient("unix:" + socket_path)
    client.open_session()
    return client

def expect(final, wanted, what):
    if final != wanted:
        raise SystemExit(f"{what}: got {final}, wanted {wanted}")
    print(f"ok {what}: {final}")

early = new_session()
final, _, mods = early.message(not_owned, queue_id="BEFORE")
expect(final, "continue", "v1 quarantines by score")
assert any(command == b"q" for command, _ in mods), mods

shutil.copy(os.path.join(directory, "v2.toml"), config)
os.kill(pid, signal.SIGUSR1)
wait_for_log("configuration reloaded", 1)
final, _, _ = early.message(not_owned, queue_id="EARLYCONN")
expect(final, "continue", "a connection opened before the reload keeps its snapshot")
early.close()
late = new_session()
final, data, _ = late.message(not_owned, queue_id="AFTER")
expect(final, "replycode", "a new connection uses the reloaded reject rule")
assert data.startswith(b"550 5.7.1 "), data
late.close()

for number, broken in enumerate(["broken_syntax.toml", "broken_value.toml"], start=1):
    shutil.copy(os.path.join(directory, broken), config)
    os.kill(pid, signal.SIGUSR1)
    wait_for_log("reload failed, keeping version", number)
    client = new_session()
    final, _, _ = client.message(not_owned, queue_id=f"KEPT{number}")
    expect(final, "replycode", f"after the invalid {broken} the previous configuration still applies")
    client.close()
PY
grep -E "reload failed, keeping version [0-9a-f]+: $IT_DIR/senderguard.toml:[0-9]+: " "$IT_DIR/senderguard.log" >/dev/null ||
    fail "the failed reload did not log file:line: reason"
grep -c "reload failed" "$IT_DIR/senderguard.log" | grep -qx 2 || fail "expected two failed reloads in the log"
it_alive || fail "the daemon died"
it_stop
pass "SIGUSR1 reload: new snapshot for new connections, invalid files keep the old one"
