package org.openysb.testsupport;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service follows: {@code rest} (resources and DTOs) talks to {@code service} (application
 * services), never to {@code repository}; the domain {@code model} knows nothing of {@code rest}, {@code messaging}
 * or {@code service}; repositories know nothing of the web or of messaging. A service organised by feature
 * ({@code <base>.<feature>.<layer>}) also keeps each feature's resources and consumers to itself.
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

    /**
     * Features meet through their application services (or shared domain and repositories), never through another
     * feature's resources or consumers: {@code <base>.<feature>..} may not use {@code <base>.<other>.rest..} or
     * {@code <base>.<other>.messaging..}.
     */
    public static void checkFeatures(String basePackage, List<String> features) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (String feature : features) {
            String[] othersEdges = features.stream()
                    .filter(f -> !f.equals(feature))
                    .flatMap(f -> Stream.of(basePackage + "." + f + ".rest..", basePackage + "." + f + ".messaging.."))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(basePackage + "." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(othersEdges)
                    .because("a feature uses another through its application services")
                    .check(classes);
        }
    }
}
