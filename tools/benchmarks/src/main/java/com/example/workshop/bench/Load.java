package com.example.workshop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: {@code clients} threads each send one request after another, until {@code maxRequests} have
 * been sent in all or {@code millis} have passed. Any failed request fails the run.
 */
final class Load {

    /** What one load run achieved. */
    record Result(int requests, double seconds, List<Double> latenciesMs) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private Load() {
    }

    static Result run(int clients, long millis, int maxRequests, Runnable request) {
        AtomicInteger budget = new AtomicInteger(maxRequests);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end && budget.getAndDecrement() > 0 && failures.isEmpty()) {
                    long sent = System.nanoTime();
                    try {
                        request.run();
                    } catch (RuntimeException e) {
                        failures.add(e);
                        return;
                    }
                    latencies.add((System.nanoTime() - sent) / 1e6);
                }
            }));
        }
        threads.forEach(Load::join);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
        return new Result(latencies.size(), seconds, List.copyOf(latencies));
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
