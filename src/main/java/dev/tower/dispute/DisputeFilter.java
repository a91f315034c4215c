package dev.tower.dispute;

import java.util.UUID;

/**
 * Which open disputes the queue shows. Null fields do not filter.
 *
 * @param dueWithinHours only those due within this many hours from now (overdue ones included)
 * @param assignee       only those assigned to this login
 * @param unassignedOnly only those nobody has taken
 */
public record DisputeFilter(Integer dueWithinHours, String reasonCode, UUID areaId, String assignee,
                            boolean unassignedOnly) {
    public static final DisputeFilter ALL = new DisputeFilter(null, null, null, null, false);
}
