#!/usr/bin/env bash
# nodelay_test.sh - over an inet: socket the daemon's accepted MTA connections have
# TCP_NODELAY set (set once on the listening socket, inherited on Linux), so a header
# change followed by the end-of-message reply never waits for Nagle + delayed ACK.
# Reads the option on the daemon's own accepted socket with pidfd_getfd(2), then times
# 50 tagged messages on one connection (with Nagle each would stall ~40 ms).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init nodelay "${1:-}"
command -v python3 >/dev/null || skip "python3 not installed"
command -v ss >/dev/null || skip "ss (iproute2) not installed"

IT_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
it_write_config "$IT_DIR/senderguard.toml"
sed -i "s|^socket = .*|socket = \"inet:$IT_PORT@127.0.0.1\"|" "$IT_DIR/senderguard.toml"
it_start "$IT_DIR/senderguard.toml"
grep -q "TCP_NODELAY set on the listening socket" "$IT_DIR/senderguard.log" || fail "no TCP_NODELAY log line"

python3 "$IT_HERE/milter_client.py" "inet:$IT_PORT@127.0.0.1" nodelay "$IT_PID" ||
    fail "TCP_NODELAY check on the accepted socket failed"

python3 - "$IT_PORT" "$IT_HERE" <<'PY' || fail "tagged messages over inet were slow (Nagle?)"
import sys, time
sys.path.insert(0, sys.argv[2])
import milter_client
client = milter_client.MilterClient(f"inet:{sys.argv[1]}@127.0.0.1")
client.open_session()
start = time.monotonic()
for i in range(50):
    final, _, modifications = client.message([(b"From", b'"bob@example.net" <alice@example.com>')], queue_id=f"NAGLE{i}")
    assert final == "continue" and modifications, (final, modifications)
elapsed = time.monotonic() - start
client.close()
print(f"ok 50 tagged messages over inet in {elapsed * 1000:.0f} ms")
# With Nagle + delayed ACK each message waits ~40 ms (2 s in all); allow a slow machine.
sys.exit(0 if elapsed < 1.0 else 1)
PY
it_stop
pass "TCP_NODELAY on accepted inet connections"
