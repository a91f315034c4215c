package dev.tower.ui.kit;

import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetListTest {
    record Row(int time, long id, String kind) { }

    record Key(int time, long id) { }

    private static final Comparator<Row> ORDER = Comparator.comparingInt(Row::time).thenComparingLong(Row::id);

    /** 25 rows, but only 3 distinct times: pages must cut through runs of equal times. */
    private final List<Row> table = IntStream.range(0, 25)
            .mapToObj(i -> new Row(i / 10, 100 - i, i % 2 == 0 ? "even" : "odd"))
            .sorted(ORDER).toList();

    private final List<Integer> limitsAsked = new ArrayList<>();

    private List<Row> read(String kind, Key after, int limit) {
        limitsAsked.add(limit);
        return table.stream()
                .filter(r -> kind == null || r.kind().equals(kind))
                .filter(r -> after == null || r.time() > after.time() || (r.time() == after.time() && r.id() > after.id()))
                .limit(limit).toList();
    }

    @Test
    void pagesAcrossEqualKeysNeitherSkipNorRepeat() {
        KeysetList<String, Key, Row> list = new KeysetList<>(new ScreenState(new SyncTaskExecutor()), "rows", 4,
                null, this::read, r -> new Key(r.time(), r.id()));
        list.reload();
        while (list.hasMore()) {
            list.loadMore();
        }
        assertThat(list.rows()).containsExactlyElementsOf(table);
        assertThat(limitsAsked).allMatch(limit -> limit == 5);
        assertThat(list.summaryProperty().get()).isEqualTo("Showing 25 rows");
    }

    @Test
    void extraRowSaysThereIsMoreAndFilterChangeStartsOver() {
        KeysetList<String, Key, Row> list = new KeysetList<>(new ScreenState(new SyncTaskExecutor()), "rows", 10,
                null, this::read, r -> new Key(r.time(), r.id()));
        list.reload();
        assertThat(list.rows()).hasSize(10);
        assertThat(list.hasMore()).isTrue();
        assertThat(list.summaryProperty().get()).isEqualTo("Showing 10 rows — more available");

        list.setFilter("even");
        list.reload();
        list.loadMore();
        assertThat(list.rows()).hasSize(13).allMatch(r -> r.kind().equals("even"));
        assertThat(list.hasMore()).isFalse();

        list.setFilter("none");
        list.reload();
        assertThat(list.summaryProperty().get()).isEqualTo("No rows match.");
    }
}
