package org.openysb.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.openysb.notification.sinks.LocalSinks;
import org.openysb.testsupport.PostgresAndKafkaResource;

/**
 * One real PostgreSQL database and one real Kafka broker, an SMTP server, an SMS provider stub and complaint-intake's
 * contact lookup stub for every test class of this module (global resources: one Quarkus boot).
 */
@QuarkusTestResource(
        value = PostgresAndKafkaResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(LocalSinks.class)
public class NotificationTestResources {}
