package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaTotal;
import dev.tower.analytics.AnalyticsRows.CategoryTotal;
import dev.tower.analytics.AnalyticsRows.DailyPoint;
import dev.tower.analytics.AnalyticsRows.FunnelRow;
import dev.tower.analytics.AnalyticsRows.FunnelStage;
import dev.tower.analytics.AnalyticsRows.TopProvider;
import dev.tower.analytics.AnalyticsRows.WeeklyPoint;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Draws each dashboard as a JavaFX chart: every bar and point has a tooltip with its exact numbers and,
 * where the role may see what it leads to (bookings; the provider queue for the funnel), opens that
 * filtered to it when clicked.
 */
final class DashboardCharts {
    private final BiConsumer<DashboardKind, Object> onClick;
    private final java.util.function.Predicate<DashboardKind> clickable;

    DashboardCharts(java.util.function.Predicate<DashboardKind> clickable, BiConsumer<DashboardKind, Object> onClick) {
        this.clickable = clickable;
        this.onClick = onClick;
    }

    XYChart<?, ?> chart(DashboardKind kind, Dashboards d) {
        XYChart<?, ?> chart = switch (kind) {
            case REVENUE -> revenue(d.daily());
            case CATEGORIES -> bars(kind, "Bookings", d.categories(), c -> DashboardTables.categoryLabel(c.category()),
                    CategoryTotal::bookings, c -> c.bookings() + " bookings, $" + money(c.revenue()) + " revenue");
            case AREAS -> bars(kind, "Bookings", d.areas(), AreaTotal::area, AreaTotal::bookings,
                    a -> a.bookings() + " bookings, $" + money(a.revenue()) + " revenue");
            case DISPUTES -> disputes(d.weekly());
            case TOP_PROVIDERS -> topProviders(d.topProviders());
            case FUNNEL -> funnel(d.funnel());
        };
        chart.setId("chart-" + kind.key());
        chart.setAnimated(false);
        chart.setTitle(kind.title());
        return chart;
    }

    private LineChart<Number, Number> revenue(List<DailyPoint> days) {
        NumberAxis x = dayAxis(days.isEmpty() ? null : days.getFirst().day(), days.isEmpty() ? null : days.getLast().day());
        NumberAxis y = new NumberAxis();
        y.setLabel("USD per day");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        XYChart.Series<Number, Number> revenue = new XYChart.Series<>();
        revenue.setName("Revenue (completed)");
        XYChart.Series<Number, Number> refunded = new XYChart.Series<>();
        refunded.setName("Refunded");
        for (DailyPoint p : days) {
            revenue.getData().add(point(DashboardKind.REVENUE, p.day().toEpochDay(), p.revenue().doubleValue(), p,
                    p.day() + ": $" + money(p.revenue()) + " revenue from " + p.bookings() + " bookings"));
            refunded.getData().add(point(DashboardKind.REVENUE, p.day().toEpochDay(), p.refunded().doubleValue(), p,
                    p.day() + ": $" + money(p.refunded()) + " refunded"));
        }
        chart.getData().add(revenue);
        chart.getData().add(refunded);
        if (days.size() > 90) {
            small(revenue);
            small(refunded);
        }
        return chart;
    }

    private LineChart<Number, Number> disputes(List<WeeklyPoint> weeks) {
        NumberAxis x = dayAxis(weeks.isEmpty() ? null : weeks.getFirst().week(), weeks.isEmpty() ? null : weeks.getLast().week());
        NumberAxis y = new NumberAxis();
        y.setLabel("Disputes per 100 bookings");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        XYChart.Series<Number, Number> rate = new XYChart.Series<>();
        rate.setName("Dispute rate (%)");
        for (WeeklyPoint w : weeks) {
            rate.getData().add(point(DashboardKind.DISPUTES, w.week().toEpochDay(), w.disputeRatePercent().doubleValue(), w,
                    "Week of " + w.week() + ": " + w.disputesOpened() + " disputes on " + w.bookings() + " bookings ("
                            + w.disputeRatePercent().toPlainString() + "%); " + w.refunds() + " refunds, $"
                            + money(w.refundedAmount())));
        }
        chart.getData().add(rate);
        return chart;
    }

