package dev.tower.provider;

import java.util.Objects;

/**
 * What the verification queue shows. Null fields do not filter.
 *
 * @param status             the tab
 * @param providerType       "courier" or "drone"
 * @param serviceArea        an area name the provider serves
 * @param expiringWithinDays only providers with a document expiring within this many days
 * @param search             part of the business name or the person's name
 */
public record QueueFilter(ProviderStatus status, String providerType, String serviceArea,
                          Integer expiringWithinDays, String search) {
    public static final QueueFilter PENDING = new QueueFilter(ProviderStatus.PENDING, null, null, null, null);

    public QueueFilter {
        Objects.requireNonNull(status, "status");
        providerType = blankToNull(providerType);
        serviceArea = blankToNull(serviceArea);
        search = blankToNull(search);
    }

    public QueueFilter withStatus(ProviderStatus value) {
        return new QueueFilter(value, providerType, serviceArea, expiringWithinDays, search);
    }

    public QueueFilter withSearch(String value) {
        return new QueueFilter(status, providerType, serviceArea, expiringWithinDays, value);
    }

    public QueueFilter withType(String value) {
        return new QueueFilter(status, value, serviceArea, expiringWithinDays, search);
    }

    public QueueFilter withServiceArea(String value) {
        return new QueueFilter(status, providerType, value, expiringWithinDays, search);
    }

    public QueueFilter withExpiringWithinDays(Integer value) {
        return new QueueFilter(status, providerType, serviceArea, value, search);
    }

    /** The stored status the tab reads (bound by the queue query). */
    public String storedStatus() { return status.stored(); }

    public boolean reverification() { return status == ProviderStatus.NEEDS_REVERIFICATION; }

    /** An ILIKE pattern for the search text with its wildcards escaped, or null. */
    public String searchPattern() {
        if (search == null) {
            return null;
        }
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
