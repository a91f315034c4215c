package dev.tower;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tower.archfixtures.LayoutBuildingViewModel;
import dev.tower.archfixtures.SqlRunningViewModel;
import dev.tower.archfixtures.StaffPanel;
import dev.tower.archfixtures.SynchronousViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each of the four violations (and a service skipping its guard) is caught by its rule. */
class ArchitectureRulesCatchViolationsTest {
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages("dev.tower.archfixtures");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void viewModelRunningSqlThroughSessionJdbi() {
        assertThat(violations(TowerRules.viewsAndViewModelsNeverTouchDataAccess()))
                .contains(SqlRunningViewModel.class.getName()).contains("jdbi()");
    }

    @Test
    void viewModelCallingAServiceSynchronously() {
        assertThat(violations(TowerRules.viewModelsCallServicesOnlyInsideLambdas()))
                .contains(SynchronousViewModel.class.getName() + ".load()");
    }

    @Test
    void viewModelBuildingAnHBox() {
        assertThat(violations(TowerRules.viewModelsUseNoSceneGraphOrControls()))
                .contains(LayoutBuildingViewModel.class.getName()).contains("HBox");
    }

    @Test
    void viewWithoutTheViewSuffixHoldingAService() {
        assertThat(violations(TowerRules.viewsHoldNoServicesOrDaos())).contains(StaffPanel.class.getName());
    }

    @Test
    void aGateHandedOutThroughAStaticField() {
        assertThat(violations(TowerRules.noStaticFieldHoldsWindowOrSessionState()))
                .contains(dev.tower.archfixtures.SharedGate.class.getName() + ".WINDOW");
    }

    @Test
    void serviceMethodNotStartingWithItsPermissionCheck() {
        assertThat(violations(TowerRules.publicServiceMethodsRequireTheirPermissionFirst()))
                .contains("FixtureService.list()");
    }

    @Test
    void theRealRulesNeverSeeTheFixtures() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.tower");
        assertThat(production.stream().map(c -> c.getPackageName())).doesNotContain("dev.tower.archfixtures");
    }
}
