#!/bin/sh
# runtime-packages.sh - print the Debian packages that provide the shared libraries a
# binary links (ldd + dpkg -S), one per line, sorted. Used by the Dockerfile's build
# stage so the runtime stage installs exactly the runtime libraries, never -dev ones.
# Usage: runtime-packages.sh BINARY. Fails when a library belongs to no package.
set -eu
owner() { # owner PATH: the package that registered PATH, trying the /usr-merged aliases
    for p in "$1" "${1#/usr}" "/usr$1"; do
        dpkg -S "$p" 2>/dev/null | cut -d: -f1 | head -n 1 | grep . && return 0
    done
    return 1
}
libs="$(mktemp)" pkgs="$(mktemp)"
trap 'rm -f "$libs" "$pkgs"' EXIT
ldd "$1" | awk '/=> \// { print $3 } /^\t\/.*ld-linux/ { print $1 }' >"$libs"
while read -r lib; do
    owner "$lib" || owner "$(readlink -f "$lib")" ||
        { echo "runtime-packages: no package owns $lib" >&2; exit 1; }
done <"$libs" >"$pkgs"
sort -u "$pkgs"
