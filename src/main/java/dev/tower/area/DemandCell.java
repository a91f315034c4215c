package dev.tower.area;

/** Drop-offs of the last 30 days in one grid cell of the map, and how many lie outside every active area. */
public record DemandCell(double lat, double lng, long dropoffs, long outside) {}
