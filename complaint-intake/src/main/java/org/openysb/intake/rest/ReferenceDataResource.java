package org.openysb.intake.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.model.ComplaintType;
import org.openysb.intake.model.ScannedFile;
import org.openysb.intake.model.Units;
import org.openysb.intake.service.ReferenceData;

/** The reference data of the complaint form, public and cacheable. */
@Path("/api/reference-data")
@Tag(name = "reference data", description = "投诉表单的参考数据 (types, districts, units, attachment limits)")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {
    /** Reference data changes with a release, not during the day. */
    private static final int MAX_AGE_SECONDS = 3600;

    private final ReferenceDataResponse body;

    public ReferenceDataResource(ReferenceData reference, IntakeConfig config) {
        IntakeConfig.Letters limits = config.letters();
        this.body = new ReferenceDataResponse(
                Arrays.stream(ComplaintType.values())
                        .map(t -> new ReferenceDataResponse.Type(t.name(), t.label(), t.labelEn()))
                        .toList(),
                named(reference.districtAreas()),
                named(reference.units()),
                reference.categories().stream()
                        .map(c -> new ReferenceDataResponse.Named(c.code(), c.name(), c.nameEn()))
                        .toList(),
                new ReferenceDataResponse.AttachmentLimits(
                        limits.maxFiles(),
                        limits.maxFileSize().asLongValue(),
                        limits.maxTotalSize().asLongValue(),
                        List.of(ScannedFile.JPEG, ScannedFile.PNG, ScannedFile.PDF)));
    }

    private static List<ReferenceDataResponse.Named> named(List<Units.Unit> units) {
        return units.stream()
                .map(u -> new ReferenceDataResponse.Named(u.code(), u.name(), u.nameEn()))
                .toList();
    }

    @GET
    @PermitAll
    @Operation(summary = "Complaint types, districts, units and attachment limits (投诉表单参考数据)")
    public Response referenceData() {
        return Response.ok(body)
                .header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS)
                .build();
    }
}
