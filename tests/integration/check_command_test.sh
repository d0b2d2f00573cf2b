#!/usr/bin/env bash
# check_command_test.sh - `senderguard check` (DESIGN.md "Offline command"): the same
# engine as the milter on a .eml file or stdin; text and --json output; exit 0 whatever
# the verdict, 1 when the message cannot be read, 2 on usage or configuration errors.
# With [dns] local_data (offline): a forged domain publishing "v=spf1 -all" and DMARC
# p=reject, sent from a foreign IP, is rejected, and --json carries our
# Authentication-Results value (authentication_results); text mode prints it too.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
it_init check_command "${1:-}"
command -v python3 >/dev/null || skip "python3 not installed"

printf 'From: "bob@example.net" <alice@example.com>\r\nTo: bob@example.org\r\nSubject: t\r\n\r\nbody\r\n' \
    >"$IT_DIR/display_name.eml"
printf 'From: CEO <ceo@example.com>\nTo: bob@example.org\nSubject: t\n\nbody\n' >"$IT_DIR/not_owned.eml"
printf '[policy.actions]\n"identity.from_not_owned" = "reject"\n' >"$IT_DIR/reject.toml"
it_write_config "$IT_DIR/reject_config.toml" "$IT_DIR/reject.toml"

out="$("$IT_BIN" check --auth-user alice@example.com --mail-from '<alice@example.com>' --rcpt bob@example.org \
    "$IT_DIR/display_name.eml")" || fail "check exited $? on a tagged message"
grep -q '^action: tag$' <<<"$out" || fail "text output lacks 'action: tag': $out"
grep -q 'identity.display_name_address' <<<"$out" || fail "text output lacks the finding: $out"

json="$("$IT_BIN" check --json --config "$IT_DIR/reject_config.toml" --client-ip 192.0.2.10 --helo client.example.com \
    --auth-user alice@example.com --mail-from alice@example.com --rcpt a@example.org --rcpt b@example.org - \
    <"$IT_DIR/not_owned.eml")" || fail "check --json exited $? on a rejected message"
python3 - "$json" <<'PY' || fail "unexpected --json output: $json"
import json, sys
verdict = json.loads(sys.argv[1])
assert verdict["action"] == "reject" and verdict["applied_action"] == "reject", verdict
assert isinstance(verdict["score"], (int, float))
ids = [finding["id"] for finding in verdict["findings"]]
assert "identity.from_not_owned" in ids, ids
assert all({"id", "score", "evidence"} <= set(finding) for finding in verdict["findings"])
record = verdict["evidence_record"]
assert record["email"]["to"]["address"] == ["a@example.org", "b@example.org"], record["email"]["to"]
assert record["source"]["ip"] == "192.0.2.10" and record["user"]["name"] == "alice@example.com"
PY

printf 'forged.example.          TXT "v=spf1 -all"\n_dmarc.forged.example.   TXT "v=DMARC1; p=reject"\n' \
    >"$IT_DIR/local.zone"
printf 'From: CEO <ceo@forged.example>\r\nTo: bob@example.org\r\nSubject: wire money\r\n\r\nnow\r\n' \
    >"$IT_DIR/forged.eml"
it_write_config "$IT_DIR/dns_config.toml"
json="$("$IT_BIN" check --json --config "$IT_DIR/dns_config.toml" --client-ip 203.0.113.9 --helo mail.attacker.example \
    --mail-from ceo@forged.example --rcpt bob@example.org "$IT_DIR/forged.eml")" ||
    fail "check --json exited $? on a DMARC reject"
python3 - "$json" <<'PY' || fail "unexpected --json output for the forged domain: $json"
import json, sys
verdict = json.loads(sys.argv[1])
assert verdict["action"] == "reject", verdict["action"]
assert "dmarc.fail" in [finding["id"] for finding in verdict["findings"]], verdict["findings"]
results = verdict["authentication_results"]
assert results.startswith("mx.test.example;"), results
for fragment in ("spf=fail", "smtp.mailfrom=forged.example", "dkim=none", "dmarc=fail", "p=reject",
                 "header.from=forged.example"):
    assert fragment in results, (fragment, results)
PY
out="$("$IT_BIN" check --config "$IT_DIR/dns_config.toml" --client-ip 203.0.113.9 --mail-from ceo@forged.example \
    "$IT_DIR/forged.eml")" || fail "check exited $? on a DMARC reject"
grep -q '^action: reject$' <<<"$out" || fail "text output lacks 'action: reject': $out"
grep -q '^authentication-results: mx.test.example; spf=fail .*dmarc=fail' <<<"$out" ||
    fail "text output lacks the one-line authentication-results: $out"
"$IT_BIN" check --help | grep -q 'offline: set \[dns\] local_data to answer lookups from a file' ||
    fail "check --help does not explain offline DNS"

expect_status() { # WANTED ARGS...: run check, compare the exit status
    local wanted="$1" rc=0
    shift
    "$IT_BIN" check "$@" >/dev/null 2>"$IT_DIR/stderr" || rc=$?
    [[ "$rc" == "$wanted" ]] || fail "check $*: exit $rc, wanted $wanted ($(cat "$IT_DIR/stderr"))"
}
expect_status 1 "$IT_DIR/no-such-message.eml"
grep -q "no-such-message.eml" "$IT_DIR/stderr" || fail "unreadable message not named"
expect_status 2 --config "$IT_DIR/no-such-config.toml" "$IT_DIR/not_owned.eml"
expect_status 2 --client-ip not-an-ip "$IT_DIR/not_owned.eml"
expect_status 2
expect_status 0 --auth-user alice@example.com "$IT_DIR/not_owned.eml"
pass "check: text, --json, DMARC reject from local data, exit 0/1/2"
