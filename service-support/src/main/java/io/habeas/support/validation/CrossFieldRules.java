package io.habeas.support.validation;

import java.util.Map;

/**
 * A value whose fields constrain each other. Each broken rule names the property it is
 * reported on, so the caller sees the field to fix.
 */
public interface CrossFieldRules {
    Map<String, String> brokenRules();
}
