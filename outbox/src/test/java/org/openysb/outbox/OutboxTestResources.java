package org.openysb.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.openysb.testsupport.PostgresAndKafkaResource;

/** One real PostgreSQL database and one real Kafka broker for every test class of this module. */
@QuarkusTestResource(
        value = PostgresAndKafkaResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbox"))
public class OutboxTestResources {}
