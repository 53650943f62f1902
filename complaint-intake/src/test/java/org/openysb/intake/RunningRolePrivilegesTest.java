package org.openysb.intake;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.testsupport.LeastPrivilege;

/**
 * complaint-intake runs with a role that owns nothing in its database: connected with the service's own credentials, it
 * cannot alter, drop or truncate a table nor disable a trigger; the consumed events refuse updates and deletes, and
 * the outbox takes only the relay's delivery marks. The module's other tests show the service works with that role.
 */
@QuarkusTest
class RunningRolePrivilegesTest {
    @Test
    void theRunningRoleCannotChangeTheSchemaNorRewriteWhatIsAppendOnly() throws Exception {
        LeastPrivilege.assertRuntimeRoleConfined();
    }
}
