package com.example.workshop.local.http;

/** One header line of an HTTP message, its name as the sender spelled it. */
public record Header(String name, String value) {
}
