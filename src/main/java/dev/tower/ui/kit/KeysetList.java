package dev.tower.ui.kit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A long list read a page at a time by keyset: each page asks for the rows after the last row's key
 * (a composite cursor such as time plus id, so rows with equal times are neither skipped nor repeated),
 * and for one row more than it shows, which says whether there is more without counting anything.
 *
 * <p>Changing the filter and calling {@link #reload} starts over; {@link #loadMore} appends. Both run in
 * the same lane of the {@link ScreenState}, so a reload supersedes a slow earlier page.
 *
 * @param <F> the filter
 * @param <K> the cursor (a record of the sort columns, last one unique)
 * @param <R> the row
 */
public final class KeysetList<F, K, R> {
    /** Reads up to {@code limit} rows matching {@code filter} after {@code after} (null: from the start). */
    @FunctionalInterface
    public interface PageReader<F, K, R> {
        List<R> read(F filter, K after, int limit) throws Exception;
    }

    private final ScreenState state;
    private final String what;
    private final int pageSize;
    private final PageReader<F, K, R> reader;
    private final Function<? super R, ? extends K> keyOf;
    private final ObjectProperty<F> filter;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final String lane;

    /**
     * @param what plural noun for the summary and busy text ("audit entries")
     */
    public KeysetList(ScreenState state, String what, int pageSize, F initialFilter,
                      PageReader<F, K, R> reader, Function<? super R, ? extends K> keyOf) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.state = Objects.requireNonNull(state);
        this.what = Objects.requireNonNull(what);
        this.pageSize = pageSize;
        this.reader = Objects.requireNonNull(reader);
        this.keyOf = Objects.requireNonNull(keyOf);
        this.filter = new SimpleObjectProperty<>(this, "filter", initialFilter);
        this.lane = "list:" + what;
    }

    /** Reads the first page for the current filter, replacing what is shown. */
    public void reload() {
        F current = filter.get();
        state.run(lane, "Loading " + what + "…", () -> reader.read(current, null, pageSize + 1), page -> {
            rows.setAll(page.subList(0, Math.min(page.size(), pageSize)));
            finishPage(page);
        });
    }

    /** Appends the next page; does nothing when there is no more. */
    public void loadMore() {
        if (!hasMore.get() || rows.isEmpty()) {
            return;
        }
        F current = filter.get();
        K after = keyOf.apply(rows.get(rows.size() - 1));
        state.run(lane, "Loading more " + what + "…", () -> reader.read(current, after, pageSize + 1), page -> {
            rows.addAll(page.subList(0, Math.min(page.size(), pageSize)));
            finishPage(page);
        });
    }

    private void finishPage(List<R> page) {
        hasMore.set(page.size() > pageSize);
        summary.set(rows.isEmpty()
                ? "No " + what + " match."
                : "Showing " + rows.size() + " " + what + (hasMore.get() ? " — more available" : ""));
    }

    public ObjectProperty<F> filterProperty() { return filter; }

    public F filter() { return filter.get(); }

    public void setFilter(F value) { filter.set(value); }

    public ObservableList<R> rows() { return rows; }

    public ReadOnlyBooleanProperty hasMoreProperty() { return hasMore.getReadOnlyProperty(); }

    public boolean hasMore() { return hasMore.get(); }

    /** "Showing 50 audit entries — more available", without counting the table. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public int pageSize() { return pageSize; }
}
