package dev.tower.area;

import dev.tower.error.ValidationException;

/**
 * The grid the database keeps drop-offs on (booking_dropoff_cells, V62): cells of {@value #DEGREES}°.
 * A map cell is a whole number of them, so a requested size is rounded to the nearest multiple (at least one).
 */
public final class DemandGrid {
    public static final double DEGREES = 0.01;

    private DemandGrid() {}

    /** How many grid cells a map cell of {@code degrees} (up to 1) spans. */
    static int cells(double degrees) {
        if (!(degrees > 0)) {
            throw new ValidationException("area.bad_cell", "The map's cell size must be a positive number of degrees.");
        }
        return (int) Math.max(1, Math.round(Math.min(1.0, degrees) / DEGREES));
    }

    /** The size a map cell of {@code degrees} really has: what the map should draw. */
    public static double size(double degrees) {
        return cells(degrees) * DEGREES;
    }
}
