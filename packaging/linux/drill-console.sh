#!/bin/bash
# The drill-console command on PATH (/usr/bin/drill-console links here) and the desktop entry's Exec: the
# bundled Java runtime started with the native launcher's own settings, read from drill-console.cfg beside
# this file, so both start the same JVM the same way. jpackage's native launcher asks the package manager
# which package it belongs to at every start (rpm -qf, then dpkg -S and dpkg -L, twice: 0.4 s on a Debian
# machine), which neither a command typed in a terminal nor a window opened from the menu should pay.
set -euo pipefail

app="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
root="$(dirname "$(dirname "$app")")"
options=()
classpath=""
main=""
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        java-options=*) options+=("${line#java-options=}") ;;
        app.classpath=*) classpath="${line#app.classpath=}" ;;
        app.mainclass=*) main="${line#app.mainclass=}" ;;
    esac
done < "$app/drill-console.cfg"
if [ -z "$main" ] || [ -z "$classpath" ]; then
    echo "drill-console: $app/drill-console.cfg names no main class or class path; reinstall the package" >&2
    exit 70
fi
# $APPDIR in the settings is this directory, as the native launcher expands it.
options=("${options[@]//\$APPDIR/$app}")
# `health` starts with an AOT cache of its own (app.AotTraining): the JVM loads every class of the cache it
# maps, and the window's holds JavaFX. Measured (docs/benchmarks.md): health 1.07 s against 1.20 s; the other
# subcommands answer as soon or sooner with the window's, which holds their classes too.
if [ -f "$app/drill-console-health.aot" ]; then
    for arg in "$@"; do
        case "$arg" in
            health)
                options=("${options[@]/#-XX:AOTCache=*/-XX:AOTCache=$app/drill-console-health.aot}")
                break ;;
            drills|run|report|history|team-db|sandbox) break ;;
        esac
    done
fi
# The Java heap in 2 MB pages where the kernel gives them on request (its transparent huge pages in "madvise"
# mode, Debian's and Ubuntu's default): a start touches about 70 MB of new heap, and on a virtual machine every
# 4 KB page's first touch is a costly fault. Measured: the first frame 50 - 100 ms sooner, both panes 60 - 85 ms,
# for 25 MB more resident memory (docs/benchmarks.md). In "always" mode the heap has them without asking; in
# "never" mode the JVM would print a warning, so it is not asked.
thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ -r "$thp" ] && read -r mode < "$thp" && [[ "$mode" == *"[madvise]"* ]]; then
    options+=("-XX:+UseTransparentHugePages")
fi
# GTK, as it opens the display, loads OpenGL only to pick window visuals for GL drawing of its own (without a
# GPU that is Mesa's software driver and LLVM, 100 MB of libraries, on the way to the first frame). JavaFX never
# asks GTK for GL: it draws in software or through its own OpenGL pipeline, which picks its window's visual
# itself. Measured: the first frame 45 ms sooner, both panes 100 ms (docs/benchmarks.md). A GDK_GL the user set
# is left alone; what the console starts (credential plugins) inherits it, none of them draws with GTK's GL.
if [ -z "${GDK_GL+set}" ]; then
    export GDK_GL=disable
fi
exec "$root/lib/runtime/bin/java" "${options[@]}" "-Djpackage.app-path=$root/bin/drill-console" \
    -cp "${classpath//\$APPDIR/$app}" "$main" "$@"
