package org.openysb.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.openysb.testsupport.LayeringRules;

class ArchitectureTest {
    private static final String BASE = "org.openysb.routing";

    @Test
    void layersAreRespected() {
        LayeringRules.check(BASE);
    }

    @Test
    void featuresMeetThroughServicesNotThroughResourcesOrConsumers() {
        LayeringRules.checkFeatures(BASE, List.of("matrix", "classification", "dispatch", "cases"));
    }
}
