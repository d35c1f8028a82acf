package com.example.workshop.docs;

/** One way a guide disagrees with the repository, located at a line of a Markdown file. */
public record Problem(String doc, int line, String message) {

    @Override
    public String toString() {
        return doc + ":" + line + ": " + message;
    }
}
