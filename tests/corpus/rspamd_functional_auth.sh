#!/usr/bin/env bash
# rspamd_functional_auth.sh - SPF / DKIM / DMARC results of `senderguard check` on
# rspamd's functional-test cases (corpus/rspamd-functional manifest.json), messages
# and DNS written independently of this project.
#
#   DNS:    fake-dns-records.json converted with jq at test time into the [dns]
#           local_data format: replies -> records (TXT split into quoted strings of
#           <= 255 octets, targets made absolute); rcode nxdomain -> omitted (absent =
#           NXDOMAIN); norec -> the name exists without the asked type (a placeholder
#           record of type SPF, which nothing queries, when the name has no other
#           record); timeout -> a `$TIMEOUT name.` directive (with query_timeout 200,
#           message_budget 1000). The file merges two rspamd configs (_source): the
#           cases of cases/001_merged/ (rspamd runs them with merged-local.conf) get
#           those records, the other suites the plugins.conf ones - merged, the two
#           _dmarc.reject.cacophony.za.org records would be two DMARC records. No other resolver is ever asked: names missing from
#           fake_records do not exist here, while rspamd asks the real DNS for them.
#   cases:  every check step on an R_SPF_* / R_DKIM_* / DMARC_* symbol, with the scan
#           before it: IP -> --client-ip, From -> --mail-from, Helo -> --helo,
#           Hostname -> --client-name, Rcpt -> --rcpt. A scan without IP (rspamd: no
#           SPF identity, DMARC on DKIM only) runs from 192.0.2.1 (TEST-NET-1, in no
#           record) with no MAIL FROM and no HELO, so SPF has no identity either.
#   symbols (manifest symbol_glossary) -> our results:
#           R_SPF_ALLOW / R_SPF_PLUSALL pass, R_SPF_FAIL fail, R_SPF_SOFTFAIL softfail,
#           R_SPF_NEUTRAL neutral, R_SPF_NA none, R_SPF_DNSFAIL temperror,
#           R_SPF_PERMFAIL permerror (evidence_record...authentication.spf.result);
#           R_DKIM_ALLOW pass, R_DKIM_REJECT fail, R_DKIM_PERMFAIL permerror,
#           R_DKIM_TEMPFAIL temperror (one of .dkim[].result), R_DKIM_NA no signature;
#           DMARC_POLICY_ALLOW pass, DMARC_POLICY_REJECT fail + dmarc.fail.policy_reject,
#           DMARC_POLICY_QUARANTINE fail + dmarc.fail, DMARC_POLICY_SOFTFAIL fail +
#           dmarc.fail.policy_none, DMARC_NA none, DMARC_DNSFAIL temperror
#           (.dmarc.result and the dmarc.* finding). "Do Not Expect Symbol" asserts
#           the opposite. When `check` prints an "authentication_results" string, the
#           same method is asserted in it too.
# Usage: rspamd_functional_auth.sh SENDERGUARD CORPUS_ROOT
# shellcheck disable=SC2034  # read by common.sh
KD_SET=rspamd-functional/authentication
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
corpus_init rspamd-functional "$@"

MANIFEST=$SET_DIR/manifest.json
RECORDS=$SET_DIR/fake-dns-records.json
for f in "$MANIFEST" "$RECORDS"; do
    [[ -r $f ]] || { fail "$(basename "$f")" "missing from the corpus"; finish; }
done

