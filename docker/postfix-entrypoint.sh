#!/usr/bin/env bash
# postfix-entrypoint.sh - staging MTA container entrypoint: create the SASL users from
# LAB_USERS ("user@domain:password ..."), then run scripts/postfix-lab in the foreground
# (Postfix master as the container's main process, maillog on stdout) with smtpd_milters
# = SENDERGUARD_MILTER. LAB_SMTP_PORT, LAB_SUBMISSION_PORT, LAB_SINK_PORT, LAB_MAILLOG
# override the defaults 25, 587, 2525, /dev/stdout. Delivered mail is dumped by smtp-sink to $LAB_DIR/sink/.
set -euo pipefail
lab_dir="${LAB_DIR:-/var/lib/postfix-lab}"
lab="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/postfix-lab"
for entry in ${LAB_USERS:-}; do
    "$lab" adduser "$lab_dir" "${entry%%:*}" "${entry#*:}"
done
exec "$lab" start "$lab_dir" --foreground --listen all \
    --milter "${SENDERGUARD_MILTER-inet:senderguard:8891}" \
    --mynetworks "${LAB_MYNETWORKS:-127.0.0.0/8}" \
    --smtp-port "${LAB_SMTP_PORT:-25}" --submission-port "${LAB_SUBMISSION_PORT:-587}" \
    --sink-port "${LAB_SINK_PORT:-2525}" --maillog "${LAB_MAILLOG:-/dev/stdout}"
