package dev.tower.provider;

/** @param estimated true when the number comes from the planner's statistics, not a count */
public record StatusCount(String status, long providers, boolean estimated) {}
