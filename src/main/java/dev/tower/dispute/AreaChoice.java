package dev.tower.dispute;

import java.util.UUID;

public record AreaChoice(UUID id, String name) {
    @Override
    public String toString() { return name; }
}
