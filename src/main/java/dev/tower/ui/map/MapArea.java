package dev.tower.ui.map;

/** One circle the map draws: what it stands for, its label, where it is, and whether it is in use. */
public record MapArea<K>(K key, String label, GeoCircle circle, boolean active) {}
