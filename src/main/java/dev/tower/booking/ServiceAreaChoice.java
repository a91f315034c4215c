package dev.tower.booking;

import java.util.UUID;

/** A service area the browser can filter on. */
public record ServiceAreaChoice(UUID id, String name) {}
