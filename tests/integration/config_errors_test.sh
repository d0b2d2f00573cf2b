#!/usr/bin/env bash
# config_errors_test.sh - configuration errors are reported as `file:line: reason` with
# exit status 2, by `config-test` and by `run` (which then never opens its socket);
# a valid file passes config-test with its version.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init config_errors "${1:-}"

good="$IT_DIR/good.toml"
it_write_config "$good"
out="$("$IT_BIN" config-test --config "$good")" || fail "config-test rejected a valid file"
[[ "$out" =~ ^"$good: configuration OK (version "[0-9a-f]+")"$ ]] || fail "unexpected config-test output: $out"
"$IT_BIN" config-test --config "$good" --dump | grep -q "^socket = \"unix:$IT_SOCKET\"$" || fail "--dump lacks the socket"

check_error() { # FILE EXPECTED_REGEX: config-test and run both exit 2 with that message
    local file="$1" regex="$2" rc err
    rc=0
    err="$("$IT_BIN" config-test --config "$file" 2>&1 >/dev/null)" || rc=$?
    [[ "$rc" == 2 ]] || fail "config-test $file: exit $rc, wanted 2"
    [[ "$err" =~ $regex ]] || fail "config-test $file: message '$err' does not match $regex"
    rc=0
    err="$("$IT_BIN" run --config "$file" 2>&1 </dev/null)" || rc=$?
    [[ "$rc" == 2 ]] || fail "run $file: exit $rc, wanted 2"
    [[ "$err" =~ $regex ]] || fail "run $file: message '$err' does not match $regex"
    [[ ! -e "$IT_SOCKET" ]] || fail "run $file opened its socket despite the error"
}

printf '[policy]\ntag_threshold = "high"\n' >"$IT_DIR/bad_value.toml"
check_error "$IT_DIR/bad_value.toml" "^$IT_DIR/bad_value.toml:2: .*tag_threshold"
printf '[milter]\nsocket = "unix:%s"\n[policy\n' "$IT_SOCKET" >"$IT_DIR/bad_syntax.toml"
check_error "$IT_DIR/bad_syntax.toml" "^$IT_DIR/bad_syntax.toml:3: "
printf '[policy.actions]\n"identity.from_not_owned" = "explode"\n' >"$IT_DIR/bad_action.toml"
check_error "$IT_DIR/bad_action.toml" "^$IT_DIR/bad_action.toml:2: .*explode"
check_error "$IT_DIR/missing.toml" "^$IT_DIR/missing.toml: "

rc=0
"$IT_BIN" run >/dev/null 2>&1 || rc=$?
[[ "$rc" == 2 ]] || fail "run without --config: exit $rc, wanted 2"
rc=0
"$IT_BIN" frobnicate >/dev/null 2>&1 || rc=$?
[[ "$rc" == 2 ]] || fail "unknown subcommand: exit $rc, wanted 2"
"$IT_BIN" --help | grep -q "Exit status:" || fail "--help does not document the exit status"
"$IT_BIN" run --help | grep -q "SIGUSR1" || fail "run --help does not document SIGUSR1"

# A user that does not exist is a startup failure (exit 1) naming the user; only
# meaningful as root, since otherwise privileges are not dropped at all.
if [[ "$(id -u)" == 0 ]]; then
    sed 's/^\[milter\]$/[milter]\nuser = "no-such-user-senderguard"/' "$good" >"$IT_DIR/bad_user.toml"
    rc=0
    err="$("$IT_BIN" run --config "$IT_DIR/bad_user.toml" 2>&1 </dev/null)" || rc=$?
    [[ "$rc" == 1 ]] || fail "run with an unknown user: exit $rc, wanted 1"
    grep -q "no such user 'no-such-user-senderguard'" <<<"$err" || fail "unknown user message: $err"
    [[ ! -e "$IT_SOCKET" ]] || fail "socket left behind after the failed start"
fi
pass "config errors: file:line: reason, exit 2"
