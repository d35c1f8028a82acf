package com.example.workshop.local.http;

/** A request as received and checked: its line, its head (the line again, and the headers) and its body. */
public record Request(RequestLine line, HttpHead head, byte[] body) {
}
