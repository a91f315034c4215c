package dev.tower.staff;

import dev.tower.security.Role;

import java.time.Instant;

/** One staff login as the Staff screen shows it. {@code canLogIn} is what PostgreSQL will actually allow. */
public record StaffMember(String login, String displayName, Role role, boolean disabled, boolean canLogIn,
                          Instant createdAt, String createdBy) {}