    /** Horizontal, best at the top, so long business names stay readable. */
    private BarChart<Number, String> topProviders(List<TopProvider> top) {
        NumberAxis x = new NumberAxis();
        x.setLabel("Revenue of completed bookings (USD)");
        BarChart<Number, String> chart = new BarChart<>(x, new CategoryAxis());
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // a category axis merges equal labels, and business names are not unique: two "Riverfront Couriers"
        // would share one row, so a repeated name carries the start of its provider id
        java.util.Map<String, Long> named = top.stream()
                .collect(java.util.stream.Collectors.groupingBy(TopProvider::name, java.util.stream.Collectors.counting()));
        for (TopProvider t : top.reversed()) {
            String label = named.get(t.name()) > 1 ? t.name() + " (" + t.providerId().toString().substring(0, 6) + ")" : t.name();
            XYChart.Data<Number, String> data = new XYChart.Data<>(t.revenue().doubleValue(), label);
            tooltip(data, t.name() + ": $" + money(t.revenue()) + " from " + t.completed() + " completed of "
                    + t.bookings() + " bookings; " + t.disputes() + " disputes");
            clickable(data, DashboardKind.TOP_PROVIDERS, t);
            series.getData().add(data);
        }
        chart.getData().add(series);
        chart.setLegendVisible(false);
        return chart;
    }

    /** Each stage but "Submitted" (every status at once) opens the provider queue's tab of that status. */
    private BarChart<String, Number> funnel(List<FunnelRow> rows) {
        List<FunnelStage> stages = FunnelStage.of(rows);
        long submitted = stages.getFirst().providers();
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("Providers who submitted in the period");
        for (FunnelStage stage : stages) {
            XYChart.Data<String, Number> data = new XYChart.Data<>(stage.stage(), stage.providers());
            String share = submitted == 0 ? "" : String.format(" (%.1f%% of those submitted)",
                    100.0 * stage.providers() / submitted);
            tooltip(data, stage.stage() + ": " + stage.providers() + " providers" + share);
            if (stage.status() != null) {
                clickable(data, DashboardKind.FUNNEL, stage);
            }
            series.getData().add(data);
        }
        chart.getData().add(series);
        return chart;
    }

    private <T> BarChart<String, Number> bars(DashboardKind kind, String measure, List<T> items,
                                              java.util.function.Function<T, String> label,
                                              java.util.function.ToDoubleFunction<T> value,
                                              java.util.function.Function<T, String> detail) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.getYAxis().setLabel(measure);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(measure);
        for (T item : items) {
            XYChart.Data<String, Number> data = new XYChart.Data<>(label.apply(item), value.applyAsDouble(item));
            tooltip(data, label.apply(item) + ": " + detail.apply(item));
            clickable(data, kind, item);
            series.getData().add(data);
        }
        chart.getData().add(series);
        chart.setLegendVisible(false);
        return chart;
    }

    private XYChart.Data<Number, Number> point(DashboardKind kind, long x, double y, Object item, String text) {
        XYChart.Data<Number, Number> data = new XYChart.Data<>(x, y);
        tooltip(data, text);
        clickable(data, kind, item);
        return data;
    }

    /** A year of days: dots small enough to see the line, still big enough to hover and click. */
    private static void small(XYChart.Series<Number, Number> series) {
        for (XYChart.Data<Number, Number> data : series.getData()) {
            if (data.getNode() != null) {
                data.getNode().setStyle("-fx-padding: 2px; -fx-background-insets: 0, 1px;");
            }
        }
    }

    private static void tooltip(XYChart.Data<?, ?> data, String text) {
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                Tooltip tip = new Tooltip(text);
                tip.setShowDelay(Duration.millis(150));
                Tooltip.install(node, tip);
                node.getProperties().put("tower.tooltip", text);
            }
        });
    }

    private void clickable(XYChart.Data<?, ?> data, DashboardKind kind, Object item) {
        if (!clickable.test(kind)) {
            return;
        }
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                node.setCursor(Cursor.HAND);
                node.setOnMouseClicked(e -> onClick.accept(kind, item));
            }
        });
    }

    private static NumberAxis dayAxis(LocalDate first, LocalDate last) {
        NumberAxis x = first == null ? new NumberAxis() : new NumberAxis(first.toEpochDay(), last.toEpochDay(),
                Math.max(1, (last.toEpochDay() - first.toEpochDay()) / 8.0));
        x.setForceZeroInRange(false);
        x.setAutoRanging(first == null);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return LocalDate.ofEpochDay(n.longValue()).toString();
            }

            @Override
            public Number fromString(String s) {
                return LocalDate.parse(s).toEpochDay();
            }
        });
        return x;
    }

    private static String money(BigDecimal amount) {
        return String.format("%,.2f", amount);
    }

}
