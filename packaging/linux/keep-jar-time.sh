#!/bin/bash
# Run by `mvn -Ppackage package` after jpackage has built the .deb. jpackage copies the app-image into the
# package without its files' times, and the JVM refuses an AOT cache whose class path jar has another time
# than the jar it was trained with ("timestamp has changed": the installed app then started with no cache,
# 4.2 s to its first frame instead of 1.9 s). This gives the packaged jar the app-image jar's time back.
# usage: keep-jar-time.sh DIR-WITH-THE-DEB APP-IMAGE-JAR
set -euo pipefail
debs=("$1"/drill-console_*.deb)
if [ "${#debs[@]}" -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    echo "keep-jar-time: expected one drill-console_*.deb in $1" >&2
    exit 1
fi
deb="${debs[0]}"
jar="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/root"
packaged="$(find "$work/root" -path '*/lib/app/drill-console.jar' -print -quit)"
if [ -z "$packaged" ]; then
    echo "keep-jar-time: no lib/app/drill-console.jar in $deb" >&2
    exit 1
fi
touch -r "$jar" "$packaged"
dpkg-deb --root-owner-group -b "$work/root" "$work/fixed.deb" > /dev/null
mv "$work/fixed.deb" "$deb"
