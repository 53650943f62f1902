package org.openysb.intake.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ExternalDetails;
import org.openysb.intake.service.ExternalIntakeService;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.ReferenceData;
import org.openysb.problem.DomainException;

/** Referrals (转办) from the Letters and Visits Bureau (信访局) and from deputies (人大代表监督员): channel REFERRAL. */
@Path("/api/referrals")
@Tag(name = "referrals", description = "信访局、人大代表转办 (referrals)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"letter-clerk", "admin"})
public class ReferralResource {
    private final ExternalIntakeService intake;
    private final ReferenceData reference;
    private final SecurityIdentity identity;

    public ReferralResource(ExternalIntakeService intake, ReferenceData reference, SecurityIdentity identity) {
        this.intake = intake;
        this.reference = reference;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Enter a referral (登记转办件) from the Letters and Visits Bureau or a deputy",
            description = "201 for a new referral (received at the referral time, channel REFERRAL); 200 with the same"
                    + " case when the same referral is entered again; 409 when the body's reference was entered with"
                    + " other content. Idempotent per referring-body kind and reference.")
    public Response refer(@NotNull(message = "{openysb.body.required}") @Valid ReferralRequest request, UriInfo uri) {
        reference.requireDistrict(request.district());
        reference.requireUnitIfGiven(request.accusedUnit());
        if (request.referredAt().isAfter(OffsetDateTime.now().plusMinutes(5))) {
            throw DomainException.invalidField(
                    "referredAt",
                    request.referredAt().toString(),
                    "转办时间不能晚于当前时间",
                    "the referral time cannot be in the future");
        }
        var who = request.complainant();
        ComplainantKind kind = who == null ? ComplainantKind.ANONYMOUS : who.kind();
        // one reference space per kind of body: the bureau's numbers and a deputy's numbers never collide
        String key = request.referringBody().kind().name() + ":" + request.referralReference();
        var receipt = intake.accept(
                key,
                request.contentFields(),
                new NewComplaint(
                        Channel.REFERRAL,
                        request.type(),
                        request.urgent(),
                        request.title(),
                        request.content(),
                        request.district(),
                        request.categoryHint(),
                        request.accusedUnit(),
                        request.anonymous(),
                        request.confidential(),
                        request.referredAt(),
                        kind,
                        who == null ? null : who.name(),
                        who == null ? null : who.mobile(),
                        who == null ? null : who.email(),
                        who == null ? null : who.idNumber(),
                        who == null || who.creditCode() == null
                                ? null
                                : who.creditCode().toUpperCase(),
                        who == null ? null : who.contactPerson(),
                        null),
                new ExternalDetails(
                        null,
                        null,
                        request.referringBody().kind().name(),
                        request.referringBody().name().strip(),
                        request.referredAt(),
                        identity.isAnonymous() ? null : identity.getPrincipal().getName()),
                List.of());
        return LetterResource.receiptResponse(
                new org.openysb.intake.service.ExternalReceipt(
                        request.referralReference(),
                        receipt.caseNumber(),
                        receipt.queryCode(),
                        receipt.receivedAt(),
                        receipt.status(),
                        receipt.created(),
                        receipt.attachments()),
                uri);
    }
}
