package org.openysb.notification.verification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.notification.verification.service.VerificationService;
import org.openysb.notification.verification.service.VerificationService.CodeSent;
import org.openysb.notification.verification.service.VerificationService.NumberVerified;
import org.openysb.problem.Problem;

/** 手机号验证: anyone may ask for a code to their mobile and confirm it; the token goes with the complaint. */
@Path("/api/verifications")
@Tag(name = "verification", description = "手机号验证码 (SMS verification codes)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class VerificationResource {
    private final VerificationService verifications;

    public VerificationResource(VerificationService verifications) {
        this.verifications = verifications;
    }

    public record CodeRequest(
            @NotBlank(message = "{openysb.mobile.required}")
                    @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{openysb.mobile.invalid}")
                    String mobile) {}

    public record ConfirmRequest(
            @NotBlank(message = "{openysb.mobile.required}")
                    @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "{openysb.mobile.invalid}")
                    String mobile,
            @NotBlank(message = "{openysb.code.required}")
                    @Pattern(regexp = "^[0-9]{6}$", message = "{openysb.code.invalid}")
                    String code) {}

    @POST
    @Operation(summary = "Send a 6-digit code by SMS to the mobile number (valid 5 minutes, single use)")
    @APIResponse(responseCode = "202", description = "sent: expiresAt, resendAfterSeconds, codeLength")
    @APIResponse(
            responseCode = "429",
            description = "verification-rate-limited (per number or per client address), with Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "503",
            description = "verification-sms-failed: the SMS gateway did not accept the message",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response requestCode(@NotNull @Valid CodeRequest request, @Context HttpServerRequest http) {
        // the client address; X-Forwarded-For is honoured only from the trusted proxies (quarkus.http.proxy.*)
        String client =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        CodeSent sent = verifications.requestCode(request.mobile(), client);
        return Response.accepted(sent).build();
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Check the code; the answer carries the token that proves the number (30 minutes)")
    @APIResponse(
            responseCode = "400",
            description = "verification-code-wrong, with remainingAttempts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "410",
            description = "verification-code-expired: expired, used, out of tries, or none sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public NumberVerified confirm(@NotNull @Valid ConfirmRequest request) {
        return verifications.confirmCode(request.mobile(), request.code());
    }
}
