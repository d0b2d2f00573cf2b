#!/usr/bin/env bash
# phishing_pot_sample.sh - 198 real phishing messages (corpus/phishing-pot-sample,
# CC BY-NC 4.0: read in place, never copied) through `senderguard check`.
#
#   robustness: every message evaluates (exit 0, verdict JSON) with
#     --mail-from <return_path of manifest.jsonl>, echoed in the evidence record.
#   From syntax: messages flagged from_unparsable / from_unquoted_comma must raise
#     header.from_unparsable (any variant).
#   recall: messages flagged display_name_contains_other_address must raise
#     identity.display_name_address (any variant). The flags are heuristics from
#     Python's email parser; each miss is a row of known_differences.md, and the
#     measured recall is a floor (raise the floor when a miss is fixed).
# Usage: phishing_pot_sample.sh SENDERGUARD CORPUS_ROOT
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
corpus_init phishing-pot-sample "$@"

MANIFEST=$SET_DIR/manifest.jsonl
[[ -r $MANIFEST ]] || { fail manifest.jsonl "missing from the corpus"; finish; }

# Measured recall floors (see known_differences.md for every miss).
UNPARSABLE_FLOOR=28       # of 28 flagged
DISPLAY_ADDRESS_FLOOR=18  # of 24 flagged

n=0
unparsable_flagged=0 unparsable_hit=0
dna_flagged=0 dna_hit=0
declare -A SEEN_IDS=()
while IFS=$'\x1f' read -r file return_path flags; do
    n=$((n + 1))
    base=$(basename "$file")
    msg=$SET_DIR/$file
    args=()
    [[ -n $return_path ]] && args=(--mail-from "$return_path")
    if ! sg_run "${args[@]}" "$msg"; then
        fail "$base" "$SG_ERROR"
        continue
    fi
    want_env=${return_path#<}
    want_env=${want_env%>}
    judge "$base" "exit 0, verdict JSON, MAIL FROM '$want_env' echoed; From [$FROM_ADDRS] findings [$FINDINGS]" \
        "env=$want_env" "env=$ENV_FROM" "$([[ $ENV_FROM == "$want_env" ]] && echo 1 || echo 0)"
    IFS=, read -ra ids <<<"$FINDINGS"
    for id in "${ids[@]}"; do SEEN_IDS[$id]=$((${SEEN_IDS[$id]:-0} + 1)); done

    if [[ ,$flags, == *,from_unparsable,* || ,$flags, == *,from_unquoted_comma,* ]]; then
        unparsable_flagged=$((unparsable_flagged + 1))
        hit=0
        has_any header.from_unparsable && hit=1 && unparsable_hit=$((unparsable_hit + 1))
        judge "$base [from_unparsable]" "flagged ${flags//,/ } -> header.from_unparsable (any variant)" \
            "header.from_unparsable*" "findings=[$FINDINGS]" "$hit"
    fi
    if [[ ,$flags, == *,display_name_contains_other_address,* ]]; then
        dna_flagged=$((dna_flagged + 1))
        hit=0
        has_any identity.display_name_address && hit=1 && dna_hit=$((dna_hit + 1))
        judge "$base [display_name_address]" "display name carries another address -> identity.display_name_address (any variant)" \
            "identity.display_name_address*" "findings=[$FINDINGS]" "$hit"
    fi
done < <(jq -r '[.file, (.return_path // ""), ((.flags // []) | join(","))] | join("\u001f")' "$MANIFEST")

[[ $n == 198 ]] || fail manifest.jsonl "read $n messages, the corpus documents 198"

judge "recall header.from_unparsable" "$unparsable_hit/$unparsable_flagged flagged from_unparsable/from_unquoted_comma messages (floor $UNPARSABLE_FLOOR)" \
    ">= $UNPARSABLE_FLOOR" "$unparsable_hit" "$((unparsable_hit >= UNPARSABLE_FLOOR ? 1 : 0))"
judge "recall identity.display_name_address" "$dna_hit/$dna_flagged flagged display_name_contains_other_address messages (floor $DISPLAY_ADDRESS_FLOOR)" \
    ">= $DISPLAY_ADDRESS_FLOOR" "$dna_hit" "$((dna_hit >= DISPLAY_ADDRESS_FLOOR ? 1 : 0))"

summary=''
for id in $(printf '%s\n' "${!SEEN_IDS[@]}" | sort); do summary+=" $id=${SEEN_IDS[$id]}"; done
echo "# findings over the $n messages:${summary:- none}"
echo "# recall: header.from_unparsable $unparsable_hit/$unparsable_flagged, identity.display_name_address $dna_hit/$dna_flagged"

finish
