package org.openysb.problem;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to {@code application/problem+json}. Stack traces and class names never leave the service. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ValidatorFactory validatorFactory;

    public ProblemMappers(ValidatorFactory validatorFactory) {
        this.validatorFactory = validatorFactory;
    }

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(new Problem(
                Problem.TYPE_PREFIX + e.slug(),
                e.title(),
                e.titleEn(),
                e.status(),
                e.getMessage(),
                path(uri),
                e.errors()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(this::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(
                Problem.TYPE_PREFIX + "validation",
                "请求内容不符合要求",
                "The request is not valid",
                400,
                errors.stream().map(f -> f.field() + ": " + f.messageEn()).collect(Collectors.joining("; ")),
                path(uri),
                errors));
    }

    /**
     * A body of valid JSON but of another shape ({@code []} for an object, a string for a number, an unknown enum
     * value). Mapped by itself: quarkus-rest-jackson's own mapper for it would otherwise win and answer without a body.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        List<Problem.FieldError> errors = field == null
                ? List.of()
                : List.of(new Problem.FieldError(field, "格式或取值不正确", "wrong format or value", null));
        return respond(new Problem(
                Problem.TYPE_PREFIX + "malformed-body",
                "请求体不是有效的 JSON 或字段类型不正确",
                "The body is not valid JSON or a field has the wrong type",
                400,
                detail(e, field),
                path(uri),
                errors));
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyLimits.TooLarge e, UriInfo uri) {
        return respond(BodyLimits.tooLarge(e.limit(), path(uri)));
    }

    /**
     * A multipart body that ends before its closing boundary (or has none) is the client's mistake; any other I/O
     * failure is unexpected.
     */
    @ServerExceptionMapper
    public Response io(IOException e, UriInfo uri) {
        boolean multipart = e.getStackTrace().length > 0
                && e.getStackTrace()[0].getClassName().contains(".multipart.");
        if (!multipart) {
            return unexpected(e, uri);
        }
        return respond(new Problem(
                Problem.TYPE_PREFIX + "malformed-multipart",
                "请求体不是完整的 multipart/form-data",
                "The body is not complete multipart/form-data",
                400,
                "the multipart body ends before its closing boundary",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(
                        Problem.TYPE_PREFIX + "unauthorized",
                        "需要登录",
                        "Authentication required",
                        401,
                        "a valid bearer token is required",
                        path(uri),
                        List.of())))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(
                Problem.TYPE_PREFIX + "forbidden",
                "无权执行此操作",
                "Not allowed for your role",
                403,
                "your roles do not allow this request",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return respond(new Problem(
                Problem.TYPE_PREFIX + "http-" + status,
                chineseTitle(status, reason),
                reason,
                status,
                status >= 500 ? null : e.getMessage(),
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return respond(new Problem(
                Problem.TYPE_PREFIX + "internal",
                "系统内部错误，请稍后再试",
                "Internal error, please try again later",
                500,
                "incident " + incident,
                path(uri),
                List.of()));
    }

    private Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        String field = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .skip(2) // method name and parameter name of a resource method
                .map(node -> node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName())
                .filter(name -> name != null && !name.isEmpty())
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            field = violation.getPropertyPath().toString();
        }
        Object rejected = violation.getInvalidValue();
        boolean simple = rejected instanceof String || rejected instanceof Number || rejected instanceof Boolean;
        String text = rejected instanceof String s && s.length() > 100 ? s.substring(0, 100) + "…" : null;
        return new Problem.FieldError(
                field,
                interpolate(violation, Locale.SIMPLIFIED_CHINESE),
                interpolate(violation, Locale.ENGLISH),
                simple ? (text != null ? text : rejected) : null);
    }

    private String interpolate(ConstraintViolation<?> violation, Locale locale) {
        MessageInterpolator interpolator = validatorFactory.getMessageInterpolator();
        try {
            return interpolator.interpolate(
                    violation.getMessageTemplate(),
                    new MessageInterpolator.Context() {
                        @Override
                        public ConstraintDescriptor<?> getConstraintDescriptor() {
                            return violation.getConstraintDescriptor();
                        }

                        @Override
                        public Object getValidatedValue() {
                            return violation.getInvalidValue();
                        }

                        @Override
                        public <T> T unwrap(Class<T> type) {
                            throw new jakarta.validation.ValidationException("not supported: " + type);
                        }
                    },
                    locale);
        } catch (RuntimeException e) {
            return violation.getMessage();
        }
    }

    /**
     * What is wrong with the body, in words of the API: where the JSON breaks off, or which field has the wrong type
     * or value — never Jackson's own message, which names Java classes and quotes the body.
     */
    private static String detail(JsonProcessingException e, String field) {
        if (field != null) {
            return field + ": wrong type or value";
        }
        if (e instanceof MismatchedInputException) {
            return "the body does not have the documented shape (e.g. an array where an object is expected)";
        }
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0
                ? "the body is not valid JSON"
                : "the body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr()
                        + ")";
    }

    static String chineseTitle(int status, String fallback) {
        return switch (status) {
            case 400 -> "请求有误";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 406, 415 -> "不支持的内容类型";
            case 409 -> "与当前状态冲突";
            case 411 -> "请求需要注明内容长度";
            case 413 -> "内容过大";
            case 429 -> "请求过于频繁，请稍后再试";
            case 503 -> "服务暂不可用";
            default -> fallback;
        };
    }

    static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
