package dev.tower.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Heap in use (after a GC) and resident memory of this JVM, for notes such as "after 10,000 rows". */
public final class MemoryFigures {
    private MemoryFigures() {}

    public static String describe() {
        System.gc(); // a hint; what is left is what the rows kept alive, not garbage waiting for collection
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "heap in use %.1f MiB, resident %s", heap / 1048576.0, residentMemory());
    }

    private static String residentMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f MiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0))
                    .orElse("unknown");
        } catch (IOException | NumberFormatException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
