package org.openysb.notification.delivery.contact;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** complaint-intake's internal contact lookup (role {@code notifier}); URL and timeouts under quarkus.rest-client.intake. */
@RegisterRestClient(configKey = "intake")
@Path("/api/internal/contacts")
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeContactsApi {
    @GET
    @Path("/{ref}")
    IntakeContact contact(@HeaderParam("Authorization") String authorization, @PathParam("ref") String ref);
}
