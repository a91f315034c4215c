#!/usr/bin/env bash
# Issue 15's package check: the .deb's control file names the libraries a bare Debian/Ubuntu needs, and the
# app image (and the .deb's files) hold the trimmed runtime with JavaFX's modules linked in, the AOT cache, the
# launcher, the icon and the desktop entry with its menu category. Run after `mvn -Pinstaller package`:
#   installer/linux/check-package.sh [target/installer]
set -euo pipefail
dir=${1:-target/installer}
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

image="$dir/image/tower"
[ -d "$image" ] || fail "no app image in $image (run mvn -Pinstaller package)"
for f in bin/tower lib/runtime/bin/java lib/runtime/lib/server/libjvm.so lib/runtime/lib/server/classes.jsa \
         lib/runtime/release lib/app/tower.jar lib/app/tower.cfg lib/app/tower.aot lib/tower.png; do
  [ -s "$image/$f" ] || fail "the app image lacks $f"
done
for f in libglass.so libglassgtk3.so libprism_sw.so libprism_es2.so; do
  [ -s "$image/lib/runtime/lib/$f" ] || fail "the runtime lacks JavaFX's native library $f"
done
grep -q '^java-options=-XX:AOTCache=$APPDIR/tower.aot$' "$image/lib/app/tower.cfg" || fail "the launcher does not use the AOT cache"
if grep -q '^app.classpath=.*/javafx-' "$image/lib/app/tower.cfg"; then
  fail "JavaFX is on the class path (it must be on the module path only)"
fi
modules=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$image/lib/runtime/release")
for m in java.desktop javafx.graphics javafx.controls javafx.swing jdk.security.auth; do
  grep -qw "$m" <<<"$modules" || fail "the runtime lacks $m: $modules"
done
grep -q 'java.se\b' <<<"$modules" && fail "the runtime is not trimmed (it holds java.se): $modules"

deb=$(ls "$dir"/tower_*_amd64.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || fail "no tower_*_amd64.deb in $dir"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgtk-3-0 libglib2.0-0 libx11-6 libxtst6 libxxf86vm1 libgl1 libfreetype6 libfontconfig1 libpango-1.0-0 \
           libcairo2 libstdc++6 libgcc-s1 libc6 xdg-utils; do
  grep -q "\b$lib\b" <<<"$depends" || fail "the control file's Depends does not name $lib: $depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./opt/tower/bin/tower ./opt/tower/lib/runtime/bin/java ./opt/tower/lib/app/tower.aot ./opt/tower/lib/app/tower.jar \
         ./opt/tower/lib/tower-tower.desktop ./opt/tower/lib/tower.png; do
  grep -qxF "$f" <<<"$contents" || fail "the .deb does not install $f"
done
desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/tower/lib/tower-tower.desktop)
for line in 'Exec=/opt/tower/bin/tower' 'Icon=/opt/tower/lib/tower.png' 'Categories=Office;Utility' 'Type=Application'; do
  grep -q "^$line" <<<"$desktop" || fail "the desktop entry lacks \"$line\": $desktop"
done
dpkg-deb -I "$deb" postinst | grep -q 'no desktop menu here' \
  || fail "the .deb carries jpackage's stock postinst, which fails where there is no menu folder"
echo "check-package: ok: $deb ($(du -h "$deb" | cut -f1)), Depends: $depends"
