package dev.tower.shell;

import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The real view of each section that has one, registered by the composition root for one session.
 * The shell asks here and shows a {@link PlaceholderView} for the rest, so adding a feature never
 * means editing the shell. Each supplier is called at most once per session (the shell keeps the node).
 */
public final class SectionViews {
    private final Map<Section, Supplier<? extends Node>> factories = new EnumMap<>(Section.class);
    private final Map<Section, BiConsumer<Node, String>> recordOpeners = new EnumMap<>(Section.class);

    public SectionViews register(Section section, Supplier<? extends Node> factory) {
        Objects.requireNonNull(factory, "factory");
        if (factories.putIfAbsent(section, factory) != null) {
            throw new IllegalStateException("A view for " + section + " is registered twice");
        }
        return this;
    }

    /**
     * Registers a section whose view can show one record: when the shell opens {@code section/<id>}
     * (a booking id in an audit entry, say) it shows the view and hands it the id through {@code openRecord}.
     */
    public <N extends Node> SectionViews register(Section section, Supplier<N> factory,
                                                  BiConsumer<? super N, String> openRecord) {
        Objects.requireNonNull(openRecord, "openRecord");
        register(section, factory);
        @SuppressWarnings("unchecked") // the node handed back is the one this factory made
        BiConsumer<Node, String> opener = (view, id) -> openRecord.accept((N) view, id);
        recordOpeners.put(section, opener);
        return this;
    }

    /** Whether places in this section may carry a record id the view can open. */
    public boolean opensRecords(Section section) {
        return recordOpeners.containsKey(section);
    }

    Optional<BiConsumer<Node, String>> recordOpenerFor(Section section) {
        return Optional.ofNullable(recordOpeners.get(section));
    }

    Optional<Supplier<? extends Node>> factoryFor(Section section) {
        return Optional.ofNullable(factories.get(section));
    }
}
