#!/usr/bin/env bash
# authentication_milter.sh - FastMail authentication_milter test vectors
# (corpus/authentication-milter) through `senderguard check`.
#
#   aligned-from: the 26 AlignedFrom vectors (aligned-from-cases.yaml), message built
#     from its message_template and the case's From line, envelope from the case:
#     missing / empty / duplicate From and several From addresses must give
#     header.from_missing / header.from_unparsable / header.from_multiple, the others
#     parse the From cleanly; and every case asserts the alignment exactly: upstream
#     pass / domain_pass / orgdomain_pass -> no header.from_envelope_misaligned, fail ->
#     the finding, permerror -> per our documented rule (null sender not judged).
#   handler: handler-cases.yaml - the DMARC and multiple-From messages (From findings),
#     the SPF-upgrade message (parses), and the SMTP AUTH present/absent vectors
#     (identity.from_not_owned only with a login that does not own the From).
#   source: every source/*.eml evaluates (exit 0, verdict JSON) with its From findings,
#     and every manifest.json transaction with its envelope (no ownership finding
#     without AUTH).
# Usage: authentication_milter.sh SENDERGUARD CORPUS_ROOT
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
corpus_init authentication-milter "$@"

ALIGNED=$SET_DIR/aligned-from-cases.yaml
HANDLER=$SET_DIR/handler-cases.yaml
MANIFEST=$SET_DIR/manifest.json
for f in "$ALIGNED" "$HANDLER" "$MANIFEST"; do
    [[ -r $f ]] || { fail "$(basename "$f")" "missing from the corpus"; finish; }
done

NL=$'\n'

# check_from LABEL WHAT MSG WANT_HEADER_FROM WANT_FROM_ADDRS WANT_OWNERSHIP [check options]
check_from() {
    local label=$1 what=$2 msg=$3 want_f=$4 want_a=$5 want_o=$6
    shift 6
    if ! sg_run "$@" "$msg"; then
        fail "$label" "$SG_ERROR"
        return
    fi
    local expected="header.from=[$want_f] from=[$want_a] ownership=[$want_o]"
    local got="header.from=[$(from_findings)] from=[$FROM_ADDRS] ownership=[$(ownership_findings)]"
    judge "$label" "$what" "$expected" "$got" "$([[ $got == "$expected" ]] && echo 1 || echo 0)"
}

