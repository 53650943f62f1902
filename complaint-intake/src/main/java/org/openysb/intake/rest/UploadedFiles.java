package org.openysb.intake.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.openysb.intake.config.IntakeConfig;
import org.openysb.intake.model.ScannedFile;
import org.openysb.problem.DomainException;
import org.openysb.problem.Problem;

/**
 * Files uploaded with a letter (its scanned pages) or a web complaint (its attachments), checked alike: PDF, JPEG or
 * PNG by their first bytes (a declared type that is not one of these, or that contradicts the content, → 415;
 * {@code application/octet-stream} is judged by content alone), an empty file → 400, more than
 * {@code intake.letters.max-files} files, a file above {@code max-file-size} or all above {@code max-total-size} → 413.
 * With a field name, each refusal also names the file as a field error ({@code attachments[0]} for the first).
 */
@ApplicationScoped
class UploadedFiles {
    private static final Set<String> DECLARABLE =
            Set.of(ScannedFile.PDF, ScannedFile.JPEG, ScannedFile.PNG, "image/jpg", "application/octet-stream");

    private final IntakeConfig.Letters limits;

    UploadedFiles(IntakeConfig config) {
        this.limits = config.letters();
    }

    /** The files as accepted attachments, in their order; a problem for the first that is refused. */
    List<ScannedFile> read(List<FileUpload> files, String field) {
        if (files.size() > limits.maxFiles()) {
            throw refused(
                    413,
                    "too-many-attachments",
                    "附件数量过多",
                    "Too many attachments",
                    files.size() + " files, at most " + limits.maxFiles(),
                    field,
                    "最多可上传" + limits.maxFiles() + "个附件",
                    "at most " + limits.maxFiles() + " files");
        }
        long total = 0;
        List<ScannedFile> accepted = new ArrayList<>(files.size());
        for (FileUpload file : files) {
            int index = accepted.size();
            String name = safeName(file.fileName(), index + 1);
            String at = field == null ? null : field + "[" + index + "]";
            long maxSize = limits.maxFileSize().asLongValue();
            if (file.size() > maxSize) {
                throw refused(
                        413,
                        "attachment-too-large",
                        "附件过大",
                        "An attachment is too large",
                        name + " has " + file.size() + " bytes, at most " + maxSize,
                        at,
                        "文件过大，单个附件不能超过" + megabytes(maxSize),
                        "the file is too large, at most " + megabytes(maxSize));
            }
            total += file.size();
            long maxTotal = limits.maxTotalSize().asLongValue();
            if (total > maxTotal) {
                throw refused(
                        413,
                        "attachments-too-large",
                        "附件总大小超过上限",
                        "The attachments are too large together",
                        "more than " + maxTotal + " bytes in all",
                        at,
                        "附件总大小不能超过" + megabytes(maxTotal),
                        "all files together may have at most " + megabytes(maxTotal));
            }
            if (file.size() == 0) {
                throw refused(
                        400,
                        "empty-attachment",
                        "附件为空文件",
                        "An attachment is empty",
                        name + " has no content",
                        at,
                        "文件为空",
                        "the file is empty");
            }
            byte[] content = readAll(file);
            accepted.add(new ScannedFile(name, typeOf(file, name, content, at), content, ScannedFile.sha256(content)));
        }
        return accepted;
    }

    /** What the content is, provided the declared type allows it. */
    private static String typeOf(FileUpload file, String name, byte[] content, String at) {
        Optional<String> detected = ScannedFile.detectType(content);
        String declared = file.contentType() == null
                ? "application/octet-stream"
                : file.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (detected.isEmpty() || !DECLARABLE.contains(declared)) {
            throw refused(
                    415,
                    "unsupported-attachment-type",
                    "附件只能是 PDF、JPEG 或 PNG 文件",
                    "Attachments must be PDF, JPEG or PNG files",
                    detected.isEmpty()
                            ? name + " is not a PDF, JPEG or PNG file (by its content)"
                            : name + " was sent as " + declared,
                    at,
                    "只能上传 PDF、JPEG 或 PNG 文件",
                    "only PDF, JPEG or PNG files");
        }
        String normalised = declared.equals("image/jpg") ? ScannedFile.JPEG : declared;
        if (!normalised.equals("application/octet-stream") && !normalised.equals(detected.get())) {
            throw refused(
                    415,
                    "attachment-type-mismatch",
                    "附件的声明类型与文件内容不符",
                    "The declared type of an attachment does not match its content",
                    name + " was sent as " + declared + " but is " + detected.get(),
                    at,
                    "文件类型与内容不符",
                    "the file's type does not match its content");
        }
        return detected.get();
    }

    /** The file's own name without any directory, control or path characters; page-N when nothing is left. */
    static String safeName(String fileName, int position) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT
                        && cp != '"'
                        && cp != ';')
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            result = "page-" + position;
        }
        return result.length() > 200 ? result.substring(result.length() - 200) : result;
    }

    private static byte[] readAll(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static DomainException refused(
            int status,
            String slug,
            String title,
            String titleEn,
            String detail,
            String field,
            String message,
            String messageEn) {
        List<Problem.FieldError> errors =
                field == null ? List.of() : List.of(new Problem.FieldError(field, message, messageEn, null));
        return new RefusedFiles(status, slug, title, titleEn, detail, errors);
    }

    /** A refused upload: the letter's problem, with the file as a field error when the request names its files. */
    static final class RefusedFiles extends DomainException {
        private final List<Problem.FieldError> errors;

        RefusedFiles(int status, String slug, String title, String titleEn, String detail, List<Problem.FieldError> e) {
            super(status, slug, title, titleEn, detail);
            this.errors = e;
        }

        @Override
        public List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
