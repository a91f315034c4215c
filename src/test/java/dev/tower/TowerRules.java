package dev.tower;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Comparator;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules with teeth, as values: {@link ArchitectureTest} checks them over the production classes,
 * {@code ArchitectureRulesCatchViolationsTest} shows each one failing on a deliberate violation in
 * {@code dev.tower.archfixtures} (test classes, which the production import never scans).
 */
final class TowerRules {
    private TowerRules() {}

    /** Views are found by what they are, not what they are called: classes that use the scene graph. */
    static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("use JavaFX Node, Scene or Stage (views)") {
        @Override
        public boolean test(JavaClass c) {
            if (c.getPackageName().startsWith("dev.tower.app") || c.getPackageName().startsWith("dev.tower.ui")) {
                return false; // the composition root wires views to services; the kit is below features
            }
            return c.isAssignableTo("javafx.scene.Node")
                    || c.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass())
                    .anyMatch(t -> t.isAssignableTo("javafx.scene.Node") || t.isAssignableTo("javafx.scene.Scene")
                            || t.isAssignableTo("javafx.stage.Window"));
        }
    };

    static final DescribedPredicate<JavaClass> VIEW_MODELS = new DescribedPredicate<>("are ViewModels") {
        @Override
        public boolean test(JavaClass c) {
            return c.getSimpleName().endsWith("ViewModel") || c.getName().matches(".*ViewModel\\$.*");
        }
    };

    private static final DescribedPredicate<JavaClass> SERVICES = new DescribedPredicate<>("are services") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().startsWith("dev.tower") && c.getSimpleName().endsWith("Service");
        }
    };

    private static final ArchCondition<JavaClass> LEAVE_DATA_ACCESS_ALONE = new ArchCondition<>("not touch Jdbi, JDBC, the pool or Session.jdbi()") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            item.getDirectDependenciesFromSelf().forEach(d -> {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith("org.jdbi") || target.startsWith("java.sql") || target.startsWith("javax.sql")
                        || target.startsWith("com.zaxxer")) {
                    events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                }
            });
            for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().getName().equals("dev.tower.security.Session") && call.getName().equals("jdbi")) {
                    events.add(SimpleConditionEvent.violated(item, call.getDescription()));
                }
            }
        }
    };

    static ArchRule viewsHoldNoServicesOrDaos() {
        return noClasses().that(VIEWS)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dao")
                .because("a view reaches data only through its ViewModel");
    }

    static ArchRule viewsAndViewModelsNeverTouchDataAccess() {
        return classes().that(VIEWS.or(VIEW_MODELS)).should(LEAVE_DATA_ACCESS_ALONE)
                .because("data is read by services, off the FX thread");
    }

    static ArchRule viewModelsUseNoSceneGraphOrControls() {
        return noClasses().that(VIEW_MODELS)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "dev.tower.ui.controls..")
                .because("ViewModels are tested without a toolkit; the view renders them with ui.controls");
    }

    /**
     * A ViewModel calls service methods only inside lambdas (which it hands to ScreenState/TaskExecutor),
     * never in its own methods' bodies, so no service call runs on the FX thread. ArchUnit marks calls
     * compiled into a lambda ({@code isDeclaredInLambda}). Method references ({@code service::list})
     * are not calls and pass.
     */
    static ArchRule viewModelsCallServicesOnlyInsideLambdas() {
        return classes().that(VIEW_MODELS).should(new ArchCondition<>("call service methods only from lambdas") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    if (SERVICES.test(call.getTargetOwner()) && !call.isDeclaredInLambda()) {
                        events.add(SimpleConditionEvent.violated(item, "synchronous service call: " + call.getDescription()));
                    }
                }
            }
        });
    }

    /**
     * In a service acting for a signed-in session (it holds a {@code Session}), every public method's first
     * call is {@code AccessGuard.require}: read from the bytecode (earliest line), not from a list.
     */
    static ArchRule publicServiceMethodsRequireTheirPermissionFirst() {
        return methods().that().areDeclaredInClassesThat(SERVICES.and(holdsASession()))
                .and().arePublic().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should(new ArchCondition<>("call AccessGuard.require before anything else") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        List<JavaCall<?>> calls = method.getCallsFromSelf().stream()
                                .filter(c -> !c.isDeclaredInLambda()) // a lambda's body runs later, if at all
                                .sorted(Comparator.comparingInt(JavaAccess::getLineNumber)).toList();
                        boolean first = !calls.isEmpty()
                                && calls.stream().filter(c -> c.getLineNumber() == calls.get(0).getLineNumber())
                                .anyMatch(c -> c.getTargetOwner().getName().equals("dev.tower.security.AccessGuard")
                                        && c.getName().equals("require"));
                        if (!first) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " does not start with AccessGuard.require"));
                        }
                    }
                });
    }

    private static DescribedPredicate<JavaClass> holdsASession() {
        return new DescribedPredicate<>("hold a Session") {
            @Override
            public boolean test(JavaClass c) {
                return c.getAllFields().stream().anyMatch(f -> f.getRawType().getName().equals("dev.tower.security.Session"));
            }
        };
    }

    /**
     * No service locator: the window's gate, executor and screen state, the session and its pools reach a
     * class through its constructor, never through a static field anyone can read (a global would leak one
     * window's or one test's state into the next, and hide who depends on it).
     */
    static ArchRule noStaticFieldHoldsWindowOrSessionState() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields().that().areStatic()
                .should().haveRawType(new DescribedPredicate<>("window or session state") {
                    @Override
                    public boolean test(JavaClass type) {
                        return List.of("dev.tower.ui.WriteGate", "dev.tower.ui.TaskExecutor", "dev.tower.ui.kit.ScreenState",
                                        "dev.tower.security.Session", "org.jdbi.v3.core.Jdbi", "javax.sql.DataSource")
                                .stream().anyMatch(type::isAssignableTo);
                    }
                })
                .because("the composition root passes them in; a static holder is a service locator");
    }

    static List<ArchRule> all() {
        return List.of(viewsHoldNoServicesOrDaos(), viewsAndViewModelsNeverTouchDataAccess(),
                viewModelsUseNoSceneGraphOrControls(), viewModelsCallServicesOnlyInsideLambdas(),
                publicServiceMethodsRequireTheirPermissionFirst(), noStaticFieldHoldsWindowOrSessionState());
    }
}
