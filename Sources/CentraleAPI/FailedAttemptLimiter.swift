/// Failed authentication attempts counted per client in a sliding window: once a client has
/// failed `limit` times within `window` seconds, it is refused (HTTP 429) until its oldest
/// failure leaves the window. A pure state machine: the caller gives the time.
public struct FailedAttemptLimiter: Sendable {
    /// Failures allowed in the window.
    public let limit: Int
    /// The window, in seconds.
    public let window: Double
    /// The most clients tracked at once; the oldest are forgotten first (bounded memory).
    public let capacity: Int
    private var failures: [String: [Double]] = [:]

    public init(limit: Int = 10, window: Double = 60, capacity: Int = 10_000) {
        precondition(limit > 0 && window > 0 && capacity > 0)
        self.limit = limit
        self.window = window
        self.capacity = capacity
    }

    /// The seconds `client` must wait at `now` (rounded up, at least 1), or nil when it may try.
    public mutating func retryAfter(_ client: String, now: Double) -> Int? {
        prune(client, now: now)
        guard let times = failures[client], times.count >= limit, let oldest = times.first else { return nil }
        return max(1, Int((oldest + window - now).rounded(.up)))
    }

    /// Counts a failed attempt of `client` at `now`.
    public mutating func recordFailure(_ client: String, now: Double) {
        prune(client, now: now)
        if failures[client] == nil && failures.count >= capacity {
            // Forget the client whose latest failure is oldest.
            if let stalest = failures.min(by: { ($0.value.last ?? 0) < ($1.value.last ?? 0) })?.key { failures[stalest] = nil }
        }
        failures[client, default: []].append(now)
    }

    /// The clients tracked now (for tests and the access log).
    public var trackedClients: Int { failures.count }

    private mutating func prune(_ client: String, now: Double) {
        guard var times = failures[client] else { return }
        times.removeAll { $0 <= now - window }
        failures[client] = times.isEmpty ? nil : times
    }
}
