package dev.tower.security;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static dev.tower.security.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class PermissionMatrixTest {
    static final String README_MARKER = "<!-- permission-matrix -->";

    /** Permissions that change business rows or the system; analysts must hold none of them. */
    static final Set<Permission> WRITES = EnumSet.of(REVIEW_PROVIDER_DOCUMENTS, VERIFY_PROVIDER, MANAGE_SERVICE_AREAS,
            CHANGE_BOOKING_STATUS, RESOLVE_DISPUTE, ISSUE_REFUND, APPROVE_LARGE_REFUND, APPLY_MIGRATIONS,
            MANAGE_STAFF, MANAGE_SETTINGS);

    @Test
    void adminHoldsEveryPermission() {
        assertThat(PermissionMatrix.permissionsOf(Role.ADMIN)).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void opsWorkTheQueuesAndSeeProvidersAndAreasReadOnly() {
        assertThat(PermissionMatrix.permissionsOf(Role.OPS)).containsExactlyInAnyOrder(
                VIEW_PROVIDERS, VIEW_SERVICE_AREAS, VIEW_BOOKINGS, CHANGE_BOOKING_STATUS, READ_BOOKING_MESSAGES,
                VIEW_DISPUTES, RESOLVE_DISPUTE, ISSUE_REFUND, VIEW_CUSTOMER_CONTACT, CHANGE_OWN_PASSWORD);
        assertThat(PermissionMatrix.permissionsOf(Role.OPS)).doesNotContain(
                VERIFY_PROVIDER, MANAGE_SERVICE_AREAS, APPLY_MIGRATIONS, APPROVE_LARGE_REFUND);
    }

    @Test
    void analystsReadDashboardsOnlyAndNeverSeeContactDetails() {
        assertThat(PermissionMatrix.permissionsOf(Role.ANALYST))
                .containsExactlyInAnyOrder(VIEW_ANALYTICS, REFRESH_ANALYTICS, EXPORT_ANALYTICS, CHANGE_OWN_PASSWORD)
                .doesNotContain(VIEW_CUSTOMER_CONTACT)
                .doesNotContainAnyElementsOf(WRITES);
    }

    @Test
    void everyPermissionIsHeldBySomeRoleAndDescribed() {
        for (Permission p : Permission.values()) {
            assertThat(Arrays.stream(Role.values()).anyMatch(r -> PermissionMatrix.allows(r, p))).as(p.name()).isTrue();
            assertThat(p.description()).as(p.name()).isNotBlank().doesNotEndWith(".");
        }
    }

    @Test
    void markdownHasOneRowPerPermissionAndAColumnPerRole() {
        String[] lines = PermissionMatrix.toMarkdown().split("\n");
        assertThat(lines).hasSize(2 + Permission.values().length);
        assertThat(lines[0]).isEqualTo("| permission | what it allows | admin | operations | analyst |");
        assertThat(lines[1]).isEqualTo("|---|---|---|---|---|");
        assertThat(lines).contains("| `VIEW_CUSTOMER_CONTACT` | see customers' email, phone and address | yes | yes | — |");
        assertThat(lines).contains("| `VIEW_ANALYTICS` | see the analytics dashboards | yes | — | yes |");
    }

    /** README.md shows the matrix after a marker line; this keeps the two from drifting apart. */
    @Test
    void readmeShowsTheCurrentMatrix() throws IOException {
        // Written for whoever updates README.md: paste this file's content under the marker line.
        Path rendered = Path.of(System.getProperty("tower.test.dataDir", "target/test-pg")).toAbsolutePath()
                .getParent().resolve("permission-matrix.md");
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, PermissionMatrix.toMarkdown());

        Path readme = Path.of("README.md");
        assumeThat(readme).as("README.md at the project root").exists();
        String text = Files.readString(readme);
        assumeThat(text).as("README.md has the line " + README_MARKER).contains(README_MARKER);
        assertShowsCurrentMatrix(text);
    }

    @Test
    void readmeCheckCatchesAStaleTable() {
        String current = "intro\n" + README_MARKER + "\n" + PermissionMatrix.toMarkdown() + "\nmore";
        assertShowsCurrentMatrix(current.replace("\n", "\r\n"));
        String stale = current.replace("| `VIEW_ANALYTICS` | see the analytics dashboards | yes | — | yes |",
                "| `VIEW_ANALYTICS` | see the analytics dashboards | yes | yes | yes |");
        assertThatThrownBy(() -> assertShowsCurrentMatrix(stale)).isInstanceOf(AssertionError.class);
        String detached = current.replace(README_MARKER + "\n", README_MARKER + "\n\nSome words\n");
        assertThatThrownBy(() -> assertShowsCurrentMatrix(detached)).isInstanceOf(AssertionError.class);
    }

    private static void assertShowsCurrentMatrix(String readme) {
        assertThat(readme.replace("\r\n", "\n"))
                .as("README.md must show PermissionMatrix.toMarkdown() right after " + README_MARKER
                        + " (the test writes it to <build dir>/permission-matrix.md)")
                .contains(README_MARKER + "\n" + PermissionMatrix.toMarkdown());
    }
}
