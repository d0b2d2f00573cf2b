#!/usr/bin/env bash
# authentication_milter_auth.sh - SPF / DKIM / DMARC results of `senderguard check` on
# FastMail authentication_milter's end-to-end cases (corpus/authentication-milter
# manifest.json), messages and DNS written independently of this project.
#
#   DNS:   the corpus zonefile (BIND-style RRs) converted at test time into the
#          [dns] local_data format (absolute names, TXT strings quoted <= 255 octets);
#          its ";ERROR,<name>,<type>,NXDOMAIN" lines are dropped: absent = NXDOMAIN.
#          No other resolver is ever asked.
#   case:  every manifest transaction with upstream results: client_ip -> --client-ip,
#          client_name -> --client-name, helo -> --helo, mail_from (its address; ESMTP
#          parameters after "<...>" dropped) -> --mail-from, rcpt_to -> --rcpt.
#          Compared with expected_authentication_results.results: spf ->
#          evidence_record...authentication.spf.result, dkim -> .dkim[].result (in
#          order; none = no signature), dmarc -> .dmarc.result; and, when `check`
#          prints an "authentication_results" string, the same three methods in it.
#          With the hide_none config upstream omits a "none" result: absent = none.
#          A 550 "DMARC policy violation" (hard reject config; the SMTP harness
#          lists only the 550) is dmarc=fail.
#   scope: our model is an unauthenticated external client. authentication_milter's
#          config (config/*/authentication_milter.json) changes that for some cases:
#          ip_map rewrites the client (applied here the same way); a loopback client
#          (LocalIP handler) or one in TrustedIP's list gets no SPF/DMARC upstream -
#          those run with the address in identity.trusted_networks and assert DKIM
#          only (DKIM is verified for every message, docs/configuration.md).
#          Dry-run/timeout cases (no header added) and pipelined transactions (no
#          per-message results) are listed as not applicable.
#   engine bugs (asserted, not listed as differences): an envelope sender our own
#          parser reads differently from SPF - "marc@ marcbradshaw.net" (SPF queries
#          " marcbradshaw.net" with the space, none; upstream and our envelope parsing (the
#          alignment check) read marcbradshaw.net: pass) and "test@goestheweasel.com,
#          test@marcbradshaw.net" (no usable domain for the alignment check, yet SPF
#          evaluates marcbradshaw.net: softfail; upstream none).
# Usage: authentication_milter_auth.sh SENDERGUARD CORPUS_ROOT
# shellcheck disable=SC2034  # read by common.sh
KD_SET=authentication-milter/authentication
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
corpus_init authentication-milter "$@"

MANIFEST=$SET_DIR/manifest.json
ZONEFILE=$SET_DIR/zonefile
for f in "$MANIFEST" "$ZONEFILE"; do
    [[ -r $f ]] || { fail "$(basename "$f")" "missing from the corpus"; finish; }
done

# --- zonefile -> local data -------------------------------------------------------
LOCAL_DATA=$WORK/zone.local
awk '
function abs(n) { return (n ~ /\.$/) ? n : n "." }
# TXT rdata: quoted and bare character-strings, "( ... )" grouping; each string
# quoted, split at 255 octets
function txt(rest,   out, tok, i, n) {
    out = ""; n = 0
    while (1) {
        sub(/^[ \t()]+/, "", rest)
        if (rest == "") break
        if (substr(rest, 1, 1) == "\"") {
            i = index(substr(rest, 2), "\"")
            if (i == 0) { tok = substr(rest, 2); rest = "" }
            else { tok = substr(rest, 2, i - 1); rest = substr(rest, i + 2) }
        } else {
            match(rest, /^[^ \t()]+/); tok = substr(rest, 1, RLENGTH); rest = substr(rest, RLENGTH + 1)
        }
        do { out = out " \"" substr(tok, 1, 255) "\""; tok = substr(tok, 256); n++ } while (length(tok) > 0)
    }
    return n ? out : " \"\""
}
/^[ \t]*(;|$)/ { next }   # comments, incl. ;ERROR,<name>,<type>,NXDOMAIN (absent = NXDOMAIN)
{
    name = $1; i = 2; ttl = ""
    if ($i ~ /^[0-9]+$/) { ttl = " " $i; i++ }
    if (toupper($i) == "IN") i++
    type = toupper($i)
    rest = $0
    for (k = 1; k <= i; k++) sub(/^[ \t]*[^ \t]+/, "", rest)
    sub(/^[ \t]+/, "", rest); sub(/[ \t]+$/, "", rest)
    if (type == "TXT" || type == "SPF") { printf "%s%s %s%s\n", abs(name), ttl, type, txt(rest); next }
    gsub(/[()]/, "", rest); sub(/^[ \t]+/, "", rest); sub(/[ \t]+$/, "", rest)
    if (type == "CNAME" || type == "PTR" || type == "NS") rest = abs(rest)
    else if (type == "MX") { split(rest, m, /[ \t]+/); rest = m[1] " " abs(m[2]) }
    printf "%s%s %s %s\n", abs(name), ttl, type, rest
}' "$ZONEFILE" >"$LOCAL_DATA"
n_rr=$(grep -c . "$LOCAL_DATA")
n_zone=$(grep -c -v -E '^[[:space:]]*(;|$)' "$ZONEFILE")
[[ $n_rr == "$n_zone" && $n_rr -gt 0 ]] ||
    fail "zonefile" "converted $n_rr records of $n_zone resource-record lines"