# --- aligned-from-cases.yaml -----------------------------------------------------
# A reader for this file's YAML subset: "- name:" entries under "groups:", plain and
# single-quoted scalars, single-quoted scalars folded over several lines (a line break
# is a space, an empty line a newline). Emits group, name, mailfrom, from, result
# (newlines as \x1e), and the message_template as a TEMPLATE record.
read_aligned_cases() {
    awk '
    function closes(s,   n) {
        n = 0
        while (n < length(s) && substr(s, length(s) - n, 1) == "\x27") n++
        return n % 2 == 1
    }
    function unq(s) { gsub(/\x27\x27/, "\x27", s); return s }
    function store(k, v) {
        if (k == "message_template") printf "TEMPLATE\x1f%s\n", v
        else if (in_entry) e[k] = v
    }
    function emit() {
        if (in_entry)
            printf "%s\x1f%s\x1f%s\x1f%s\x1f%s\n", grp, e["name"], e["mailfrom"], e["from"], e["result"]
        in_entry = 0
        delete e
    }
    ml {
        t = $0; sub(/^[ \t]+/, "", t); sub(/[ \t]+$/, "", t)
        last = closes(t)
        if (last) t = substr(t, 1, length(t) - 1)
        if (t == "" && !last) { breaks++; next }
        if (breaks == 0) buf = buf " " t
        else { for (i = 0; i < breaks; i++) buf = buf "\x1e"; buf = buf t }
        breaks = 0
        if (last) { store(mkey, unq(buf)); ml = 0 }
        next
    }
    /^groups:/ { ingroups = 1; next }
    /^[^ #]/ { emit(); ingroups = 0 }
    ingroups && /^  [^ -]/ {
        emit(); g = $0; sub(/^  /, "", g); gsub(/\x27/, "", g); sub(/[ :].*/, "", g); grp = g; next
    }
    /^ *(- )?[a-z_]+:( |$)/ {
        line = $0
        if (line ~ /^ *- /) {
            if (ingroups && line ~ /^  - name: /) { emit(); in_entry = 1 }
            sub(/^ *- /, "", line)
        } else sub(/^ */, "", line)
        k = line; sub(/:.*/, "", k)
        v = line; sub(/^[^:]*:[ ]?/, "", v)
        if (substr(v, 1, 1) == "\x27") {
            rest = substr(v, 2)
            if (length(rest) > 0 && closes(rest)) store(k, unq(substr(rest, 1, length(rest) - 1)))
            else { ml = 1; mkey = k; buf = rest; sub(/[ \t]+$/, "", buf); breaks = 0 }
        } else store(k, v)
    }
    END { emit() }' "$ALIGNED"
}

# Our expectation per AlignedFrom case (upstream result in the comment). Cases not
# listed expect a clean From parse. Addresses expected = the case's From field bodies.
declare -A ALIGNED_EXPECT=(
    ["both_configs/no domains"]=header.from_missing                        # permerror: no header From
    ["both_configs/no from headers"]=header.from_missing                   # permerror
    ["both_configs/null from header"]=header.from_unparsable               # permerror: "From: " empty
    ["both_configs/multiple from headers"]=header.from_multiple            # permerror: two From fields
    ["both_configs/multiple from headers domains"]=header.from_multiple    # permerror
    ["both_configs/multiple from addresses no match last"]=header.from_unparsable  # permerror: two addresses, no comma
    ["both_configs/multiple from addresses no match first"]=header.from_unparsable # permerror
    ["both_configs/multiple from addresses domains"]=header.from_unparsable        # permerror
)

# The alignment itself (header.from_envelope_misaligned, docs/findings.md): upstream
# pass / domain_pass / orgdomain_pass -> no finding, fail -> the finding. permerror is
# upstream's "no usable envelope or header domain", not a verdict; ours follows from
# the documented rule: a null or unusable MAIL FROM is not judged (the check reports
# skipped), no From address gives nothing to compare, and every From mailbox of
# another organization is reported - so the only permerror case with a finding is
# the one whose second From field is at example.net.
declare -A ALIGNED_PERMERROR=(
    ["both_configs/multiple from headers domains"]=$ALIGNMENT_FINDING  # From example.com + example.net, MAIL FROM example.com
)
# aligned_status MAILFROM - the envelope_alignment check status we expect: skipped
# unless MAIL FROM is one usable address (optionally in <>).
aligned_status() {
    local mf=${1#<}
    mf=${mf%>}
    if [[ -z $mf || $mf == *[[:space:]\<\>]* || $mf != ?*@?* ]]; then echo skipped; else echo ok; fi
}

# check_aligned LABEL WHAT MSG WANT_HEADER_FROM WANT_FROM_ADDRS WANT_MISALIGNED WANT_STATUS [check options]
#   check_from plus the exact alignment findings and the envelope_alignment check status
check_aligned() {
    local label=$1 what=$2 msg=$3 want_f=$4 want_a=$5 want_m=$6 want_s=$7
    shift 7
    if ! sg_run "$@" "$msg"; then
        fail "$label" "$SG_ERROR"
        return
    fi
    local status
    status=$(jq -r '.evidence_record.senderguard.checks.envelope_alignment.status // "absent"' "$OUT")
    local expected="header.from=[$want_f] from=[$want_a] ownership=[] misaligned=[$want_m] envelope_alignment=$want_s"
    local got
    got="header.from=[$(from_findings)] from=[$FROM_ADDRS] ownership=[$(ownership_findings)] misaligned=[$(alignment_findings)] envelope_alignment=$status"
    judge "$label" "$what" "$expected" "$got" "$([[ $got == "$expected" ]] && echo 1 || echo 0)"
}

template=''
n_aligned=0
while IFS=$'\x1f' read -r group name mailfrom from result; do
    if [[ $group == TEMPLATE ]]; then
        template=${name//$'\x1e'/$NL}
        continue
    fi
    n_aligned=$((n_aligned + 1))
    label="aligned-from: $group/$name"
    if [[ -z $template ]]; then
        fail "$label" "no message_template read before the cases"
        continue
    fi
    from=${from//$'\x1e'/$NL}
    msg=$WORK/aligned.eml
    printf '%s' "${template//\{from\}/$from}" >"$msg"
    want_f=${ALIGNED_EXPECT["$group/$name"]:-}
    want_a=''
    if [[ -z $want_f || $want_f == header.from_multiple ]]; then
        while IFS= read -r line; do
            [[ $line =~ ^[Ff][Rr][Oo][Mm]:[[:space:]]*(.*)$ ]] && want_a+=${want_a:+,}${BASH_REMATCH[1]}
        done <<<"$from"
    fi
    case $result in
        pass | domain_pass | orgdomain_pass) want_m='' ;;
        fail) want_m=$ALIGNMENT_FINDING ;;
        permerror) want_m=${ALIGNED_PERMERROR["$group/$name"]:-} ;;
        *) fail "$label" "unknown AlignedFrom result '$result'"; continue ;;
    esac
    want_s=$(aligned_status "$mailfrom")
    args=(--client-ip 1.2.3.4 --client-name mx.example.com --helo mx.example.com --rcpt test@example.net)
    [[ -n $mailfrom ]] && args+=(--mail-from "$mailfrom")
    check_aligned "$label" "upstream $result; From '${from//$NL/\\n}', MAIL FROM '$mailfrom' -> ${want_f:-no header.from_* finding}, From [$want_a], misaligned [${want_m}], alignment check $want_s" \
        "$msg" "$want_f" "$want_a" "$want_m" "$want_s" "${args[@]}"
