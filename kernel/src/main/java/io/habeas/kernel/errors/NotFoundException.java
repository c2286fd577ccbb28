package io.habeas.kernel.errors;

/** A named resource does not exist: NOT_FOUND. */
public class NotFoundException extends RuntimeException {
    private final String resourceName;

    public NotFoundException(String resourceName) {
        super(resourceName + " does not exist");
        this.resourceName = resourceName;
    }

    public String resourceName() {
        return resourceName;
    }
}
