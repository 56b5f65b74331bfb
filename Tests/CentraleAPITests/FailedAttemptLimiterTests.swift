import Testing
@testable import CentraleAPI

@Suite struct FailedAttemptLimiterTests {
    @Test func refusesAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
        var limiter = FailedAttemptLimiter(limit: 3, window: 60)
        for t in [0.0, 10, 20] {
            #expect(limiter.retryAfter("1.2.3.4", now: t) == nil)
            limiter.recordFailure("1.2.3.4", now: t)
        }
        #expect(limiter.retryAfter("1.2.3.4", now: 21) == 39)
        #expect(limiter.retryAfter("5.6.7.8", now: 21) == nil, "another client is not affected")
        #expect(limiter.retryAfter("1.2.3.4", now: 59.5) == 1)
        #expect(limiter.retryAfter("1.2.3.4", now: 60) == nil, "the failure at 0 has left the window")
    }

    @Test func forgetsTheStalestClientBeyondItsCapacity() {
        var limiter = FailedAttemptLimiter(limit: 1, window: 600, capacity: 2)
        limiter.recordFailure("a", now: 1)
        limiter.recordFailure("b", now: 2)
        limiter.recordFailure("c", now: 3)
        #expect(limiter.trackedClients == 2)
        #expect(limiter.retryAfter("a", now: 4) == nil)
        #expect(limiter.retryAfter("c", now: 4) != nil)
    }
}
