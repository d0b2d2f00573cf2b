#!/usr/bin/env bash
# rspamd_functional.sh - rspamd's functional-test messages and cases (manifest.json of
# corpus/rspamd-functional) through `senderguard check`.
#
#   sweep: every scan of every manifest case, with its params as the envelope (IP ->
#          --client-ip, From -> --mail-from, Rcpt -> --rcpt, Helo -> --helo, Hostname ->
#          --client-name, User -> --auth-user): exit 0, a verdict object, the envelope
#          echoed in the evidence record, and no ownership finding without SMTP AUTH.
#   From:  the cases whose expectations concern the From header: GET_FROM /
#          GET_FROM_ORIG options (display name, address, local part, domain) against
#          evidence_record.email.from; MULTIPLE_FROM / MULTIPLE_UNIQUE_HEADERS ->
#          header.from_multiple; BROKEN_HEADERS / FROM_INVALID (phish_sender*.eml);
#          SA_* display-name spoof -> identity.display_name_impersonation with a
#          protected-names file written here; FROM_NEQ_ENVFROM -> exactly
#          header.from_envelope_misaligned, and (with its envelope as an SMTP AUTH
#          session) an ownership vector, as is the authenticated relay case. Elsewhere
#          the From comparisons leave the alignment finding out (common.sh).
# Usage: rspamd_functional.sh SENDERGUARD CORPUS_ROOT
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
corpus_init rspamd-functional "$@"

MANIFEST=$SET_DIR/manifest.json
if ! jq -e '.cases | length > 0' "$MANIFEST" >/dev/null 2>&1; then
    fail manifest "cannot read cases from $MANIFEST"
    finish
fi

