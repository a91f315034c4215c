#!/usr/bin/env bash
# Issue 15's upgrade, checked for real: builds the .deb of an older commit (an older set of migrations),
# installs it, lets it create its embedded database and demo logins in a fresh data folder, then installs
# the newer .deb over it with dpkg, as an upgrade. The first start of the newer Tower must keep that folder
# (the same server identity and cluster), migrate the database itself and say so, and open every screen.
# Needs root (apt, dpkg), git history with OLD_REV, Maven with a JDK 25, and xvfb-run.
# Usage: installer/linux/upgrade-from.sh OLD_REV target/installer/tower_X_amd64.deb
set -euo pipefail
rev=$1
new_deb=$(readlink -f "$2")
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/tower-upgrade.XXXXXX)
home=$work/home
cleanup() { git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "upgrade-from: FAILED: $*" >&2; exit 1; }

git -C "$repo" worktree add -q --detach "$work/src" "$rev" || fail "no commit $rev in this clone"
(cd "$work/src" && xvfb-run -a mvn -B -q -Pinstaller -DskipTests package) >"$work/old-build.log" 2>&1 \
  || { tail -n 30 "$work/old-build.log" >&2; fail "building the .deb of $rev"; }
old_deb=$(ls "$work"/src/target/installer/tower_*_amd64.deb)
echo "upgrade-from: old package $(basename "$old_deb") from $rev, new package $(basename "$new_deb")"

apt-get install -y -qq --allow-downgrades "$old_deb" >/dev/null || fail "apt could not install $old_deb"
xvfb-run -a /opt/tower/bin/tower --data-dir "$home" --smoke demo_admin >"$work/old-run.log" 2>&1 \
  || { grep -v ' INFO ' "$work/old-run.log" >&2; fail "the older Tower's smoke run"; }
# the cluster's system identifier (pg_control's first 8 bytes), its major version and the superuser password
identity() { (cd "$home" && od -An -tx8 -N8 pg17/global/pg_control && cat pg17/PG_VERSION \
              && grep '^superuser.password=' embedded.properties | sha256sum); }
before=$(identity)

dpkg -i "$new_deb" >/dev/null || fail "installing $new_deb over $old_deb"
out=$(xvfb-run -a /opt/tower/bin/tower --data-dir "$home" --smoke demo_ops 2>&1) \
  || { echo "$out" | grep -v ' INFO ' >&2; fail "the newer Tower's first start after the upgrade"; }
grep -q '^Tower upgraded its database in .* from schema version .* migration(s) applied); your data and settings were kept\.$' <<<"$out" \
  || fail "the first start after the upgrade did not say it migrated the database"
grep '^Tower upgraded' <<<"$out"
grep -q '^smoke: .* all ok$' <<<"$out" || fail "a screen failed after the upgrade"
after=$(identity)
[ "$before" = "$after" ] || fail "the data folder's server identity changed across the upgrade"
again=$(xvfb-run -a /opt/tower/bin/tower --data-dir "$home" --smoke demo_analyst 2>&1) || fail "the second start after the upgrade"
grep -q '^Tower upgraded' <<<"$again" && fail "the second start migrated again"
echo "upgrade-from: ok: $rev's package upgraded in place; data folder kept, database migrated once and said so, every screen opened"
