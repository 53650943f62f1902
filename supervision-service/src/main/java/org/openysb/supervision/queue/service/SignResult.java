package org.openysb.supervision.queue.service;

/** 批量签收: one case's outcome. */
public record SignResult(String caseNumber, boolean ok, String status, Failure problem) {
    /** Why a case could not be signed for (its problem's status and title). */
    public record Failure(int status, String title, String titleEn, String detail) {}
}
