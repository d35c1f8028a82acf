package com.example.workshop.local.template;

import java.util.List;

/**
 * One IAM statement of a function's execution role, as written inline or expanded from a SAM policy
 * template. Resources may hold unresolved intrinsics; {@link Resolver#policy} resolves them.
 *
 * @param sid    null when the template gives none
 * @param effect {@code Allow} or {@code Deny}
 */
public record PolicyStatement(String sid, String effect, List<String> actions, List<Object> resources) {

    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }
}
