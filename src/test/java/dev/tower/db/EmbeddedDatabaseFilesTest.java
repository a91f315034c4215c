package dev.tower.db;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 items 3 and 8 on the running embedded cluster: fsync is on, the binaries it runs were unpacked
 * in the private data folder (not /tmp), and nothing in that folder is open to other users.
 */
class EmbeddedDatabaseFilesTest {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private final TestDatabase db = TestDatabase.get();

    @Test
    void fsyncAndSynchronousCommitAreOn() throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void binariesAreUnpackedInThePrivateDataFolderAndTheServerRunsThem() throws Exception {
        Path bin = db.home().resolve(EmbeddedDatabase.BINARIES_DIRECTORY);
        assertThat(bin).isDirectory();
        assertThat(mode(bin)).isEqualTo("rwx------");
        assertThat(Files.getOwner(bin).getName()).isEqualTo(System.getProperty("user.name"));
        try (Stream<Path> unpacked = Files.list(bin)) {
            assertThat(unpacked.filter(p -> p.getFileName().toString().startsWith("PG-")))
                    .allSatisfy(p -> assertThat(mode(p)).isEqualTo("rwx------"))
                    .isNotEmpty();
        }
        // the postmaster's own executable lies there, not in a shared /tmp/embedded-pg
        long pid = Long.parseLong(Files.readAllLines(db.home().resolve(EmbeddedDatabase.DATA_DIRECTORY)
                .resolve("postmaster.pid")).getFirst().strip());
        Path executable = Path.of("/proc", Long.toString(pid), "exe").toRealPath();
        assertThat(executable).startsWith(bin.toRealPath());
    }

    @Test
    void everythingInTheDataFolderIsTheUsersAlone() throws Exception {
        Path home = db.home();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("embedded.properties"))).isEqualTo("rw-------");
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(home)) {
            all.filter(p -> !Files.isSymbolicLink(p)).forEach(p -> {
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)
                            || Files.isDirectory(p) && !perms.equals(PosixFilePermissions.fromString("rwx------"))) {
                        open.add(home.relativize(p) + " " + PosixFilePermissions.toString(perms));
                    }
                } catch (IOException gone) {
                    // a server temp file removed while walking
                }
            });
        }
        assertThat(open).as("files or folders open to others").isEmpty();
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
