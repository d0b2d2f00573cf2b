#!/usr/bin/env bash
# run_lua_test.sh - one miltertest scenario against the real daemon:
#   run_lua_test.sh SENDERGUARD_BINARY NAME
# Starts `senderguard run` with the base test configuration plus lua/NAME.toml (when
# present) and DNS answered from lua/NAME.zone (when present; else no record exists),
# runs lua/NAME.lua, checks the daemon survived, then stops it with SIGTERM and
# expects exit status 0.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
name="${2:?usage: run_lua_test.sh SENDERGUARD_BINARY NAME}"
it_init "$name" "${1:-}"

if [[ -f "$IT_HERE/lua/$name.zone" ]]; then cp "$IT_HERE/lua/$name.zone" "$IT_DIR/local.zone"; fi
extra=""
if [[ -f "$IT_HERE/lua/$name.toml" ]]; then extra="$IT_HERE/lua/$name.toml"; fi
it_write_config "$IT_DIR/senderguard.toml" "$extra"
it_start "$IT_DIR/senderguard.toml"

if ! it_miltertest "$IT_HERE/lua/$name.lua"; then
    it_alive || fail "miltertest failed and the daemon died"
    fail "scenario lua/$name.lua failed"
fi
it_alive || fail "the daemon died during the scenario"
it_stop
pass "lua/$name.lua"
