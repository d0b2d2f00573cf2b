#!/usr/bin/env bash
# hostile_from.sh - generated hostile From headers and header sections (no corpus
# needed) through `senderguard check`: each must exit 0 with a verdict JSON within
# 20 s, and still report what the message says about its From.
# Usage: hostile_from.sh SENDERGUARD
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
corpus_init - "$1"

repeat() { # repeat COUNT TEXT (no newline in TEXT): linear time, unlike ${x// /TEXT}
    yes -- "$2" | head -n "$1" | tr -d '\n'
}

# hostile LABEL WHAT FILE CHECK
#   CHECK is a bash condition over FINDINGS / FROM_ADDRS / FROM_DN (after a clean run)
hostile() {
    local label=$1 what=$2 msg=$3 check=$4 start end
    start=$(date +%s%N)
    if ! sg_run "$msg"; then
        fail "$label" "$SG_ERROR"
        return
    fi
    end=$(date +%s%N)
    local ms=$(((end - start) / 1000000))
    local got="findings=[$FINDINGS] from=[${FROM_ADDRS:0:80}] dn_chars=${#FROM_DN}"
    judge "$label" "$what (exit 0, verdict JSON, ${ms} ms)" "$check" "$got" "$(eval "$check" && echo 1 || echo 0)"
}

M=$WORK

{ printf 'From: "%s" <a@example.com>\nTo: b@example.com\n\nx\n' "$(repeat 10000 A)"; } >"$M/dn10k.eml"
hostile "display name 10,000 chars (quoted)" "the address is still read; the display name is bounded" "$M/dn10k.eml" \
    '[[ $FROM_ADDRS == a@example.com && -z $(from_findings) && ${#FROM_DN} -le 10000 ]]'

{ printf 'From: %s <a@example.com>\nTo: b@example.com\n\nx\n' "$(repeat 2000 'Word ')"; } >"$M/dn10k_words.eml"
hostile "display name 10,000 chars (2000 atoms)" "the address is still read" "$M/dn10k_words.eml" \
    '[[ $FROM_ADDRS == a@example.com && -z $(from_findings) ]]'

{ printf 'From: %s<a@example.com>\nTo: b@example.com\n\nx\n' "$(repeat 1000 '=?UTF-8?B?QUFBQUE=?= ')"; } >"$M/dn_encoded.eml"
hostile "display name of 1000 RFC 2047 words" "decoded, bounded, the address is still read" "$M/dn_encoded.eml" \
    '[[ $FROM_ADDRS == a@example.com && -z $(from_findings) ]]'

{ printf 'From: "%s@bank.example" <a@attacker.example>\nTo: b@example.com\n\nx\n' "$(repeat 10000 x)"; } >"$M/dn10k_address.eml"
hostile "display name 10,000 chars ending in an address" "no crash; From read" "$M/dn10k_address.eml" \
    '[[ $FROM_ADDRS == a@attacker.example ]]'

{ printf 'From: %s\nTo: b@example.com\n\nx\n' "$(repeat 200000 '<')"; } >"$M/lt200k.eml"
hostile "200,000 '<'" "header.from_unparsable, no address" "$M/lt200k.eml" \
    '[[ $(from_findings) == header.from_unparsable && -z $FROM_ADDRS ]]'

{ printf 'From: %s<a@example.com>%s\nTo: b@example.com\n\nx\n' "$(repeat 100000 '<')" "$(repeat 100000 '>')"; } >"$M/nested.eml"
hostile "100,000 nested <...<a@example.com>...>" "a header.from_unparsable finding" "$M/nested.eml" \
    '[[ $(from_findings) == header.from_unparsable* ]]'

