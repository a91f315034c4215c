#!/usr/bin/env sh
# Tower launcher: finds a Java 25+ runtime by itself, then starts Tower.
# Looks in: $TOWER_JAVA_HOME, $JAVA_HOME, the java on PATH, then the usual install folders.
set -eu

self=$0
if command -v readlink >/dev/null 2>&1; then
  resolved=$(readlink -f "$0" 2>/dev/null || true)
  [ -n "$resolved" ] && self=$resolved
fi
here=$(cd "$(dirname "$self")" && pwd)
required=25

# Prints the feature version (17, 21, 25...) of the JDK/JRE in folder $1, or nothing.
feature_version() {
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
    [ -n "$v" ] && { echo "$v"; return 0; }
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

candidates() {
  [ -n "${TOWER_JAVA_HOME:-}" ] && echo "$TOWER_JAVA_HOME"
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  if command -v java >/dev/null 2>&1; then
    j=$(command -v java)
    j=$(readlink -f "$j" 2>/dev/null || echo "$j")
    dirname "$(dirname "$j")"
  fi
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && echo "$d"
  done
  return 0
}

java_home=""
for c in $(candidates); do
  v=$(feature_version "$c")
  if [ -n "$v" ] && [ "$v" -ge "$required" ]; then
    java_home=$c
    break
  fi
done

if [ -z "$java_home" ]; then
  echo "tower: Tower needs Java $required or newer, and none was found." >&2
  echo "tower: Install a JDK $required (for example Temurin $required), or set TOWER_JAVA_HOME to its folder." >&2
  exit 3
fi

# A class-data archive of this user's own runs about halves the console's launch (tower bench measures it):
# the JVM writes it on the first run and rebuilds it when Tower or Java changes. One per subcommand, since
# each loads different classes; without a writable cache folder Tower starts without one.
archive=""
cache="${XDG_CACHE_HOME:-${HOME:-}/.cache}/tower"
case "${1:-}" in
  ""|-*) kind=console ;;
  *[!a-z]*) kind=other ;;
  *) kind=$1 ;;
esac
if [ "$cache" != "/.cache/tower" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  archive="$cache/$kind.jsa"
fi

if [ -n "$archive" ]; then
  exec "$java_home/bin/java" @JVM_FLAGS@ -Xss2m \
    -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$here/tower.jar:$here/lib/*" dev.tower.app.Main "$@"
fi
exec "$java_home/bin/java" @JVM_FLAGS@ -Xss2m \
  -cp "$here/tower.jar:$here/lib/*" dev.tower.app.Main "$@"
