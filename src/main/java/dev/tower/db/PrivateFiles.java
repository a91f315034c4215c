package dev.tower.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Tower's umask, applied in code: everything Tower keeps in its data folder (the cluster, its unpacked
 * binaries, embedded.properties, logs) is the user's alone, directories 700 and files 600 (or 700 when
 * executable). The process umask is usually 022, which would make the log and the binaries world-readable,
 * and zonky even makes its working directory world-writable, so the modes are set explicitly.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /** Creates {@code dir} (and missing parents) as 700, and makes an existing one 700. */
    public static Path directory(Path dir) throws IOException {
        if (!posix()) {
            return Files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        return dir;
    }

    /** Creates an empty {@code file} as 600 if it is missing (its folder as 700), and makes it 600. */
    public static Path file(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            directory(parent);
        }
        if (!posix()) {
            return Files.exists(file) ? file : Files.createFile(file);
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.setPosixFilePermissions(file, FILE);
        return file;
    }

    /** Writes {@code content} to a file that is 600 from the moment it exists (it is replaced, never widened). */
    public static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        file(file);
        Files.writeString(file, content);
    }

    /**
     * Takes every group and other permission off everything under {@code root} (symbolic links are not
     * followed). Directories become 700; files keep their owner bits, so executables stay runnable.
     */
    public static void tighten(Path root) throws IOException {
        if (!posix() || !Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                restrict(dir, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() || attrs.isOther()) {
                    restrict(file, false);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // a file the server removed between listing and visiting (a finished temp file) needs nothing
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void restrict(Path path, boolean directory) throws IOException {
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> wanted = directory ? DIRECTORY : EnumSet.copyOf(now);
            if (!directory) {
                wanted.removeAll(OTHERS);
            }
            if (!now.equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // removed meanwhile (PostgreSQL's own temp files): nothing left to protect
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
