package com.example.workshop.local.template;

/**
 * A template the local runtime cannot run exactly as AWS would. The message names the file, the
 * resource (or section) and the property path, and is meant to be shown to the user as it is.
 */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
