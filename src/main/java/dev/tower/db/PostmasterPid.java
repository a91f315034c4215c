package dev.tower.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The first lines of a cluster's {@code postmaster.pid}: the server's process id and its port. A file
 * whose process is gone is stale (the server crashed or the machine lost power), and nothing that
 * answers on its port is the cluster any more.
 */
record PostmasterPid(long pid, int port) {
    private static final int PID_LINE = 0;
    private static final int PORT_LINE = 3;

    static Optional<PostmasterPid> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() <= PORT_LINE) {
                return Optional.empty(); // being written by a starting server, or truncated
            }
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(PID_LINE).strip()),
                    Integer.parseInt(lines.get(PORT_LINE).strip())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when a process with that id runs (it still has to prove it is the cluster). */
    boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
