#!/usr/bin/env bash
# python_scenario_test.sh - a milter_client.py scenario against the real daemon:
#   python_scenario_test.sh SENDERGUARD_BINARY SCENARIO
# hostile-large: oversized hostile From headers (beyond miltertest's 1 KiB buffer) and a
# normal message afterwards; old-mta: an MTA offering no "no reply" stages (nor
# SMFIP_HDR_LEADSPC) still gets an answer at every stage; header-order: every header
# edit of a tagged message with forged headers, in the order sent. The daemon must
# survive and exit 0 on SIGTERM.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
scenario="${2:?usage: python_scenario_test.sh SENDERGUARD_BINARY SCENARIO}"
it_init "$scenario" "${1:-}"
command -v python3 >/dev/null || skip "python3 not installed"

it_write_config "$IT_DIR/senderguard.toml"
it_start "$IT_DIR/senderguard.toml"
python3 "$IT_HERE/milter_client.py" "unix:$IT_SOCKET" "$scenario" || fail "milter_client.py $scenario failed"
it_alive || fail "the daemon died during the scenario"
it_stop
pass "$scenario"
