package dev.tower.ui.map;

/**
 * One cell of the map's demand layer: centre, size in degrees, how many points fell in it and how many
 * of those lie outside every active circle (those stand out).
 */
public record HeatCell(double lat, double lng, double heightDegrees, double widthDegrees, long count, long outside) {}
