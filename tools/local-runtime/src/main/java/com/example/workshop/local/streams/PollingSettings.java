package com.example.workshop.local.streams;

import java.time.Duration;

/**
 * How often the local mapping polls and how it backs off.
 *
 * <p>Lambda polls each shard 4 times a second; locally we poll every 100 ms, so a visit shows up in the
 * stream processor's logs about as fast as on AWS (GetRecords on dynoxide is a loopback call of well under
 * a millisecond when idle).
 *
 * @param pollInterval           pause between two GetRecords calls that found nothing to deliver
 * @param firstRetryDelay        pause before the first retry of a failed batch; doubles with each retry
 * @param maxRetryDelay          cap of that pause
 * @param shardDiscoveryInterval pause between two DescribeStream calls looking for new shards
 */
public record PollingSettings(Duration pollInterval, Duration firstRetryDelay, Duration maxRetryDelay,
                              Duration shardDiscoveryInterval) {

    public static final PollingSettings DEFAULT = new PollingSettings(
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1));

    Duration retryDelay(int retriesSoFar) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(retriesSoFar, 16));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
