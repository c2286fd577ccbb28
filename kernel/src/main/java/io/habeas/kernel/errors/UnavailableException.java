package io.habeas.kernel.errors;

/**
 * A service this one depends on could not answer in time (down, overloaded, or slower than
 * the deadline): UNAVAILABLE. Nothing was stored, so the caller may retry the same request.
 */
public class UnavailableException extends RuntimeException {
    private final String dependency;

    public UnavailableException(String dependency, String description, Throwable cause) {
        super(description, cause);
        this.dependency = dependency;
    }

    /** The service that could not answer, such as "detention-service". */
    public String dependency() {
        return dependency;
    }
}
