package org.openysb.notification;

import org.junit.jupiter.api.Test;

import org.openysb.testsupport.LayeringRules;

class ArchitectureTest {
    @Test
    void layersAreRespected() {
        LayeringRules.check("org.openysb.notification");
    }
}
