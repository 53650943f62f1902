package org.openysb.supervision;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.openysb.testsupport.LeastPrivilege;

/**
 * supervision-service runs with a role that owns nothing in its database: connected with the service's own
 * credentials, it cannot alter, drop or truncate a table nor disable a trigger; the trail, the sampling draws and the
 * consumed events refuse updates and deletes, a clue is closed out but never deleted, and the outbox takes only the
 * relay's delivery marks. The module's other tests show the service works with that role.
 */
@QuarkusTest
class RunningRolePrivilegesTest {
    @Test
    void theRunningRoleCannotChangeTheSchemaNorRewriteWhatIsAppendOnly() throws Exception {
        LeastPrivilege.assertRuntimeRoleConfined(
                "trail_entry", "sample_draw", "sample_case", "trail_log", "trail_log_node", "trail_checkpoint");
        LeastPrivilege.assertRefused("delete from clue where false", "truncate clue");
    }
}
