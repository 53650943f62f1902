package org.openysb.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service follows: {@code rest} (resources and DTOs) talks to {@code service} (application
 * services), never to {@code repository}; the domain {@code model} knows nothing of {@code rest}, {@code messaging}
 * or {@code service}; repositories know nothing of the web or of messaging.
 */
public final class LayeringRules {
    private LayeringRules() {}

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses()
                .that()
                .resideInAPackage("..rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..repository..")
                .because("resources go through application services")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..rest..", "..messaging..", "..service..")
                .because("the domain model does not know how it is exposed or transported")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("..repository..", "..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..rest..")
                .because("the web layer is the outermost")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..service..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..rest..")
                .because("application services do not depend on resources or their DTOs")
                .check(classes);
    }
}
