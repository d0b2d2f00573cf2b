#!/usr/bin/env bash
# docker_files_test.sh - docker:compose-config: docker/compose.yml parses
# (docker-compose config -q; skipped with a message when docker-compose is absent) and
# every COPY/ADD source of docker/Dockerfile and docker/*.Dockerfile exists in the
# repository (the build context is the repository root). No Docker engine needed.
# Usage: docker_files_test.sh SOURCE_DIR. Exit 77 = skipped.
set -euo pipefail
src="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
status=0 skipped=0

if command -v docker-compose >/dev/null; then
    if out="$(docker-compose -f "$src/docker/compose.yml" config -q 2>&1)"; then
        echo "PASS [compose-config]: docker-compose config -q accepts docker/compose.yml"
    else
        echo "FAIL [compose-config]: $out"
        status=1
    fi
else
    echo "SKIP [compose-config]: docker-compose not installed"
    skipped=1
fi

# compose.yml builds with context ".." (the repository root): its dockerfiles must exist.
while read -r dockerfile; do
    [[ -f "$src/$dockerfile" ]] || { echo "FAIL [compose-dockerfiles]: $dockerfile missing"; status=1; }
done < <(sed -n 's/^[[:space:]]*dockerfile:[[:space:]]*//p' "$src/docker/compose.yml")

checked=0
for dockerfile in "$src/docker/Dockerfile" "$src"/docker/*.Dockerfile; do
    [[ -f "$dockerfile" ]] || continue
    # Join continuation lines, keep COPY/ADD without --from (those read the context).
    while read -r -a words; do
        args=()
        for w in "${words[@]:1}"; do
            [[ "$w" == --from=* ]] && continue 2
            [[ "$w" == --* ]] && continue
            w="${w#[}" w="${w%]}" w="${w%,}" w="${w//\"/}"
            [[ -n "$w" ]] && args+=("$w")
        done
        for source in "${args[@]:0:${#args[@]}-1}"; do
            checked=$((checked + 1))
            # shellcheck disable=SC2086 # sources may be globs
            if ! compgen -G "$src/${source%/}" >/dev/null; then
                echo "FAIL [copy-sources]: ${dockerfile#"$src"/}: COPY source '$source' missing"
                status=1
            fi
        done
    done < <(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$dockerfile" | grep -iE '^[[:space:]]*(COPY|ADD)[[:space:]]')
done
((checked > 0)) || { echo "FAIL [copy-sources]: no COPY instruction found"; status=1; }
((status == 0)) && echo "PASS [copy-sources]: $checked COPY sources exist"
((status == 0 && skipped)) && exit 77
exit "$status"
