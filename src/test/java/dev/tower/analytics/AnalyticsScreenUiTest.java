package dev.tower.analytics;

import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.controls.SaveDialog;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics screen in the real window on the small demo market: the analyst reads two dashboards
 * (chart and table, light and dark, snapshots saved), exports a CSV that is audited, and an admin's
 * click on a category bar opens the bookings browser filtered to that category.
 */
class AnalyticsScreenUiTest extends ConsoleUiTest {
    @BeforeAll
    static void demoMarket() {
        TestDatabase.withDemoData();
    }

    @Test
    void analystReadsTwoDashboardsInBothThemesAndExportsOne(FxRobot robot) throws Exception {
        Path exports = Files.createTempDirectory("tower-exports");
        root.useSaveDialog(SaveDialog.into(exports));
        signInAsDemo(robot, "demo_analyst");
        robot.clickOn("#nav-analytics");
        waitUntil(() -> robot.lookup("#chart-revenue").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#analyticsProgress").query().isVisible());
        XYChart<?, ?> revenue = robot.lookup("#chart-revenue").queryAs(XYChart.class);
        assertThat(revenue.getData()).hasSize(2);
        assertThat(revenue.getData().getFirst().getData()).isNotEmpty();
        Node firstPoint = revenue.getData().getFirst().getData().getFirst().getNode();
        assertThat((String) firstPoint.getProperties().get("tower.tooltip")).contains("revenue from");
        assertThat(text(robot, "#age-revenue")).startsWith("Data as of");
        assertThat(text(robot, "#analyticsReadsFrom")).startsWith("Reading from");
        screenshot("analytics-revenue-light.png");

        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#analyticsView").queryAs(AnalyticsView.class)
                .select(DashboardKind.CATEGORIES)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-categories").tryQuery().map(Node::isVisible).orElse(false));
        XYChart<?, ?> categories = robot.lookup("#chart-categories").queryAs(XYChart.class);
        assertThat(categories.getData().getFirst().getData()).isNotEmpty();
        screenshot("analytics-categories-light.png");
        robot.clickOn("#table-categories");
        TableView<?> rows = robot.lookup("#rows-categories").queryAs(TableView.class);
        waitUntil(rows::isVisible);
        assertThat(rows.getItems()).hasSameSizeAs(categories.getData().getFirst().getData());

        robot.clickOn("#csv-categories");
        waitUntil(() -> text(robot, "#analyticsNoticeText").startsWith("Saved "));
        Path csv;
        try (var files = Files.list(exports)) {
            csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("Category", "Bookings", "Revenue (USD)");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSameSizeAs(rows.getItems());
        }
        try (Connection c = TestDatabase.get().superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT exported_by, format, row_count FROM analytics_exports ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("demo_analyst");
            assertThat(rs.getString(2)).isEqualTo("csv");
            assertThat(rs.getInt(3)).isEqualTo(rows.getItems().size());
        }
        robot.clickOn("#table-categories");

        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        screenshot("analytics-categories-dark.png");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#analyticsView").queryAs(AnalyticsView.class)
                .select(DashboardKind.DISPUTES)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-disputes").tryQuery().map(Node::isVisible).orElse(false));
        screenshot("analytics-disputes-dark.png");
        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#analyticsView").queryAs(AnalyticsView.class)
                .select(DashboardKind.FUNNEL)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-funnel").tryQuery().map(Node::isVisible).orElse(false));
        screenshot("analytics-funnel-light.png");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#analyticsView").queryAs(AnalyticsView.class)
                .select(DashboardKind.TOP_PROVIDERS)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-top-providers").tryQuery().map(Node::isVisible).orElse(false));
        screenshot("analytics-top-providers-light.png");
    }

    @Test
    void anAdminsClickOnACategoryBarOpensTheBookingsBrowserFilteredToIt(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-analytics");
        waitUntil(() -> robot.lookup("#chart-revenue").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#analyticsView").queryAs(AnalyticsView.class)
                .select(DashboardKind.CATEGORIES)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-categories").tryQuery().map(Node::isVisible).orElse(false));
        XYChart<?, ?> categories = robot.lookup("#chart-categories").queryAs(XYChart.class);
        XYChart.Data<?, ?> bar = categories.getData().getFirst().getData().getFirst();
        String label = (String) bar.getXValue();
        robot.clickOn(bar.getNode());
        waitUntil(() -> robot.lookup("#bookingsTable").tryQuery().map(Node::isVisible).orElse(false));
        ChoiceBox<?> category = robot.lookup("#bookingCategoryFilter").queryAs(ChoiceBox.class);
        waitUntil(() -> category.getValue() != null && !category.getValue().toString().isEmpty());
        assertThat(DashboardTables.categoryLabel(category.getValue().toString())).isEqualTo(label);
        screenshot("analytics-click-through-bookings.png");
    }

    @Test
    void anAdminsClickOnAFunnelStageOpensTheProviderQueueOnThatTab(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-analytics");
        waitUntil(() -> robot.lookup("#chart-revenue").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#analyticsView").queryAs(AnalyticsView.class)
                .select(DashboardKind.FUNNEL)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-funnel").tryQuery().map(Node::isVisible).orElse(false));
        XYChart<?, ?> funnel = robot.lookup("#chart-funnel").queryAs(XYChart.class);
        XYChart.Data<?, ?> rejected = funnel.getData().getFirst().getData().stream()
                .filter(d -> "Rejected".equals(d.getXValue())).findFirst().orElseThrow();
        robot.clickOn(rejected.getNode());
        waitUntil(() -> robot.lookup("#providerQueue").tryQuery().map(Node::isVisible).orElse(false));
        javafx.scene.control.ToggleButton tab = robot.lookup("#tab-rejected").queryAs(javafx.scene.control.ToggleButton.class);
        waitUntil(tab::isSelected);
        assertThat(robot.lookup("#tab-pending").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void theFunnelAndTopProvidersFollowTheAreaAndCategoryFiltersInBothThemes(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_analyst");
        robot.clickOn("#nav-analytics");
        waitUntil(() -> robot.lookup("#chart-revenue").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#analyticsProgress").query().isVisible());
        AnalyticsView view = robot.lookup("#analyticsView").queryAs(AnalyticsView.class);
        javafx.scene.control.ComboBox<?> area = robot.lookup("#analyticsArea").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> area.getItems().size() > 1);
        WaitForAsyncUtils.asyncFx(() -> view.select(DashboardKind.FUNNEL)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-funnel").tryQuery().map(Node::isVisible).orElse(false));
        XYChart<?, ?> before = robot.lookup("#chart-funnel").queryAs(XYChart.class);
        Number submittedEverywhere = (Number) before.getData().getFirst().getData().getFirst().getYValue();
        WaitForAsyncUtils.asyncFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Object> areas = (javafx.scene.control.ComboBox<Object>) area;
            areas.setValue(areas.getItems().stream().filter(a -> a.toString().equals("Downtown Detroit")).findFirst().orElseThrow());
            robot.lookup("#analyticsCategory").queryAs(javafx.scene.control.ComboBox.class).setValue("food_delivery");
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#analyticsShow");
        waitUntil(() -> robot.lookup("#chart-funnel").queryAs(XYChart.class) != before);
        waitUntil(() -> !robot.lookup("#analyticsProgress").query().isVisible());

        WaitForAsyncUtils.asyncFx(() -> view.select(DashboardKind.FUNNEL)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-funnel").tryQuery().map(Node::isVisible).orElse(false));
        XYChart<?, ?> funnel = robot.lookup("#chart-funnel").queryAs(XYChart.class);
        Number submittedInArea = (Number) funnel.getData().getFirst().getData().getFirst().getYValue();
        assertThat(submittedInArea.longValue()).as("Downtown food couriers only").isPositive()
                .isLessThan(submittedEverywhere.longValue());
        screenshot("analytics-funnel-filtered-light.png");
        WaitForAsyncUtils.asyncFx(() -> view.select(DashboardKind.TOP_PROVIDERS)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-top-providers").tryQuery().map(Node::isVisible).orElse(false));
        XYChart<?, ?> top = robot.lookup("#chart-top-providers").queryAs(XYChart.class);
        List<? extends XYChart.Data<?, ?>> bars = top.getData().getFirst().getData();
        assertThat(bars).isNotEmpty();
        assertThat(bars.stream().map(XYChart.Data::getYValue).distinct().count())
                .as("one row per provider, even where two share a business name").isEqualTo(bars.size());
        assertThat(text(robot, "#age-top-providers")).startsWith("Data as of");
        screenshot("analytics-top-providers-filtered-light.png");

        robot.clickOn("#themeToggle");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        screenshot("analytics-top-providers-filtered-dark.png");
        WaitForAsyncUtils.asyncFx(() -> view.select(DashboardKind.FUNNEL)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> robot.lookup("#chart-funnel").tryQuery().map(Node::isVisible).orElse(false));
        screenshot("analytics-funnel-filtered-dark.png");
        robot.clickOn("#themeToggle");
    }
}