# --- fake-dns-records.json -> local data -----------------------------------------
# local_data FILE SOURCE - the records of one rspamd config (_source)
local_data() {
    jq -r --arg src "$2" '
    def abs: if endswith(".") then . else . + "." end;
    def quoted: if . == "" then "\"\""
        else [range(0; length; 255) as $i | "\"" + .[$i:$i + 255] + "\""] | join(" ") end;
    [.[] | select(._source == $src)] | unique_by([.name, .type, .rcode, .replies]) as $all
    | ($all | map(select(.replies) | .name | ascii_downcase) | unique) as $named
    | $all[]
    | (.name | ascii_downcase) as $key | (.name | abs) as $n | (.type | ascii_upcase) as $t
    | if .replies then .replies[] as $r
        | if $t == "TXT" or $t == "SPF" then "\($n) \($t) \($r | quoted)"
          elif $t == "MX" then ($r | split(" ")) as $m | "\($n) MX \($m[0]) \($m[1] | abs)"
          elif $t == "PTR" or $t == "CNAME" or $t == "NS" then "\($n) \($t) \($r | abs)"
          else "\($n) \($t) \($r)" end
      elif .rcode == "timeout" then "$TIMEOUT \($n)"
      elif .rcode == "norec" then
        (if ($named | index($key)) then empty
         else "\($n) SPF \"placeholder: the name exists, no record of the asked type (rspamd norec)\"" end)
      else empty end' "$RECORDS" | awk '!seen[$0]++' >"$1"
}
declare -A CONFIG=()
for src in merged-local.conf plugins.conf; do
    if ! local_data "$WORK/$src.local" "$src" || [[ ! -s $WORK/$src.local ]]; then
        fail "fake-dns-records.json" "no local data converted from the $src records"
        finish
    fi
    CONFIG[$src]=$WORK/$src.toml
    auth_config "${CONFIG[$src]}" "$WORK/$src.local"
done

NO_IP=192.0.2.1
PARAMS_JQ='[.IP, .From, .Rcpt, .Helo, .Hostname, .User]
    | map(. // "" | tostring) | join("\u001e")'

# symbol_want SYMBOL -> METHOD (spf|dkim|dmarc) and WANT (the canonical got text)
symbol_want() {
    METHOD='' WANT=''
    case $1 in
        R_SPF_ALLOW | R_SPF_PLUSALL) METHOD=spf WANT=pass ;;
        R_SPF_FAIL) METHOD=spf WANT=fail ;;
        R_SPF_SOFTFAIL) METHOD=spf WANT=softfail ;;
        R_SPF_NEUTRAL) METHOD=spf WANT=neutral ;;
        R_SPF_NA) METHOD=spf WANT=none ;;
        R_SPF_DNSFAIL) METHOD=spf WANT=temperror ;;
        R_SPF_PERMFAIL) METHOD=spf WANT=permerror ;;
        R_DKIM_ALLOW) METHOD=dkim WANT=pass ;;
        R_DKIM_REJECT) METHOD=dkim WANT=fail ;;
        R_DKIM_PERMFAIL) METHOD=dkim WANT=permerror ;;
        R_DKIM_TEMPFAIL) METHOD=dkim WANT=temperror ;;
        R_DKIM_NA) METHOD=dkim WANT=none ;;
        DMARC_POLICY_ALLOW) METHOD=dmarc WANT="pass []" ;;
        DMARC_POLICY_REJECT) METHOD=dmarc WANT="fail [dmarc.fail.policy_reject]" ;;
        DMARC_POLICY_QUARANTINE) METHOD=dmarc WANT="fail [dmarc.fail]" ;;
        DMARC_POLICY_SOFTFAIL) METHOD=dmarc WANT="fail [dmarc.fail.policy_none]" ;;
        DMARC_NA) METHOD=dmarc WANT="none []" ;;
        DMARC_DNSFAIL) METHOD=dmarc WANT="temperror []" ;;
        *) return 1 ;;
    esac
}

# dmarc_findings - the dmarc.* findings of FINDINGS
dmarc_findings() {
    local f out=''
    IFS=, read -ra _ff <<<"$FINDINGS"
    for f in "${_ff[@]}"; do [[ $f == dmarc.* ]] && out+=${out:+,}$f; done
    printf '%s' "$out"
}

