package dev.tower.area;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.map.GeoCircle;
import dev.tower.testing.TestAreas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The Service areas screen's ViewModel over the real database, without a toolkit. */
class AreasViewModelTest {
    @AfterAll
    static void removeTestAreas() {
        TestAreas.removeStartingWith("VM ");
    }

    private final TestRows rows = TestRows.in(TestDatabase.get());

    @Test
    void theEditorExplainsEachBrokenRuleBesideItsFieldAndCannotSave() {
        try (var admin = AdminSession.open()) {
            AreasViewModel vm = new AreasViewModel(new AreaService(admin.session()), new SyncTaskExecutor(), true);
            vm.load();
            vm.select(null);
            assertThat(vm.name().problem().get()).isEqualTo("An area needs a name.");
            vm.name().setText("corktown");
            assertThat(vm.name().problem().get()).isEqualTo("There is already an area called \"Corktown\".");
            vm.latitude().setText("95");
            assertThat(vm.latitude().problem().get()).isEqualTo("The latitude must be between -90 and 90 degrees.");
            vm.latitude().setText("north");
            assertThat(vm.latitude().problem().get()).isEqualTo("\"north\" is not a latitude in degrees, such as 42.3314.");
            vm.longitude().setText("-181");
            assertThat(vm.longitude().problem().get()).isEqualTo("The longitude must be between -180 and 180 degrees.");
            vm.radius().setText("0");
            assertThat(vm.radius().problem().get()).isEqualTo("The radius must be from 1 to 100 miles.");
            vm.radius().setText("2.5");
            assertThat(vm.radius().problem().get()).isEqualTo("\"2.5\" is not a whole number of miles.");
            assertThat(vm.save().isExecutable()).isFalse();

            vm.name().setText("VM Highland Park");
            vm.latitude().setText("42.4056");
            vm.longitude().setText("-83.0969");
            vm.radius().setText("2");
            assertThat(vm.save().isExecutable()).isTrue();
            vm.save().execute();
            assertThat(vm.state().error()).isNull();
            assertThat(vm.state().notice()).isEqualTo("Created VM Highland Park.");
            assertThat(vm.selectedArea()).get().extracting(ServiceArea::name).isEqualTo("VM Highland Park");
            assertThat(vm.selectedArea().get().overlaps()).contains("Midtown Detroit");
            assertThat(vm.save().isExecutable()).as("nothing changed since saving").isFalse();
        }
    }

    @Test
    void renameEditConflictAndDeactivationWithTypedConfirmation() {
        try (var admin = AdminSession.open()) {
            AreaService service = new AreaService(admin.session());
            var created = service.create(new AreaDraft("VM Warren", new BigDecimal("42.4931"), new BigDecimal("-83.0277"), 4));
            rows.provider("Wanda Warren", true, "VM Warren");
            AreasViewModel vm = new AreasViewModel(service, new SyncTaskExecutor(), true);
            vm.load();
            vm.selectById(created.id());
            assertThat(vm.selectedArea().get().providersAll()).isEqualTo(1);

            vm.name().setText("VM Warren City");
            vm.save().execute();
            assertThat(vm.state().notice()).isEqualTo("Renamed VM Warren to VM Warren City; its providers now name the new one.");
            assertThat(vm.selectedArea().get().providersAll()).isEqualTo(1);

            // someone else saves meanwhile: our next save is refused with who did it
            ServiceArea seen = vm.selectedArea().get();
            service.edit(seen.id(), seen.version(), new AreaDraft("VM Warren City", seen.centerLat(), seen.centerLng(), 5));
            vm.radius().setText("6");
            vm.save().execute();
            assertThat(vm.state().error()).isNotNull();
            assertThat(vm.state().error().toString()).contains("demo_admin changed the area");
            vm.load();
            assertThat(vm.selectedArea().get().radiusMiles()).isEqualTo(5);

            // dragging on the map proposes, the admin confirms
            vm.proposeCircle(seen.id(), new GeoCircle(42.5, -83.03, 3.4));
            assertThat(vm.confirmations().pending().consequence()).contains("42.5000, -83.0300 with a radius of 3 miles");
            vm.confirmations().confirm();
            assertThat(vm.selectedArea().get().radiusMiles()).isEqualTo(3);
            vm.proposeCircle(seen.id(), new GeoCircle(42.6, -83.03, 3));
            vm.dismissConfirmation();
            assertThat(vm.latitude().text()).isEqualTo("42.5");

            vm.deactivate().execute();
            assertThat(vm.confirmations().pending()).isNotNull();
            assertThat(vm.confirmations().pending().consequence()).contains("1 provider serves no active area but \"VM Warren City\"")
                    .contains("Wanda Warren");
            assertThat(vm.confirmations().confirm("wrong")).isFalse();
            assertThat(vm.selectedArea().get().active()).isTrue();
            assertThat(vm.confirmations().confirm("VM Warren City")).isTrue();
            assertThat(vm.selectedArea().get().active()).isFalse();
            assertThat(vm.editorTitleProperty().get()).isEqualTo("VM Warren City (inactive)");
            vm.reactivate().execute();
            assertThat(vm.selectedArea().get().active()).isTrue();
        }
    }

    @Test
    void opsSeeTheAreasAndTheDemandLayerButNoCommandRuns() {
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            AreasViewModel vm = new AreasViewModel(new AreaService(ops.session()), new SyncTaskExecutor(), false);
            vm.load();
            assertThat(vm.areas()).extracting(ServiceArea::name).contains("Downtown Detroit", "Corktown");
            assertThat(vm.state().error()).isNull();
            vm.selectById(vm.areas().getFirst().id());
            vm.radius().setText("7");
            assertThat(vm.save().isExecutable()).isFalse();
            assertThat(vm.deactivate().isExecutable()).isFalse();
            assertThat(vm.startNew().isExecutable()).isFalse();
            vm.proposeCircle(vm.areas().getFirst().id(), new GeoCircle(42, -83, 3));
            assertThat(vm.confirmations().pending()).isNull();
        }
    }
}
