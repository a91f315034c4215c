#!/usr/bin/env bash
# Installs a Tower .deb with apt (so the libraries its control file names are pulled in, as on a bare
# machine), runs the installed app headless on Xvfb with `--smoke` as each demo role (sign in, open every
# screen the role may see, exit 0; a failure names the screen), then installs the same package again as an
# upgrade over the running installation's data and checks that the data folder survived it.
# Needs root (apt) and xvfb-run.  Usage: installer/linux/smoke-installed.sh target/installer/tower_0.2.0_amd64.deb
set -euo pipefail
deb=$(readlink -f "$1")
home=$(mktemp -d /tmp/tower-smoke.XXXXXX)
trap 'rm -rf "$home"' EXIT
fail() { echo "smoke-installed: FAILED: $*" >&2; exit 1; }

apt-get install -y -qq "$deb" >/dev/null || fail "apt could not install $deb"
[ -x /opt/tower/bin/tower ] || fail "/opt/tower/bin/tower is not installed"
for role in demo_admin demo_ops demo_analyst; do
  out=$(xvfb-run -a /opt/tower/bin/tower --data-dir "$home" --smoke "$role" 2>&1) || { echo "$out" | grep -v ' INFO ' >&2; fail "the smoke run as $role"; }
  grep -q '^smoke: .* all ok$' <<<"$out" || fail "the smoke run as $role did not report all screens ok"
  grep -i 'unsupported JavaFX configuration' <<<"$out" && fail "JavaFX warned about an unsupported configuration"
  grep '^smoke:\|^timing:' <<<"$out"
done

# the AOT cache made at package time maps in the installed image (same runtime, same options)
aot=$(JAVA_TOOL_OPTIONS=-Xlog:aot=info xvfb-run -a /opt/tower/bin/tower --data-dir "$home" --smoke demo_analyst 2>&1 || true)
grep -q 'Opened AOT cache /opt/tower/lib/app/tower.aot' <<<"$aot" || fail "the AOT cache was not opened"
grep -q 'Unable to map shared spaces\|An error has occurred while processing the AOT cache' <<<"$aot" \
  && fail "the AOT cache was rejected: $(grep '\[error\]\[aot\]' <<<"$aot" | head -n 3)"

# an upgrade (dpkg over the installed package) leaves the user's data folder alone
before=$(cd "$home" && find . -name embedded.properties -o -path ./pg17/PG_VERSION | sort | xargs sha256sum)
dpkg -i "$deb" >/dev/null || fail "reinstalling over the installed package failed"
after=$(cd "$home" && find . -name embedded.properties -o -path ./pg17/PG_VERSION | sort | xargs sha256sum)
[ "$before" = "$after" ] || fail "the data folder changed across the upgrade"
xvfb-run -a /opt/tower/bin/tower --data-dir "$home" --smoke demo_ops >/dev/null 2>&1 || fail "the smoke run after the upgrade"
echo "smoke-installed: ok: every screen of admin, ops and analyst opened from /opt/tower; AOT cache used; data kept across a reinstall"
