package dev.tower.settings;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Settings screen for {@code tower bench}: the list, and an update that flips the dispute SLA
 * between its current value and one hour more, carrying the version from one update to the next.
 */
public final class SettingsBench implements BenchOperations {
    @Override
    public List<BenchOperation> operations(BenchContext context) {
        SystemSetting sla = new SettingsService(context.session(Role.ADMIN)).list().stream()
                .filter(s -> s.kind() == SettingKind.DISPUTE_SLA_HOURS).findFirst()
                .orElseThrow(() -> new IllegalStateException("The bench database has no dispute SLA setting."));
        int hours = Integer.parseInt(sla.value());
        String[] values = {String.valueOf(hours), String.valueOf(hours >= 720 ? hours - 1 : hours + 1)};
        AtomicReference<Instant> version = new AtomicReference<>(sla.updatedAt());
        AtomicBoolean flip = new AtomicBoolean();
        return List.of(
                BenchOperation.of("settings.list", Role.ADMIN, Permission.MANAGE_SETTINGS, BenchTarget.LIST_PAGE,
                        s -> new SettingsService(s).list()),
                BenchOperation.of("settings.update", Role.ADMIN, Permission.MANAGE_SETTINGS, BenchTarget.MUTATION,
                        s -> version.set(new SettingsService(s).update(SettingKind.DISPUTE_SLA_HOURS,
                                values[flip.getAndSet(!flip.get()) ? 0 : 1], version.get()))));
    }
}
