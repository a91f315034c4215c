package dev.tower.area;

import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.map.CircleMap;
import dev.tower.ui.map.MapProjection;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Service areas screen in the real window as demo_admin, on the small demo market: edit an area in
 * the form, pick another on the map by clicking its circle, resize it by dragging its edge and confirm.
 * Saves screenshots of the list and the map.
 */
class AreasScreenUiTest extends ConsoleUiTest {
    @BeforeAll
    static void demoMarket() {
        TestDatabase.withDemoData();
    }

    @AfterEach
    void restoreAreas() throws Exception {
        try (Connection root = TestDatabase.get().superuser().getConnection(); var s = root.createStatement()) {
            s.executeUpdate("UPDATE service_areas SET radius_miles = 2, version = version + 1 WHERE name = 'Corktown'");
            s.executeUpdate("UPDATE service_areas SET radius_miles = 4, version = version + 1 WHERE name = 'Royal Oak'");
        }
    }

    @Test
    void adminEditsAnAreaInTheFormAndResizesAnotherOnTheMap(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-areas");
        waitUntil(() -> table(robot).getItems().size() >= 8);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // the demand layer arrives in its own lane
        screenshot("areas-list-and-map.png");

        // the form: Corktown grows from 2 to 3 miles
        ServiceArea corktown = table(robot).getItems().stream().filter(a -> a.name().equals("Corktown")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(corktown)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> field(robot, "#areaName").getText().equals("Corktown"));
        replaceText(robot, "#areaRadius", "3");
        robot.clickOn("#saveAreaButton");
        waitUntil(() -> text(robot, "#areasNoticeText").equals("Saved Corktown."));
        assertThat(radiusOf("Corktown")).isEqualTo("3");

        // the map: a click on Royal Oak's circle (its centre: no smaller circle can be on top there)
        // selects it in the list and the form
        ServiceArea royalOak = table(robot).getItems().stream().filter(a -> a.name().equals("Royal Oak")).findFirst().orElseThrow();
        CircleMap<?> map = robot.lookup("#areasMap").queryAs(CircleMap.class);
        MapProjection p = map.projection();
        MapProjection.Point centre = p.toScreen(royalOak.centerLat().doubleValue(), royalOak.centerLng().doubleValue());
        double r = p.milesToPixels(royalOak.radiusMiles());
        robot.clickOn(map.localToScreen(centre.x(), centre.y()), MouseButton.PRIMARY);
        waitUntil(() -> field(robot, "#areaName").getText().equals("Royal Oak"));
        assertThat(table(robot).getSelectionModel().getSelectedItem().name()).isEqualTo("Royal Oak");

        // drag its edge one mile outwards: asked first, then saved
        Point2D edge = map.localToScreen(centre.x() + r, centre.y());
        Point2D further = map.localToScreen(centre.x() + r + p.pixelsPerMile(), centre.y());
        robot.drag(edge, MouseButton.PRIMARY).moveTo(further).release(MouseButton.PRIMARY);
        waitFor(robot, "#areasConfirmOk");
        assertThat(text(robot, "#areasConfirmConsequence")).contains("radius of 5 miles").contains("was 42.4895, -83.1446, 4 miles");
        screenshot("areas-map-resize-confirm.png");
        robot.clickOn("#areasConfirmOk");
        waitUntil(() -> text(robot, "#areasNoticeText").equals("Saved Royal Oak."));
        assertThat(radiusOf("Royal Oak")).isEqualTo("5");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        screenshot("areas-map-after-resize.png");
    }

    @Test
    void opsSeeTheListAndTheMapWithoutAnyEditingControl(FxRobot robot) throws Exception {
        signInAsDemo(robot, "demo_ops");
        robot.clickOn("#nav-areas");
        waitUntil(() -> table(robot).getItems().size() >= 8);
        assertThat(robot.lookup("#saveAreaButton").tryQuery()).isEmpty();
        assertThat(robot.lookup("#newAreaButton").tryQuery()).isEmpty();
        assertThat(robot.lookup("#areasMap").queryAs(CircleMap.class).editableProperty().get()).isFalse();
        ServiceArea downtown = table(robot).getItems().stream().filter(a -> a.name().equals("Downtown Detroit")).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(downtown)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> field(robot, "#areaName").getText().equals("Downtown Detroit"));
        assertThat(field(robot, "#areaName").isEditable()).isFalse();
        WaitForAsyncUtils.sleep(1000, TimeUnit.MILLISECONDS);
        screenshot("areas-ops-read-only.png");
    }

    private static TableView<ServiceArea> table(FxRobot robot) {
        return robot.lookup("#areasTable").queryTableView();
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static String radiusOf(String name) throws Exception {
        try (Connection c = TestDatabase.get().superuser().getConnection()) {
            return SqlProbe.value(c, "SELECT radius_miles FROM service_areas WHERE name = '" + name + "'");
        }
    }
}
