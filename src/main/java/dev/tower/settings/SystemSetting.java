package dev.tower.settings;

import java.time.Instant;

/** One editable setting with its current value (as text, never a float) and when it last changed. */
public record SystemSetting(SettingKind kind, String value, String description, Instant updatedAt) {}
