package org.openysb.intake.rest;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.openysb.intake.model.Channel;
import org.openysb.intake.model.ComplainantKind;
import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.service.MobileVerification;
import org.openysb.intake.service.NewComplaint;
import org.openysb.intake.service.ReferenceData;
import org.openysb.intake.service.SubmissionBatcher;
import org.openysb.intake.service.SubmittedComplaint;

/**
 * A web complaint (网上投诉) from its validated request to its receipt: reference data checked, the caller looked up
 * only when the request carries credentials, the mobile verified, and the complaint (with its checked attachments)
 * queued for its batch. Nothing here blocks: the JSON endpoint runs it on the event loop.
 */
@ApplicationScoped
class WebSubmissions {
    private final ReferenceData reference;
    private final MobileVerification mobiles;
    private final SubmissionBatcher batcher;
    private final CurrentIdentityAssociation identities;

    WebSubmissions(
            ReferenceData reference,
            MobileVerification mobiles,
            SubmissionBatcher batcher,
            CurrentIdentityAssociation identities) {
        this.reference = reference;
        this.mobiles = mobiles;
        this.batcher = batcher;
        this.identities = identities;
    }

    /** Who is submitting: the account the case belongs to (citizen, enterprise) and its verified phone number. */
    record Caller(String ownerSubject, String verifiedPhone) {
        static final Caller ANONYMOUS = new Caller(null, null);

        static Caller of(SecurityIdentity identity) {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
                return ANONYMOUS;
            }
            boolean complainant = identity.hasRole("citizen") || identity.hasRole("enterprise");
            boolean verified = "true".equalsIgnoreCase(text(jwt.getClaim("phone_number_verified")));
            return new Caller(
                    complainant ? jwt.getSubject() : null,
                    verified ? MobileVerification.normalisePhone(text(jwt.getClaim("phone_number"))) : null);
        }

        private static String text(Object claim) {
            if (claim == null || claim == JsonValue.NULL) {
                return null;
            }
            return claim instanceof JsonString s ? s.getString() : claim.toString();
        }
    }

    /** Checks the request's references, then the caller and the mobile, and queues it; completes with the 201. */
    CompletionStage<Response> submit(
            SubmitComplaintRequest request, List<ScannedFile> files, UriBuilder base, HttpHeaders headers) {
        reference.requireDistrict(request.district());
        reference.requireUnitIfGiven(request.accusedUnit());
        CompletionStage<SubmittedComplaint> submitted = headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? submit(request, files, Caller.ANONYMOUS)
                : identities
                        .getDeferredIdentity()
                        .map(Caller::of)
                        .onItem()
                        .transformToUni(
                                caller -> Uni.createFrom().completionStage(() -> submit(request, files, caller)))
                        .subscribeAsCompletionStage();
        return submitted.thenApply(receipt -> {
            URI location = base.path("api/complaints/{caseNumber}").build(receipt.caseNumber());
            return Response.created(location)
                    .entity(new SubmitComplaintResponse(
                            receipt.caseNumber(),
                            receipt.queryCode(),
                            receipt.receivedAt(),
                            receipt.status(),
                            location + "?queryCode=" + receipt.queryCode()))
                    .build();
        });
    }

    private CompletionStage<SubmittedComplaint> submit(
            SubmitComplaintRequest request, List<ScannedFile> files, Caller caller) {
        var who = request.complainant();
        String mobile = who == null ? null : who.mobile();
        mobiles.requireVerified(mobile, request.mobileVerification(), caller.verifiedPhone());
        ComplainantKind kind = who == null ? ComplainantKind.ANONYMOUS : who.kind();
        return batcher.submit(
                new NewComplaint(
                        Channel.WEB,
                        request.type(),
                        request.urgent(),
                        request.title(),
                        request.content(),
                        request.district(),
                        request.categoryHint(),
                        request.accusedUnit(),
                        request.anonymous(),
                        request.confidential(),
                        null,
                        kind,
                        who == null ? null : who.name(),
                        mobile,
                        who == null ? null : who.email(),
                        who == null ? null : who.idNumber(),
                        who == null || who.creditCode() == null
                                ? null
                                : who.creditCode().toUpperCase(),
                        who == null ? null : who.contactPerson(),
                        caller.ownerSubject()),
                files);
    }
}
