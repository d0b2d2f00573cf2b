# shellcheck shell=bash disable=SC2034  # sourced; the variables are read by the scripts
# common.sh - shared helpers of the corpus tests (sourced by each script, not run).
#
# A script calls `corpus_init SET "$@"` (arguments: senderguard binary, corpus root),
# runs messages through `sg_run` (the real `senderguard check --json`), states each
# case with `judge`, and ends with `finish`. Output: one `ok - ...` or `FAIL - ...`
# line per case, then `N passed, N failed`; exit 1 on any failure, 77 when the corpus
# is absent (ctest reports the test skipped). Known differences with the upstream
# expectation are rows of known_differences.md: a listed case that now passes, or
# gives another result than the one listed, fails too.
#
# Corpus files are only read where they are; nothing is copied into the project.

set -u
export LC_ALL=C.UTF-8 2>/dev/null || export LC_ALL=C

CORPUS_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PASSED=0
FAILED=0
SKIPPED=0
declare -A KD_GOT=()   # case -> the result known_differences.md lists
declare -A KD_SEEN=()

# corpus_init SET BINARY [CORPUS_ROOT]  (SET "-" = needs no corpus)
#   KD_SET (set before the call) names the known_differences.md set when a second
#   script reads the same corpus directory (default: SET).
corpus_init() {
    SET_NAME=$1
    KD_SET=${KD_SET:-$1}
    SG=${2:-}
    CORPUS_ROOT=${3:-}
    if [[ -z $SG || ! -x $SG ]]; then
        echo "FAIL - senderguard binary not executable: '${SG}'"
        echo "0 passed, 1 failed"
        exit 1
    fi
    if ! command -v jq >/dev/null 2>&1; then
        echo "FAIL - jq is required (scripts/setup installs it)"
        echo "0 passed, 1 failed"
        exit 1
    fi
    if [[ $SET_NAME != - ]]; then
        SET_DIR=$CORPUS_ROOT/$SET_NAME
        if [[ -z $CORPUS_ROOT || ! -d $SET_DIR ]]; then
            echo "SKIPPED: corpus not found at ${SET_DIR:-$CORPUS_ROOT} (set SENDERGUARD_CORPUS)"
            exit 77
        fi
    fi
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/sg-corpus.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    SG_IDENTITY_CONFIG=$WORK/identity.toml
    printf '[authentication]\nenabled = false\n' >"$SG_IDENTITY_CONFIG"
    kd_load
}