{ printf 'From: %s <a@example.com>\n\nx\n' "$(repeat 5001 '"a')"; } >"$M/quotes_odd.eml"
hostile "5001 unbalanced quotes" "a header.from_unparsable finding" "$M/quotes_odd.eml" \
    '[[ $(from_findings) == header.from_unparsable* ]]'

{ printf 'From: "Alice <a@example.com>\nTo: b@example.com\n\nx\n'; } >"$M/quote_open.eml"
hostile "quote never closed" "header.from_unparsable (the address is inside the open quote)" "$M/quote_open.eml" \
    '[[ $(from_findings) == header.from_unparsable* ]]'

{ printf 'From: %s\nTo: b@example.com\n\nx\n' "$(repeat 100000 '(')"; } >"$M/comments.eml"
hostile "100,000 unclosed comments" "header.from_unparsable, no address" "$M/comments.eml" \
    '[[ $(from_findings) == header.from_unparsable && -z $FROM_ADDRS ]]'

{ printf 'From: %s\nTo: b@example.com\n\nx\n' "$(repeat 50000 '\')"; } >"$M/backslashes.eml"
hostile "50,000 backslashes" "header.from_unparsable, no address" "$M/backslashes.eml" \
    '[[ $(from_findings) == header.from_unparsable && -z $FROM_ADDRS ]]'

printf 'From: Al\0ice <al\0ice@exa\0mple.com>\nTo: b@example.com\n\nx\0y\n' >"$M/nul.eml"
hostile "NUL bytes in the From and the body" "exit 0; a NUL inside the address is never accepted as an address" "$M/nul.eml" \
    '[[ $(from_findings) == header.from_unparsable* && $FROM_ADDRS != *ice@example.com ]]'

printf 'From: \0\0\0 <a@example.com>\n\nx\n' >"$M/nul_dn.eml"
hostile "NUL bytes as the display name" "exit 0, JSON" "$M/nul_dn.eml" 'true'

printf 'From: \xff\xfe\xc3\x28 \xe2\x82 <a\xff@ex\xc3ample.com>\nTo: b@example.com\n\nx\n' >"$M/utf8.eml"
hostile "invalid UTF-8 in display name and address" "exit 0, valid JSON; header.from_unparsable" "$M/utf8.eml" \
    '[[ $(from_findings) == header.from_unparsable* ]]'

printf 'From: \xc0\xaf\xed\xa0\x80 <a@example.com>\n\nx\n' >"$M/utf8_overlong.eml"
hostile "overlong / surrogate UTF-8 in the display name" "exit 0, valid JSON, address read" "$M/utf8_overlong.eml" \
    '[[ $FROM_ADDRS == a@example.com ]]'

printf 'From: =?UTF-8?B?/w==?= =?UTF-8?Q?=FF=C3?= =?bogus?X?abc?= <a@example.com>\n\nx\n' >"$M/ew_bad.eml"
hostile "RFC 2047 words decoding to invalid UTF-8 / unknown charset" "exit 0, valid JSON, address read" "$M/ew_bad.eml" \
    '[[ $FROM_ADDRS == a@example.com ]]'

{ seq 1 5000 | sed 's/.*/From: u&@example.com/'; printf '\nx\n'; } >"$M/from5000.eml"
hostile "5000 From headers" "header.from_multiple" "$M/from5000.eml" \
    '[[ $(from_findings) == header.from_multiple ]]'

{ printf 'From: %s\n\nx\n' "$(repeat 5000 'u@example.com, ')"; } >"$M/mailboxes5000.eml"
hostile "one From with 5000 mailboxes" "header.from_multiple.mailboxes" "$M/mailboxes5000.eml" \
    '[[ $(from_findings) == header.from_multiple.mailboxes* ]]'

{ printf 'From: a@example.com\n'; yes ' (' | head -n 100000; printf '\nx\n'; } >"$M/fold.eml"
hostile "From folded over 100,000 lines" "header.from_unparsable" "$M/fold.eml" \
    '[[ $(from_findings) == header.from_unparsable* ]]'

{ printf 'From: "Boss" <boss@example.com>\nX-Big: %s\n\nx\n' "$(head -c 5000000 /dev/zero | tr '\0' x)"; } >"$M/big_after.eml"
hostile "5 MB header after the From" "From still read, no From finding" "$M/big_after.eml" \
    '[[ $FROM_ADDRS == boss@example.com && -z $(from_findings) ]]'

# The milter accepts a header section up to 64 MiB (milter/session.cpp); `check` must
# decide the same way (DESIGN.md, "Offline command"), so a From after a large header,
# or a large From itself, is still a From: never header.from_missing.
{ printf 'X-Big: %s\nFrom: "Boss" <boss@example.com>\n\nx\n' "$(head -c 5000000 /dev/zero | tr '\0' x)"; } >"$M/big_before.eml"
hostile "5 MB header before the From" "the From is still read (as by the milter), no header.from_missing" "$M/big_before.eml" \
    '[[ $FROM_ADDRS == boss@example.com && -z $(from_findings) ]]'

{ printf 'From: %s <a@example.com>\n\nx\n' "$(head -c 5000000 /dev/zero | tr '\0' a)"; } >"$M/from5m.eml"
hostile "5 MB From header" "a From is present: the address or header.from_unparsable, never header.from_missing" "$M/from5m.eml" \
    '[[ $FROM_ADDRS == a@example.com || $(from_findings) == header.from_unparsable* ]]'

printf 'From: a@example.com' >"$M/no_newline.eml"
hostile "header without final newline, no body" "From read" "$M/no_newline.eml" \
    '[[ $FROM_ADDRS == a@example.com ]]'

printf 'From: a@example.com\r\r\nTo: b@example.com\r\n\r\nx\r\n' >"$M/bare_cr.eml"
hostile "stray CR in the From line" "exit 0, JSON" "$M/bare_cr.eml" 'true'

: >"$M/empty.eml"
hostile "empty message" "header.from_missing" "$M/empty.eml" '[[ $(from_findings) == header.from_missing ]]'

finish
