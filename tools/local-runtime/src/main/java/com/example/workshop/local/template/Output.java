package com.example.workshop.local.template;

/** An entry of the Outputs section; the value may be an unresolved {@link Intrinsic}. */
public record Output(String name, String description, Object value) {}
