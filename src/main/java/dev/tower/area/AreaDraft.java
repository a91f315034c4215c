package dev.tower.area;

import java.math.BigDecimal;

/** What an admin asks an area to become: checked by {@link AreaRules} here and again by the database. */
public record AreaDraft(String name, BigDecimal centerLat, BigDecimal centerLng, int radiusMiles) {}