n_checks=0
while IFS=$'\x1f' read -r robot name nth scan params check args; do
    n_checks=$((n_checks + 1))
    IFS=$'\x1e' read -ra a <<<"$args"
    symbol=${a[0]}
    label="$name${nth:+ #$nth} [$check ${args//$'\x1e'/ }]"
    if ! symbol_want "$symbol"; then
        fail "$label" "no mapping for $symbol"
        continue
    fi
    IFS=$'\x1e' read -r p_ip p_from p_rcpt p_helo p_host p_user <<<"$params"
    run=()
    if [[ -n $p_ip ]]; then run+=(--client-ip "$p_ip"); else run+=(--client-ip "$NO_IP"); fi
    [[ -n $p_from ]] && run+=(--mail-from "$p_from")
    [[ -n $p_rcpt ]] && run+=(--rcpt "$p_rcpt")
    [[ -n $p_helo ]] && run+=(--helo "$p_helo")
    [[ -n $p_host ]] && run+=(--client-name "$p_host")
    [[ -n $p_user ]] && run+=(--auth-user "$p_user")
    msg=$scan
    [[ $msg == /* ]] || msg=$SET_DIR/$scan
    # rspamd runs the 001_merged suites with merged-local.conf, the others with plugins.conf
    src=plugins.conf
    [[ $robot == cases/001_merged/* ]] && src=merged-local.conf
    if ! sg_run --config "${CONFIG[$src]}" "${run[@]}" "$msg"; then
        fail "$label" "$SG_ERROR"
        continue
    fi
    auth_results
    env_text="$scan from ${p_ip:-$NO_IP (no IP)}, MAIL FROM '${p_from}'${p_helo:+, HELO $p_helo}"

    negate=0
    [[ $check == "Do Not Expect Symbol" ]] && negate=1
    case $METHOD in
        spf) got="spf=$AUTH_SPF" want="spf=$WANT"
             [[ $got == "$want" ]] && hit=1 || hit=0
             ar_want=$WANT ;;
        dkim) got="dkim=[$AUTH_DKIM]"
              if [[ $WANT == none ]]; then
                  want="dkim=[none]"; [[ $AUTH_DKIM == none ]] && hit=1 || hit=0
              else
                  want="dkim=[..$WANT..]"; [[ ,$AUTH_DKIM, == *",$WANT,"* ]] && hit=1 || hit=0
              fi
              ar_want=$WANT ;;
        dmarc) got="dmarc=$AUTH_DMARC [$(dmarc_findings)]" want="dmarc=$WANT"
               if [[ $check == "Expect Symbol With Option" ]]; then
                   # the option is the From domain DMARC evaluated
                   from_domain=$(jq -r '.evidence_record.senderguard.authentication.dmarc.from_domain // ""' "$OUT")
                   got+=" from_domain=$from_domain" want+=" from_domain=${a[1]}"
               fi
               [[ $got == "$want" ]] && hit=1 || hit=0
               ar_want=${WANT%% *} ;;
    esac
    if ((negate)); then
        judge "$label" "$env_text: not $want" "not $want" "$got" "$((1 - hit))"
    else
        judge "$label" "$env_text: $want" "$want" "$got" "$hit"
    fi
    if [[ -n $AUTH_AR ]]; then
        ar=$(ar_method "$AUTH_AR" "$METHOD")
        if [[ $METHOD == dkim && $ar_want != none ]]; then
            [[ ,$ar, == *",$ar_want,"* ]] && hit=1 || hit=0
        else
            [[ $ar == "$ar_want" ]] && hit=1 || hit=0
        fi
        ((negate)) && hit=$((1 - hit))
        judge "$label [in Authentication-Results]" "the header value says $METHOD=${ar_want}$( ((negate)) && echo ' is not there')" \
            "$( ((negate)) && echo 'not ')AR $METHOD=$ar_want" "AR $METHOD=$ar" "$hit"
    fi
done < <(jq -r "def PARAMS: $PARAMS_JQ;"' .cases[] | .case as $c | .robot_file as $robot
    | ([.steps[] | select(.scan)] | length) as $nscans
    | foreach .steps[] as $s ({scan: null, n: 0, check: null};
        if $s.scan then .scan = $s | .n += 1 | .check = null else .check = $s end;
        select(.check != null and .scan != null
               and ((.check.args // [])[0] // "" | test("^(R_SPF_|R_DKIM_|DMARC_)"))))
    | [$robot, $c, (if $nscans > 1 then (.n | tostring) else "" end), .scan.scan,
       (.scan.params // {} | PARAMS), .check.check, ((.check.args // []) | join("\u001e"))]
    | join("\u001f")' "$MANIFEST")
[[ $n_checks -gt 0 ]] || fail "manifest" "no SPF/DKIM/DMARC checks read from manifest.json"

finish