done < <(read_aligned_cases)
[[ $n_aligned == 26 ]] || fail "aligned-from" "read $n_aligned cases from aligned-from-cases.yaml, the corpus documents 26"

# --- handler-cases.yaml ----------------------------------------------------------
# Emits section, entry name, key, raw value for each "key: value" line; list items
# ("- \"...\"") under a key are emitted with that key. Double-quoted values are JSON
# string literals here (only \n escapes) and are decoded with jq.
declare -A H=()
declare -a H_ORDER=()
while IFS=$'\x1f' read -r sec name key value; do
    H["$sec/$name/$key"]+=${H["$sec/$name/$key"]+$'\x1e'}$value
    [[ $key == message ]] && H_ORDER+=("$sec/$name")
done < <(awk '
    /^ *#/ { next }
    /^[a-z_]+:/ { sec = $0; sub(/:.*/, "", sec); name = ""; key = ""; next }
    /^  - name: / { name = $0; sub(/^  - name: /, "", name); next }
    /^ +- "/ { v = $0; sub(/^ +- /, "", v); printf "%s\x1f%s\x1f%s\x1f%s\n", sec, name, key, v; next }
    /^ +[a-z_]+:$/ { key = $0; gsub(/[ :]/, "", key); next }
    /^ +[a-z_{}"]+: / {
        k = $0; sub(/^ +/, "", k); v = k; sub(/:.*/, "", k); sub(/^[^:]*: /, "", v)
        printf "%s\x1f%s\x1f%s\x1f%s\n", sec, name, k, v
    }' "$HANDLER")

# yaml_scalar RAW - a double-quoted value decoded (JSON-compatible escapes), a plain one as is
json_string() { jq -r . <<<"$1" 2>/dev/null; }
yaml_scalar() { if [[ $1 == \"* ]]; then json_string "$1"; else printf "%s" "$1"; fi; }

# DMARC vectors: one From, unauthenticated: clean parse, no ownership finding.
for entry in "${H_ORDER[@]}"; do
    [[ $entry == dmarc/* ]] || continue
    name=${entry#dmarc/}
    msg=$WORK/handler.eml
    json_string "${H[$entry/message]}" >"$msg"
    mail_from=$(yaml_scalar "${H[$entry/mail_from]}")
    addr=$(sed -n 's/^From: //p' "$msg")
    check_from "handler dmarc: $name" "MAIL FROM '$mail_from', From $addr, no AUTH -> clean parse, no ownership finding" \
        "$msg" "" "$addr" "" --client-ip "${H[$entry/connect_ip]}" --helo "${H[$entry/helo]}" \
        --mail-from "$mail_from" --rcpt "$(sed -n 's/^To: //p' "$msg")"
done

# dmarc_multiple_from: the three messages (authentication_milter's configs only change
# its disposition; the From facts are the same).
common=${H[dmarc_multiple_from//common]:-}
mf_ip=$(sed -n 's/.*connect_ip: \([^,}]*\).*/\1/p' <<<"$common")
mf_helo=$(sed -n 's/.*helo: \([^,}]*\).*/\1/p' <<<"$common")
mf_from=$(sed -n 's/.*mail_from: \([^,}]*\).*/\1/p' <<<"$common")
declare -A MULTI_EXPECT=(
    [single]="|test@example.net"
    [multiple_address]="header.from_multiple.mailboxes|test@example.net,test@example.org"
    [multiple_headers]="header.from_multiple|test@example.net,test@example.org"
)
for which in single multiple_address multiple_headers; do
    raw=${H[dmarc_multiple_from//$which]:-}
    if [[ -z $raw || -z $mf_ip ]]; then
        fail "handler dmarc_multiple_from: $which" "message or common envelope not found in handler-cases.yaml"
        continue
    fi
    msg=$WORK/multi.eml
    json_string "$raw" >"$msg"
    IFS='|' read -r want_f want_a <<<"${MULTI_EXPECT[$which]}"
    check_from "handler dmarc_multiple_from: $which" "-> ${want_f:-no header.from_* finding}, From [$want_a]" \
        "$msg" "$want_f" "$want_a" "" --client-ip "$mf_ip" --helo "$mf_helo" --mail-from "$mf_from"
done

# SPF-upgrade message: five upstream authentication headers, then the From.
msg=$WORK/spfu.eml
: >"$msg"
IFS=$'\x1e' read -ra spfu_headers <<<"${H[spfu//upstream_headers]:-}"
for h in "${spfu_headers[@]}"; do json_string "$h" >>"$msg"; done
json_string "${H[spfu//message_after_headers]:-}" >>"$msg"
spfu_tx=${H[spfu//transaction]:-}
check_from "handler spfu: message" "${#spfu_headers[@]} upstream Authentication-Results/Received-SPF headers + From 'Test <localpart@foobar.spfuvictim.com>' -> clean parse" \
    "$msg" "" "localpart@foobar.spfuvictim.com" "" \
    --client-ip "$(sed -n 's/.*connect_ip: \([^,}]*\).*/\1/p' <<<"$spfu_tx")" \
    --mail-from "$(sed -n 's/.*mail_from: \([^,}]*\).*/\1/p' <<<"$spfu_tx")"
[[ ${#spfu_headers[@]} == 5 ]] || fail "handler spfu: headers" "read ${#spfu_headers[@]} upstream headers, the corpus lists 5"

# SMTP AUTH present / absent.
n_auth=0
for entry in "${H_ORDER[@]}"; do
    [[ $entry == auth/* ]] || continue
    n_auth=$((n_auth + 1))
    name=${entry#auth/}
    msg=$WORK/auth.eml
    json_string "${H[$entry/message]}" >"$msg"
    mail_from=$(yaml_scalar "${H[$entry/mail_from]}")
    addr=$(sed -n 's/^From: //p' "$msg")
    login=$(sed -n 's/.*"{auth_authen}": *\([^,} ]*\).*/\1/p' <<<"${H[$entry/milter_macros]:-}")
    env=(--client-ip "${H[$entry/connect_ip]}" --helo "${H[$entry/helo]}" --mail-from "$mail_from")
    if [[ -z $login ]]; then
        check_from "handler auth: $name" "no {auth_authen}: ownership is not judged -> no identity.*_not_owned" \
            "$msg" "" "$addr" "" "${env[@]}"
        status=$(jq -r '.evidence_record.senderguard.checks.from_ownership.status // ""' "$OUT")
        judge "handler auth: $name [from_ownership status]" "the evidence record says the ownership check was skipped" \
            "skipped" "$status" "$([[ $status == skipped ]] && echo 1 || echo 0)"
    else
        check_from "handler auth: $name" "{auth_authen}=$login does not own From/MAIL FROM $addr -> identity.from_not_owned (and envelope_not_owned)" \
            "$msg" "" "$addr" "identity.envelope_not_owned,identity.from_not_owned" "${env[@]}" --auth-user "$login"
        check_from "handler auth: $name [login owns the From]" "control: login $addr owns its own address -> no ownership finding" \
            "$msg" "" "$addr" "" "${env[@]}" --auth-user "$addr"
    fi
done
[[ $n_auth == 2 ]] || fail "handler auth" "read $n_auth AUTH vectors from handler-cases.yaml, the corpus lists 2"

# --- source/*.eml and the manifest transactions -----------------------------------
# From findings per source message (every other source has one clean From).
declare -A SOURCE_EXPECT=(
    [dmarc_multi.eml]="header.from_multiple|test@goestheweasel.com,test@marcbradshaw.net,test@example.com"
    # From: "Dear Customer ... ",<noreply@example.com>: a comma outside the quotes
    [spam_headers.eml]="header.from_unparsable.repaired|noreply@example.com"
    # From: Marc Bradshaw <marc@ marcbradshaw.net>: CFWS after the "@" is allowed (RFC 5322 3.4.1)
    [google_apps_bad_space.eml]="|marc@marcbradshaw.net"
)
source_expect() {
    local base=$1 msg=$2
    if [[ -n ${SOURCE_EXPECT[$base]+x} ]]; then
        IFS='|' read -r want_f want_a <<<"${SOURCE_EXPECT[$base]}"
    else
        want_f=''
        want_a=$(grep -a -i -m1 '^From:' "$msg" | tr -d '\r' | sed -e 's/^[Ff][Rr][Oo][Mm]: *//' -e 's/.*<\(.*\)>.*/\1/')
    fi
}

n_sources=0
for msg in "$SET_DIR"/source/*.eml; do
    [[ -e $msg ]] || continue
    n_sources=$((n_sources + 1))
    base=$(basename "$msg")
    source_expect "$base" "$msg"
    check_from "source: $base" "evaluates (exit 0, verdict JSON) -> ${want_f:-no header.from_* finding}, From [$want_a]" \
        "$msg" "$want_f" "$want_a" ""
done
[[ $n_sources == 17 ]] || fail "source" "found $n_sources source messages, the corpus documents 17"

# Every manifest transaction (pipelined cases hold several) with its envelope.
while IFS=$'\x1f' read -r desc nth source ip name helo mail_from rcpts; do
    label="manifest: $desc${nth:+ #$nth}"
    msg=$SET_DIR/$source
    base=$(basename "$source")
    source_expect "$base" "$msg"
    args=(--client-ip "$ip" --client-name "$name" --helo "$helo")
    [[ -n $mail_from ]] && args+=(--mail-from "$mail_from")
    IFS=$'\x1e' read -ra rcpt <<<"$rcpts"
    for r in "${rcpt[@]}"; do args+=(--rcpt "$r"); done
    check_from "$label" "$source from $ip, MAIL FROM '$mail_from' -> ${want_f:-no header.from_* finding}, no ownership finding" \
        "$msg" "$want_f" "$want_a" "" "${args[@]}"
done < <(jq -r '.cases[] | .description as $d
    | (if .transactions then .transactions else [.] end) as $t
    | $t | to_entries[]
    | [$d, (if ($t | length) > 1 then (.key + 1 | tostring) else "" end), .value.source,
       .value.client_ip, .value.client_name, .value.helo, (.value.mail_from // ""),
       ((.value.rcpt_to // []) | join("\u001e"))] | join("\u001f")' "$MANIFEST")

finish
