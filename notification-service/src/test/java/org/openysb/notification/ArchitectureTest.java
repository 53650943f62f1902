package org.openysb.notification;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.openysb.testsupport.LayeringRules;

class ArchitectureTest {
    private static final String BASE = "org.openysb.notification";

    @Test
    void layersAreRespected() {
        LayeringRules.check(BASE);
    }

    @Test
    void featuresMeetThroughServicesNotThroughResourcesOrConsumers() {
        LayeringRules.checkFeatures(BASE, List.of("rules", "delivery", "templates", "inbox", "verification"));
    }
}
