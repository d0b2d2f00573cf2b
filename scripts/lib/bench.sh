# shellcheck shell=bash
# bench.sh - measuring helpers for scripts/bench (sourced after lab.sh).
#
#   bench_templates DIR          postfix-lab templates (docker/postfix/) with delivery to discard:
#   bench_send N PREFIX          smtp-source: N messages, $sessions sessions, $message, to
#                                $SMTP_PORT; output in PREFIX.out / PREFIX.err (bounded: 300 s)
#   bench_wait_delivered LOG N SECONDS   wait until LOG has N "status=sent" lines; print the count
#   bench_postfix_ticks MASTER   CPU ticks of the Postfix master, its live children and the
#                                children it reaped (cutime + cstime)
#   bench_pid_ticks PID          utime + stime of PID (0 when PID is empty)
#   bench_busy_ticks             machine-wide busy ticks from /proc/stat (all but idle, iowait)
#   bench_machine                one line: nproc, CPU model, kernel, Postfix version, load

bench_templates() {
    mkdir -p "$1"
    cp "$LAB_ROOT/docker/postfix/master.cf.in" "$LAB_ROOT/docker/postfix/smtpd.conf.in" "$1/"
    sed -e 's|^relay_transport = .*|relay_transport = discard:|' \
        -e 's|^default_transport = .*|default_transport = discard:|' \
        "$LAB_ROOT/docker/postfix/main.cf.in" >"$1/main.cf.in"
    grep -q '^relay_transport = discard:$' "$1/main.cf.in" || die "cannot set discard: in $1/main.cf.in"
}

bench_send() {
    timeout 300 smtp-source -s "$sessions" -m "$1" -F "$message" -f alice@example.com \
        -t bob@example.net -M client.example "127.0.0.1:$SMTP_PORT" >"$2.out" 2>"$2.err"
}

bench_wait_delivered() {
    local i count=0
    for ((i = 0; i < $3 * 10; i++)); do
        count="$(grep -c 'status=sent' "$1" 2>/dev/null || true)"
        ((count >= $2)) && break
        sleep 0.1
    done
    echo "$count"
    ((count >= $2))
}

bench_postfix_ticks() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v master="$1" '
        { pid = $1; line = $0; sub(/^.*\) /, "", line); split(line, f, " ")
          # f[2] ppid, f[12] utime, f[13] stime, f[14] cutime, f[15] cstime
          if (pid == master) total += f[12] + f[13] + f[14] + f[15]
          else if (f[2] == master) total += f[12] + f[13] }
        END { print total + 0 }'
}

bench_pid_ticks() {
    if [[ -z "$1" || ! -r "/proc/$1/stat" ]]; then echo 0; return; fi
    sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

bench_busy_ticks() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

bench_machine() {
    printf 'nproc %s, %s, kernel %s, Postfix %s, load %s' "$(nproc)" \
        "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" "$(uname -r)" \
        "$(postconf -h mail_version 2>/dev/null)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
