package dev.tower.demo;

/**
 * How much demo data to generate. Counts are exact for people, providers and bookings; listings (1-3 per
 * provider), documents and messages follow from them.
 *
 * <p>Messages: booking {@code i} gets {@code messageBase + i % messageSpread} messages (a disputed booking its
 * whole eight-message argument), so SMALL averages 2.5 per booking and LARGE 3 (at least 3,000,000).
 * Documents: SMALL renders one file per document, with its holder's name on it; LARGE renders a pool of
 * {@code documentPool} files per kind that many document rows share, so the database stays small.
 */
public enum DemoScale {
    SMALL(1_500, 150, 6_000, 0, 6, 0),
    LARGE(300_000, 100_000, 1_000_000, 1, 5, 60);

    private final int customers;
    private final int providers;
    private final int bookings;
    private final int messageBase;
    private final int messageSpread;
    private final int documentPool;

    DemoScale(int customers, int providers, int bookings, int messageBase, int messageSpread, int documentPool) {
        this.customers = customers;
        this.providers = providers;
        this.bookings = bookings;
        this.messageBase = messageBase;
        this.messageSpread = messageSpread;
        this.documentPool = documentPool;
    }

    public int customers() { return customers; }

    public int providers() { return providers; }

    public int bookings() { return bookings; }

    public int messageBase() { return messageBase; }

    public int messageSpread() { return messageSpread; }

    /** Files rendered per document kind; 0 means one file per document. */
    public int documentPool() { return documentPool; }

    /** Messages before the extra lines of disputed bookings: the sum of base + i mod spread over all bookings. */
    public long baseMessages() {
        long total = 0;
        long full = bookings / messageSpread;
        long perCycle = (long) messageSpread * messageBase + (long) messageSpread * (messageSpread - 1) / 2;
        total += full * perCycle;
        for (long i = full * messageSpread + 1; i <= bookings; i++) {
            total += messageBase + i % messageSpread;
        }
        return total;
    }
}
