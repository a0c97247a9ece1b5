package org.hotline.panel.http;

/**
 * A refusal a user (or their browser) caused: rendered as {@code {"error": code, "message": ...}}
 * with the given HTTP status. The message is shown to the user, so it says what is wrong and
 * what to do; it never carries a stack trace.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }

    public String code() { return code; }

    public static ApiException badRequest(String message) { return new ApiException(400, "bad_request", message); }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Log in first: no valid session (it may have expired).");
    }

    public static ApiException forbidden(String message) { return new ApiException(403, "forbidden", message); }

    public static ApiException notFound(String message) { return new ApiException(404, "not_found", message); }

    public static ApiException conflict(String code, String message) { return new ApiException(409, code, message); }

    public static ApiException unprocessable(String code, String message) { return new ApiException(422, code, message); }
}