# --- authentication_milter configs (relaxed JSON: '#' lines, trailing commas) ------
declare -A CONF=()
am_config() {
    local file=$SET_DIR/$1
    if [[ -z ${CONF[$1]+x} ]]; then
        CONF[$1]=$(sed -e '/^[[:space:]]*#/d' "$file" | tr '\n' ' ' |
            sed -e 's/,[[:space:]]*}/}/g' -e 's/,[[:space:]]*]/]/g' | jq -c . 2>/dev/null)
    fi
    printf '%s' "${CONF[$1]}"
}
ip4_num() {
    local IFS=. a b c d
    read -r a b c d <<<"$1"
    [[ $a =~ ^[0-9]+$ && $b =~ ^[0-9]+$ && $c =~ ^[0-9]+$ && $d =~ ^[0-9]+$ ]] || return 1
    echo $(((a << 24) + (b << 16) + (c << 8) + d))
}
# in_net IP NET - IPv4 address in "a.b.c.d[/len]"
in_net() {
    local ip net=${2%/*} len=32 n m
    [[ $2 == */* ]] && len=${2#*/}
    ip=$(ip4_num "$1") || return 1
    n=$(ip4_num "$net") || return 1
    m=$(((0xffffffff << (32 - len)) & 0xffffffff))
    (((ip & m) == (n & m)))
}

# Configs: the DMARC hide_none one omits "none" results; a TrustedIP handler trusts
# its list, a LocalIP handler the loopback network.
TRUST_TOML=$WORK/trusted.toml
PLAIN_TOML=$WORK/plain.toml
auth_config "$PLAIN_TOML" "$LOCAL_DATA"

