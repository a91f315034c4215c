package dev.tower;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** DESIGN.md's architecture rules, as tests over the production classes. */
class ArchitectureTest {
    /** Packages every feature may use; everything else directly under dev.tower is a feature (or app). */
    static final Set<String> SHARED = Set.of("db", "error", "security", "ui");
    private static final Pattern TOP_PACKAGE = Pattern.compile("^dev\\.tower\\.([a-z0-9_]+)(\\..*)?$");

    private static JavaClasses tower;

    @BeforeAll
    static void importClasses() {
        tower = new ClassFileImporter()
                // not DO_NOT_INCLUDE_TESTS: it only knows target/test-classes, and builds here use other dirs
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("dev.tower");
    }

    @Test
    void viewsFoundByTypeHoldNoServicesOrDaos() {
        TowerRules.viewsHoldNoServicesOrDaos().check(tower);
    }

    @Test
    void viewsAndViewModelsNeverTouchJdbiJdbcOrSessionData() {
        TowerRules.viewsAndViewModelsNeverTouchDataAccess().check(tower);
    }

    @Test
    void viewModelsUseNoSceneGraphOrControls() {
        TowerRules.viewModelsUseNoSceneGraphOrControls().check(tower);
    }

    @Test
    void viewModelsCallServicesOnlyThroughTheExecutor() {
        TowerRules.viewModelsCallServicesOnlyInsideLambdas().check(tower);
    }

    @Test
    void everyPublicServiceMethodRequiresItsPermissionFirst() {
        TowerRules.publicServiceMethodsRequireTheirPermissionFirst().check(tower);
    }

    @Test
    void noStaticFieldHoldsWindowOrSessionState() {
        TowerRules.noStaticFieldHoldsWindowOrSessionState().check(tower);
    }

    @Test
    void viewsTalkOnlyToTheirViewModels() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
                .because("a view reaches data only through its ViewModel")
                .check(tower);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraphOrDaos() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
                .because("ViewModels are tested without a toolkit and reach data through services")
                .check(tower);
    }

    @Test
    void servicesAndDaosUseNoJavaFx() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Dao")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("services are plain synchronous Java, called off the FX thread")
                .check(tower);
    }

    @Test
    void onlyTheCompositionRootConstructsAcrossFeatures() {
        // setup/ is the start-up sequence (database, migrations, demo market): a second, non-UI composition root
        classes().that().resideInAPackage("dev.tower..").and().resideOutsideOfPackages("dev.tower.app..", "dev.tower.setup..")
                .should(new ArchCondition<>("construct classes of other features only through the composition root") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String own = topPackage(item);
                        for (JavaConstructorCall call : item.getConstructorCallsFromSelf()) {
                            String target = topPackage(call.getTargetOwner());
                            if (target != null && !target.equals(own) && !SHARED.contains(target)) {
                                events.add(SimpleConditionEvent.violated(item, call.getDescription()));
                            }
                        }
                    }
                })
                .check(tower);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.tower.(*)..").should().beFreeOfCycles().check(tower);
    }

    @Test
    void dbDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.tower.db..")
                .should().dependOnClassesThat(new DescribedPredicate<>("are in a Tower package other than db, error or security") {
                    @Override
                    public boolean test(JavaClass c) {
                        String top = topPackage(c);
                        return top != null && !Set.of("db", "error", "security").contains(top);
                    }
                })
                .check(tower);
    }

    @Test
    void sharedPackagesDoNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("dev.tower.error..", "dev.tower.security..", "dev.tower.ui..")
                .should().dependOnClassesThat(new DescribedPredicate<>("are in a feature package or app") {
                    @Override
                    public boolean test(JavaClass c) {
                        String top = topPackage(c);
                        return top != null && !SHARED.contains(top);
                    }
                })
                .check(tower);
    }

    @Test
    void onlyCommandLineClassesWriteToTheConsole() {
        noClasses().that(new DescribedPredicate<>("are not command-line output classes of dev.tower.app") {
                    @Override
                    public boolean test(JavaClass c) {
                        boolean commandLine = c.getPackageName().equals("dev.tower.app")
                                && outerName(c).matches(".*Command|Console|Main");
                        return !commandLine;
                    }
                })
                .should(ACCESS_STANDARD_STREAMS)
                .because("the app logs with SLF4J; only command-line output goes to the console")
                .check(tower);
    }

    private static String outerName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    static String topPackage(JavaClass c) {
        Matcher m = TOP_PACKAGE.matcher(c.getPackageName());
        return m.matches() ? m.group(1) : null;
    }
}
