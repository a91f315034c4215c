package dev.tower.shell;

import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The real view of each section that has one, registered by the composition root for one session.
 * The shell asks here and shows a {@link PlaceholderView} for the rest, so adding a feature never
 * means editing the shell. Each supplier is called at most once per session (the shell keeps the node).
 */
public final class SectionViews {
    private final Map<Section, Supplier<? extends Node>> factories = new EnumMap<>(Section.class);

    public SectionViews register(Section section, Supplier<? extends Node> factory) {
        Objects.requireNonNull(factory, "factory");
        if (factories.putIfAbsent(section, factory) != null) {
            throw new IllegalStateException("A view for " + section + " is registered twice");
        }
        return this;
    }

    Optional<Supplier<? extends Node>> factoryFor(Section section) {
        return Optional.ofNullable(factories.get(section));
    }
}