# Rows of known_differences.md: | set | case | expected | got | reason |
kd_load() {
    local file=$CORPUS_TESTS_DIR/known_differences.md case got
    [[ -f $file ]] || return 0
    while IFS=$'\x1f' read -r case got; do
        [[ -n $case ]] && KD_GOT[$case]=$got
    done < <(awk -v set="$KD_SET" -F' [|] ' '
        /^[|] / {
            s = $1; sub(/^[|] /, "", s)
            if (s != set) next
            got = $4; gsub(/`/, "", got)
            printf "%s\x1f%s\n", $2, got
        }' "$file")
}

# skip CASE WHY - a case the test does not apply to (counted apart, never a pass)
skip() { SKIPPED=$((SKIPPED + 1)); printf "skip - %s: %s\n" "$1" "$2"; }
ok() { PASSED=$((PASSED + 1)); printf 'ok - %s: %s\n' "$1" "$2"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL - %s: %s\n' "$1" "$2"; }

# judge CASE WHAT EXPECTED GOT PASSED(1|0)
#   WHAT says what is asserted; EXPECTED/GOT are short canonical texts (GOT is what a
#   known_differences.md row must list verbatim for a known difference).
judge() {
    local case=$1 what=$2 expected=$3 got=$4 passed=$5
    local listed=${KD_GOT[$case]+x}
    [[ -n $listed ]] && KD_SEEN[$case]=1
    if [[ $passed == 1 ]]; then
        if [[ -n $listed ]]; then
            fail "$case" "newly passing ($what, got $got): remove its row from known_differences.md"
        else
            ok "$case" "$what"
        fi
    elif [[ -n $listed && ${KD_GOT[$case]} == "$got" ]]; then
        ok "$case" "known difference (known_differences.md): expected $expected, got $got"
    elif [[ -n $listed ]]; then
        fail "$case" "$what: expected $expected, got $got (known_differences.md lists: ${KD_GOT[$case]})"
    else
        fail "$case" "$what: expected $expected, got $got"
    fi
}

finish() {
    local case
    for case in "${!KD_GOT[@]}"; do
        [[ -n ${KD_SEEN[$case]+x} ]] ||
            fail "$case" "listed in known_differences.md for $KD_SET but no such case ran (stale row)"
    done
    [[ $SKIPPED == 0 ]] || echo "$SKIPPED not applicable (the skip lines)"
    echo "$PASSED passed, $FAILED failed"
    [[ $FAILED == 0 ]] || exit 1
    exit 0
}

# sg_run [check options...] MESSAGE
#   Runs `senderguard check --json`; returns 0 when it exited 0 with a verdict object.
#   Sets RC, SG_ERROR (why not), and from the output: FINDINGS (sorted id[.variant],
#   comma-separated), FROM_ADDRS, FROM_DN, ENV_FROM, USER_NAME, SRC_IP, HELO, ACTION,
#   OUT (path of the JSON).
#   From-header comparisons use from_findings, which leaves out the envelope-alignment
#   finding (ALIGNMENT_FINDING below); alignment cases assert alignment_findings.
sg_run() {
    OUT=$WORK/out.json
    FINDINGS='' FROM_ADDRS='' FROM_DN='' ENV_FROM='' USER_NAME='' SRC_IP='' HELO='' ACTION='' SG_ERROR=''
    # These sets concern identities; their DNS is long gone. Without a --config of the
    # caller's, authentication is off so nothing is looked up (no network in tests).
    local config=()
    [[ " $* " == *" --config "* ]] || config=(--config "$SG_IDENTITY_CONFIG")
    timeout 20 "$SG" check --json "${config[@]}" "$@" >"$OUT" 2>"$WORK/err"
    RC=$?
    if [[ $RC == 124 ]]; then SG_ERROR="timed out after 20 s"; return 1; fi
    if [[ $RC != 0 ]]; then
        SG_ERROR="exit $RC: $(head -c 200 "$WORK/err" | tr '\n' ' ')"
        return 1
    fi
    local fields
    if ! fields=$(jq -r '
        if (type == "object" and (.action | type) == "string" and (.score | type) == "number"
            and (.findings | type) == "array" and (.evidence_record | type) == "object")
        then [ ([.findings[] | .id + (if .variant then "." + .variant else "" end)] | unique | join(",")),
               ((.evidence_record.email.from.address // []) | join(",")),
               (.evidence_record.email.from.display_name // ""),
               (.evidence_record.email.envelope_from // ""),
               (.evidence_record.user.name // ""),
               (.evidence_record.source.ip // ""),
               (.evidence_record.senderguard.helo // ""),
               .action ] | map(tostring | gsub("[\n\r\u001f]"; " ")) | join("\u001f")
        else "BAD-SHAPE" end' "$OUT" 2>"$WORK/jqerr"); then
        SG_ERROR="output is not valid JSON: $(head -c 200 "$WORK/jqerr" | tr '\n' ' ')"
        return 1
    fi
    if [[ $fields == BAD-SHAPE ]]; then
        SG_ERROR="JSON lacks action/score/findings[]/evidence_record"
        return 1
    fi
    IFS=$'\x1f' read -r FINDINGS FROM_ADDRS FROM_DN ENV_FROM USER_NAME SRC_IP HELO ACTION <<<"$fields"
    return 0
}

# has ID[.VARIANT] - exact token in FINDINGS
has() { [[ ,$FINDINGS, == *",$1,"* ]]; }
# has_any ID - the id with or without a variant
has_any() { [[ ,$FINDINGS, == *",$1,"* || ,$FINDINGS, == *",$1."* ]]; }
# header.from_envelope_misaligned (and its .authenticated variant) compares the header
# From with MAIL FROM: it says nothing about the From header itself, and every message
# whose envelope sender is at another organization carries it. ALIGNMENT_FINDING is the
# one place that separates it: from_findings leaves it out (the From-header comparisons
# stay exact for everything else), alignment_findings returns only it, and the cases
# that are about envelope-vs-From alignment assert alignment_findings exactly.
ALIGNMENT_FINDING=header.from_envelope_misaligned
is_alignment_finding() { [[ $1 == "$ALIGNMENT_FINDING" || $1 == "$ALIGNMENT_FINDING".* ]]; }
# from_findings - the header.from_* findings of FINDINGS except the alignment finding
from_findings() {
    local f out=''
    IFS=, read -ra _ff <<<"$FINDINGS"
    for f in "${_ff[@]}"; do
        [[ $f == header.from_* ]] && ! is_alignment_finding "$f" && out+=${out:+,}$f
    done
    printf '%s' "$out"
}
# alignment_findings - only header.from_envelope_misaligned[.variant] of FINDINGS
alignment_findings() {
    local f out=''
    IFS=, read -ra _ff <<<"$FINDINGS"
    for f in "${_ff[@]}"; do is_alignment_finding "$f" && out+=${out:+,}$f; done
    printf '%s' "$out"
}
# ownership_findings - the identity.*_not_owned findings of FINDINGS
ownership_findings() {
    local f out=''
    IFS=, read -ra _ff <<<"$FINDINGS"
    for f in "${_ff[@]}"; do [[ $f == identity.*_not_owned* ]] && out+=${out:+,}$f; done
    printf '%s' "$out"
}

# --- authentication results (sets run with [dns] local_data) ----------------------
# auth_config FILE LOCAL_DATA [EXTRA_TOML] - a config answering DNS from LOCAL_DATA only
#   (never the system resolver: names the file lacks do not exist), with short
#   timeouts so a `$TIMEOUT` name costs little.
auth_config() {
    printf '[dns]\nlocal_data = "%s"\nquery_timeout = 200\nmessage_budget = 1000\n%s' "$2" "${3:-}" >"$1"
}

# auth_results - after sg_run: AUTH_SPF, AUTH_DKIM (the signatures' results in header
#   order, comma-separated; "none" when there is none), AUTH_DMARC, AUTH_DMARC_POLICY,
#   AUTH_EVALUATED (true/false) from evidence_record.senderguard.authentication, and
#   AUTH_AR, the top-level "authentication_results" string ("" when absent or null).
auth_results() {
    local fields
    fields=$(jq -r '(.evidence_record.senderguard.authentication // {}) as $a
        | [($a.spf.result // "none"),
           ([($a.dkim // [])[] | .result // "none"] | if length == 0 then "none" else join(",") end),
           ($a.dmarc.result // "none"), ($a.dmarc.policy // ""), ($a.evaluated // false),
           (if (.authentication_results | type) == "string" then .authentication_results else "" end)]
        | map(tostring | gsub("[\n\r\u001f]"; " ")) | join("\u001f")' "$OUT")
    IFS=$'\x1f' read -r AUTH_SPF AUTH_DKIM AUTH_DMARC AUTH_DMARC_POLICY AUTH_EVALUATED AUTH_AR <<<"$fields"
}

# ar_method AR METHOD - the results METHOD has in an Authentication-Results value
#   (RFC 8601 resinfo "method=result"; comments dropped), comma-separated, "none" if
#   the method is absent
ar_method() {
    awk -v m="$2" 'BEGIN { RS = "\001" } {
        s = $0
        while (match(s, /\([^()]*\)/)) s = substr(s, 1, RSTART - 1) " " substr(s, RSTART + RLENGTH)
        n = split(s, part, ";"); out = ""
        for (i = 2; i <= n; i++) {
            p = part[i]; gsub(/^[ \t\r\n]+/, "", p)
            if (tolower(p) ~ "^" m "[ \t]*=") {
                r = p; sub(/^[^=]*=[ \t]*/, "", r); sub(/[ \t\r\n].*/, "", r)
                out = out (out == "" ? "" : ",") tolower(r)
            }
        }
        print (out == "" ? "none" : out)
    }' <<<"$1"
}