# The scan params in a fixed order, as one field (jq side: PARAMS_JQ).
PARAMS_JQ='[.IP, .From, .Rcpt, .Helo, .Hostname, .User, ."Rewrite-Mime-From"]
    | map(. // "" | tostring) | join("\u001e")'

# scan_args PARAMS -> ARGS (check options) and P_IP P_FROM P_RCPT P_HELO P_HOST P_USER P_REWRITE
scan_args() {
    IFS=$'\x1e' read -r P_IP P_FROM P_RCPT P_HELO P_HOST P_USER P_REWRITE <<<"$1"
    ARGS=()
    [[ -n $P_IP ]] && ARGS+=(--client-ip "$P_IP")
    [[ -n $P_FROM ]] && ARGS+=(--mail-from "$P_FROM")
    [[ -n $P_RCPT ]] && ARGS+=(--rcpt "$P_RCPT")
    [[ -n $P_HELO ]] && ARGS+=(--helo "$P_HELO")
    [[ -n $P_HOST ]] && ARGS+=(--client-name "$P_HOST")
    [[ -n $P_USER ]] && ARGS+=(--auth-user "$P_USER")
    return 0
}

message_path() {
    case $1 in
        /*) printf '%s' "$1" ;;
        *) printf '%s/%s' "$SET_DIR" "$1" ;;
    esac
}

# --- sweep: every scan of every case ---------------------------------------------
while IFS=$'\x1f' read -r name nth scan params; do
    label="sweep: $name${nth:+ #$nth}"
    scan_args "$params"
    msg=$(message_path "$scan")
    if ! sg_run "${ARGS[@]}" "$msg"; then
        fail "$label" "$scan: $SG_ERROR"
        continue
    fi
    want_env=${P_FROM#<}; want_env=${want_env%>}
    want_ip=$P_IP want_helo=$P_HELO want_user=$P_USER
    owned=$(ownership_findings)
    expected="env=$want_env ip=$want_ip helo=$want_helo user=$want_user ownership=[]"
    [[ -n $want_user ]] && expected="env=$want_env ip=$want_ip helo=$want_helo user=$want_user"
    got="env=$ENV_FROM ip=$SRC_IP helo=$HELO user=$USER_NAME ownership=[$owned]"
    passed=0
    if [[ $ENV_FROM == "$want_env" && $SRC_IP == "$want_ip" && $HELO == "$want_helo" && $USER_NAME == "$want_user" ]] &&
        { [[ -n $want_user ]] || [[ -z $owned ]]; }; then
        passed=1
    fi
    judge "$label" "$scan: exit 0, verdict JSON, evidence record echoes the envelope ($expected)" \
        "$expected" "$got" "$passed"
done < <(jq -r "def PARAMS: $PARAMS_JQ;"' .cases[] | .case as $c
    | [.steps[] | select(.scan)] as $scans
    | $scans | to_entries[]
    | [$c, (if ($scans | length) > 1 then (.key + 1 | tostring) else "" end), .value.scan,
       (.value.params // {} | PARAMS)] | join("\u001f")' "$MANIFEST")

# --- From-header expectations ----------------------------------------------------

# GET_FROM / GET_FROM_ORIG options "display name,address,local,domain[,1]"
expect_get_from() {
    local label=$1 msg=$2 symbol=$3 options=$4
    local -a o
    IFS=, read -ra o <<<"$options"
    [[ $symbol == GET_FROM_ORIG ]] && unset 'o[${#o[@]}-1]'
    local n=${#o[@]}
    local domain=${o[n - 1]} localpart=${o[n - 2]} address=${o[n - 3]} dn
    dn=$(IFS=,; printf '%s' "${o[*]:0:n-3}")
    if [[ $address != "$localpart@$domain" ]]; then
        fail "$label" "cannot read the $symbol options '$options' from the manifest"
        return
    fi
    if ! sg_run "${ARGS[@]}" "$msg"; then
        fail "$label" "$SG_ERROR"
        return
    fi
    local expected="from=[$address] dn=\"$dn\" header.from=[]"
    local got="from=[$FROM_ADDRS] dn=\"$FROM_DN\" header.from=[$(from_findings)]"
    judge "$label" "$symbol '$options' -> email.from.address [$address], display_name \"$dn\", no header.from_* finding" \
        "$expected" "$got" "$([[ $got == "$expected" ]] && echo 1 || echo 0)"
}

# expect_findings LABEL WHAT MSG WANT_HEADER_FROM WANT_FROM_ADDRS [extra check options]
#   exact header.from_* findings and exact From address list
expect_findings() {
    local label=$1 what=$2 msg=$3 want_f=$4 want_a=$5
    shift 5
    if ! sg_run "$@" "$msg"; then
        fail "$label" "$SG_ERROR"
        return
    fi
    local expected="header.from=[$want_f] from=[$want_a]"
    local got="header.from=[$(from_findings)] from=[$FROM_ADDRS]"
    judge "$label" "$what" "$expected" "$got" "$([[ $got == "$expected" ]] && echo 1 || echo 0)"
}

# Protected names for the SpamAssassin-style display-name spoof cases: the brand the
# rspamd rule looks for, with the addresses that really are the bank's.
cat >"$WORK/protected_names" <<'EOF'
Bank of America: alerts@bankofamerica.com, onlinebanking@ealerts.bankofamerica.com
EOF
printf '[identity]\nprotected_names = "%s"\n[authentication]\nenabled = false\n' "$WORK/protected_names" >"$WORK/bofa.toml"
# Control: the same name owning the sending address (the rule's domain negation fails).
cat >"$WORK/protected_names_owned" <<'EOF'
Bank of America: alerts@bankofamerica.com, alerts@evil-spoof.example.org
EOF
printf '[identity]\nprotected_names = "%s"\n[authentication]\nenabled = false\n' "$WORK/protected_names_owned" >"$WORK/bofa_owned.toml"

expect_impersonation() {
    local label=$1 what=$2 msg=$3 config=$4 want=$5
    if ! sg_run --config "$config" "${ARGS[@]}" "$msg"; then
        fail "$label" "$SG_ERROR"
        return
    fi
    local got_imp=absent
    has identity.display_name_impersonation && got_imp=present
    local protected_name
    protected_name=$(jq -r '[.findings[] | select(.id == "identity.display_name_impersonation")
        | .evidence.protected_name // ""] | first // ""' "$OUT")
    local expected="impersonation=$want" got="impersonation=$got_imp action=$ACTION"
    local passed=0
    if [[ $want == present ]]; then
        expected+=" (Bank of America) action!=accept"
        got="impersonation=$got_imp${protected_name:+ ($protected_name)} action=$ACTION"
        [[ $got_imp == present && $protected_name == "Bank of America" && $ACTION != accept ]] && passed=1
    else
        expected+=" action=accept"
        [[ $got_imp == absent && $ACTION == accept ]] && passed=1
    fi
    judge "$label" "$what" "$expected" "$got" "$passed"
}

while IFS=$'\x1f' read -r name scan params check symbol options; do
    msg=$(message_path "$scan")
    scan_args "$params"
    base=$(basename "$scan")
    case "$check|$symbol" in
        "Expect Symbol With Exact Options|GET_FROM" | "Expect Symbol With Exact Options|GET_FROM_ORIG")
            if [[ $symbol == GET_FROM && $P_REWRITE != "" ]]; then
                continue # rspamd's own rewrite hook: only the wire From (GET_FROM_ORIG) applies here
            fi
            expect_get_from "$name [$symbol]" "$msg" "$symbol" "$options"
            ;;
        "Expect Symbol|GET_FROM")
            expect_findings "$name" "GET_FROM (no options): one From address parsed, no header.from_* finding" \
                "$msg" "" "user@example.org" "${ARGS[@]}"
            ;;
        *"|MULTIPLE_FROM")
            want_a=$(tr -d '<>' <<<"$options")
            case $base in
                phish_sender5.eml) # one From field, two mailboxes
                    expect_findings "$name" "MULTIPLE_FROM (one From, two mailboxes) -> header.from_multiple.mailboxes" \
                        "$msg" header.from_multiple.mailboxes "any@attack.com,any2@attack.com" "${ARGS[@]}" ;;
                *)
                    expect_findings "$name" "MULTIPLE_FROM $options -> header.from_multiple with both addresses" \
                        "$msg" header.from_multiple "$want_a" "${ARGS[@]}" ;;
            esac
            ;;
        *"|MULTIPLE_UNIQUE_HEADERS")
            expect_findings "$name" "MULTIPLE_UNIQUE_HEADERS From -> header.from_multiple (two From fields)" \
                "$msg" header.from_multiple "any@attack.com,admin@legitimate.com" "${ARGS[@]}"
            ;;
        *"|BROKEN_HEADERS")
            case $base in
                phish_sender2.eml | phish_sender4.eml)
                    # "From" alone on a line (its colon on the folded next line) is not a
                    # header field: the header section ends there, as Postfix cleanup
                    # (is_header) decides, so the MTA hands the milter no From at all.
                    expect_findings "$name" "BROKEN_HEADERS ('From' line without colon ends the header section) -> header.from_missing, no address taken from the broken field" \
                        "$msg" header.from_missing "" "${ARGS[@]}" ;;
                phish_sender3.eml)
                    # "From : <x>" is RFC 5322 obsolete syntax (WSP before the colon): a second From.
                    expect_findings "$name" "BROKEN_HEADERS ('From :' obsolete syntax is a second From) -> header.from_multiple" \
                        "$msg" header.from_multiple "any@attack.com,admin@legitimate.com" "${ARGS[@]}" ;;
                *) fail "$name" "BROKEN_HEADERS on $base: no expectation written for this message" ;;
            esac
            ;;
        *"|FROM_INVALID")
            # RFC 5322 4.4 obs-route: the route is dropped, the mailbox is test@attack.com.
            if ! sg_run "${ARGS[@]}" "$msg"; then
                fail "$name" "$SG_ERROR"
                continue
            fi
            ff=$(from_findings)
            judge "$name" "FROM_INVALID (obs-route <@test.com,@test.ru:test@attack.com>) -> From test@attack.com, at most header.from_unparsable.repaired" \
                "from=[test@attack.com] header.from=[] or [header.from_unparsable.repaired]" \
                "from=[$FROM_ADDRS] header.from=[$ff]" \
                "$([[ $FROM_ADDRS == test@attack.com && ($ff == "" || $ff == header.from_unparsable.repaired) ]] && echo 1 || echo 0)"
            ;;
        *"|SA_SEL_BOFA_DISPLAY")
            expect_impersonation "$name" "display name 'Bank of America Alerts' matches protected 'Bank of America' -> identity.display_name_impersonation" \
                "$msg" "$WORK/bofa.toml" present
            expect_impersonation "$name [no protected names]" "without identity.protected_names the check is skipped: no impersonation finding" \
                "$msg" /dev/null absent
            ;;
        *"|SA_SEL_BOFA_NOT_DOMAIN")
            expect_impersonation "$name" "From alerts@evil-spoof.example.org is not one of the bank's addresses -> identity.display_name_impersonation" \
                "$msg" "$WORK/bofa.toml" present
            expect_impersonation "$name [address owned]" "control: when the protected name owns alerts@evil-spoof.example.org there is no finding" \
                "$msg" "$WORK/bofa_owned.toml" absent
            ;;
        *"|SA_META_BOFA_SPOOF")
            expect_impersonation "$name" "display match AND foreign address -> identity.display_name_impersonation, message not accepted" \
                "$msg" "$WORK/bofa.toml" present
            expect_impersonation "$name [unrelated display name]" "control: from/from_dn.eml ('First Last') with the same list -> no finding" \
                "$SET_DIR/messages/from/from_dn.eml" "$WORK/bofa.toml" absent
            ;;
        *"|FROM_NEQ_ENVFROM")
            # The case itself: MAIL FROM test@test.net, From test@test.eu (another
            # organization) -> exactly header.from_envelope_misaligned (no DMARC pass:
            # authentication is off, so not the .authenticated variant).
            if sg_run "${ARGS[@]}" "$msg"; then
                got="misaligned=[$(alignment_findings)] header.from=[$(from_findings)] from=[$FROM_ADDRS]"
                want="misaligned=[$ALIGNMENT_FINDING] header.from=[] from=[test@test.eu]"
                judge "$name" "MAIL FROM $P_FROM, From test@test.eu -> $ALIGNMENT_FINDING, clean From parse" \
                    "$want" "$got" "$([[ $got == "$want" ]] && echo 1 || echo 0)"
            else
                fail "$name" "$SG_ERROR"
            fi
            # The same envelope as an authenticated session is an ownership vector: the
            # login owns its MAIL FROM test@test.net but not the header From test@test.eu.
            login=$P_FROM
            expect_findings "$name [ownership]" "AUTH $login, MAIL FROM $login, From test@test.eu -> identity.from_not_owned only" \
                "$msg" "" "test@test.eu" "${ARGS[@]}" --auth-user "$login"
            owned=$(ownership_findings)
            judge "$name [ownership findings]" "ownership findings for that session: from_not_owned, not envelope_not_owned" \
                "ownership=[identity.from_not_owned]" "ownership=[$owned]" \
                "$([[ $owned == identity.from_not_owned ]] && echo 1 || echo 0)"
            ;;
        *"|EXTERNAL_RELAY_TEST")
            if [[ $P_USER != "" ]]; then
                # authenticated session, message without a From header
                expect_findings "$name [identity]" "AUTH $P_USER, no From header -> header.from_missing, no from_not_owned" \
                    "$msg" header.from_missing "" "${ARGS[@]}"
                owned=$(ownership_findings)
                judge "$name [ownership findings]" "no header From to judge: no identity.from_not_owned" \
                    "ownership=[]" "ownership=[$owned]" "$([[ -z $owned ]] && echo 1 || echo 0)"
            fi
            ;;
    esac
done < <(jq -r "def PARAMS: $PARAMS_JQ;"' .cases[] | .case as $c
    | ([.steps[] | select(.scan)][0]) as $s
    | .steps[] | select(.check)
    | (.args // []) as $a
    | (if .check == "Expect Symbol With Score And Exact Options" then $a[2:]
       else $a[1:] end) as $opts
    | [$c, $s.scan, ($s.params // {} | PARAMS), .check, ($a[0] // ""), ($opts | join(","))]
    | join("\u001f")' "$MANIFEST")

finish
