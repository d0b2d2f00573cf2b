#!/usr/bin/env bash
# postfix-entrypoint.sh - staging MTA container entrypoint: create the SASL users from
# LAB_USERS ("user@domain:password ..."), then run scripts/postfix-lab in the foreground
# (Postfix master as the container's main process, maillog on stdout) with smtpd_milters
# = SENDERGUARD_MILTER. Delivered mail is dumped by smtp-sink to $LAB_DIR/sink/.
set -euo pipefail
lab_dir="${LAB_DIR:-/var/lib/postfix-lab}"
lab="/opt/senderguard/scripts/postfix-lab"
for entry in ${LAB_USERS:-}; do
    "$lab" adduser "$lab_dir" "${entry%%:*}" "${entry#*:}"
done
exec "$lab" start "$lab_dir" --foreground --listen all \
    --milter "${SENDERGUARD_MILTER:-inet:senderguard:8891}" \
    --mynetworks "${LAB_MYNETWORKS:-127.0.0.0/8}" \
    --smtp-port 25 --submission-port 587 --sink-port 2525 --maillog /dev/stdout
