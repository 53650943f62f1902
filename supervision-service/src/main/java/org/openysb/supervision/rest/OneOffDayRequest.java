package org.openysb.supervision.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 临时调整: one off day ({@code offDay} true) or make-up working day (false) that a State Council notice adds to a year,
 * with the notice's reference (文号) and date; {@code name} defaults to 临时放假 / 调休上班.
 */
public record OneOffDayRequest(
        @NotNull LocalDate date,
        @NotNull Boolean offDay,
        @Size(max = 100) String name,
        @NotBlank @Size(max = 200) String reference,
        @NotNull LocalDate noticeDate) {}