declare -A SEEN_LABEL=()
n_cases=0
while IFS=$'\x1f' read -r harness desc source ip cname helo mail_from rcpts config expected; do
    n_cases=$((n_cases + 1))
    base=$(basename "$source")
    label="$harness: $desc ($base)"
    if [[ -n ${SEEN_LABEL[$label]+x} ]]; then
        SEEN_LABEL[$label]=$((SEEN_LABEL[$label] + 1))
        label+=" #${SEEN_LABEL[$label]}"
    else
        SEEN_LABEL[$label]=1
    fi
    conf=$(am_config "$config")
    if [[ -z $conf ]]; then
        fail "$label" "cannot read $config"
        continue
    fi
    case $expected in
        NONE_ADDED*) skip "$label" "upstream adds no Authentication-Results (${expected#NONE_ADDED })"; continue ;;
        PIPELINED*) skip "$label" "pipelined transaction: the manifest has no per-message results"; continue ;;
        UNKNOWN) fail "$label" "no expected results readable from the manifest"; continue ;;
    esac

    # The client as authentication_milter saw it.
    mapped=$(jq -r --arg ip "$ip" '(.ip_map // {}) | to_entries[] | [.key, .value.ip, .value.helo] | join(" ")' <<<"$conf" |
        while read -r net to_ip to_helo; do
            if in_net "$ip" "$net"; then echo "$to_ip $to_helo"; break; fi
        done)
    note=''
    if [[ -n $mapped ]]; then
        note=" (ip_map $ip -> ${mapped% *})"
        ip=${mapped% *} helo=${mapped#* } cname=${mapped#* }
    fi
    scope=external
    if jq -e '.handlers | has("LocalIP")' <<<"$conf" >/dev/null && in_net "$ip" 127.0.0.0/8; then
        scope=local
    elif jq -e --arg ip "$ip" '.handlers.TrustedIP.trusted_ip_list // [] | index($ip)' <<<"$conf" >/dev/null; then
        scope=trusted
    fi
    scope_text=''
    [[ $scope == external ]] || scope_text=" ($scope client, in identity.trusted_networks)"
    hide_none=$(jq -r '.hide_none // 0' <<<"$conf")

    args=(--client-ip "$ip" --client-name "$cname" --helo "$helo")
    env_from=$mail_from
    [[ $env_from =~ ^(\<[^\>]*\>) ]] && env_from=${BASH_REMATCH[1]}
    [[ -n $env_from ]] && args+=(--mail-from "$env_from")
    IFS=$'\x1e' read -ra rcpt <<<"$rcpts"
    for r in "${rcpt[@]}"; do args+=(--rcpt "$r"); done
    cfg=$PLAIN_TOML
    if [[ $scope != external ]]; then
        auth_config "$TRUST_TOML" "$LOCAL_DATA" "$(printf '[identity]\ntrusted_networks = ["%s/32"]\n' "$ip")"
        cfg=$TRUST_TOML
    fi
    if ! sg_run --config "$cfg" "${args[@]}" "$SET_DIR/$source"; then
        fail "$label" "$SG_ERROR"
        continue
    fi
    auth_results

    # expected: "spf=.. dkim=.. dmarc=.." ("" = not reported upstream)
    declare -A want=()
    if [[ $expected == REJECTED* ]]; then
        want[dmarc]=fail
    else
        for m in spf dkim dmarc; do
            v=$(jq -r --arg m "$m" '.[$m] // [] | join(",")' <<<"$expected")
            [[ -z $v && $hide_none == 1 ]] && v=none
            want[$m]=$v
        done
    fi
    declare -A got=([spf]=$AUTH_SPF [dkim]=$AUTH_DKIM [dmarc]=$AUTH_DMARC)
    env_text="client $ip$note, HELO $helo, MAIL FROM '${env_from}'"
    for m in spf dkim dmarc; do
        [[ -n ${want[$m]:-} ]] || continue
        if [[ $scope != external && $m != dkim ]]; then
            skip "$label [$m]" "$scope client: upstream runs no ${m^^} for it"
            continue
        fi
        judge "$label [$m]" "$env_text$scope_text: $m=${want[$m]}" \
            "$m=${want[$m]}" "$m=${got[$m]}" "$([[ ${got[$m]} == "${want[$m]}" ]] && echo 1 || echo 0)"
        if [[ -n $AUTH_AR ]]; then
            ar=$(ar_method "$AUTH_AR" "$m")
            judge "$label [$m in Authentication-Results]" "the header value says $m=${want[$m]}" \
                "$m=${want[$m]}" "AR $m=$ar" "$([[ $ar == "${want[$m]}" ]] && echo 1 || echo 0)"
        fi
    done
    unset want got
done < <(jq -r '.cases[] | . as $c
    | (if .transactions then [.transactions[] | . + {pipelined: true}] else [.] end)[]
    | [$c.harness, $c.description, .source, .client_ip, .client_name, .helo, (.mail_from // ""),
       ((.rcpt_to // []) | join("\u001e")), $c.config,
       (if .pipelined then "PIPELINED"
        elif ($c.expected_authentication_results.results | type) == "object"
        then ($c.expected_authentication_results.results | with_entries(select(.key == "spf" or .key == "dkim" or .key == "dmarc")) | tojson)
        elif $c.expected_authentication_results.rejected then "REJECTED " + $c.expected_authentication_results.rejected
        elif $c.expected_smtp_reply_at_eom == "550" then "REJECTED 550 at the end of the message"
        elif $c.expected_authentication_results.none_added then "NONE_ADDED " + $c.expected_authentication_results.none_added
        else "UNKNOWN" end)]
    | join("\u001f")' "$MANIFEST")
[[ $n_cases -ge 70 ]] || fail "manifest" "read $n_cases transactions, the corpus documents 70 cases"

finish
