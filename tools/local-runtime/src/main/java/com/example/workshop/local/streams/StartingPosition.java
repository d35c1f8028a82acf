package com.example.workshop.local.streams;

/** Where a new event source mapping starts reading each shard that is open when it starts. */
public enum StartingPosition {
    /** The oldest record the stream still holds. */
    TRIM_HORIZON,
    /** Only records written after the mapping started. */
    LATEST
}
