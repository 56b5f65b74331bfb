import Foundation

/// How `centrale serve` runs.
public struct ServerSettings: Sendable {
    /// The address to listen on (127.0.0.1 by default: only this machine).
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one (tests).
    public var port: Int = 8080
    /// A PEM certificate chain and key, for HTTPS.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// The largest body accepted, in bytes (a trip-log file is at most 50 MB).
    public var maxBodyBytes: Int = 50_000_000
    /// How long a client may take to send a body; a slower one is answered 408.
    public var bodyTimeout: Duration = .seconds(60)
    /// How long a connection may stay idle before it is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// Failed token attempts allowed per client address in `failureWindow` seconds, before 429.
    public var failureLimit: Int = 10
    public var failureWindow: Double = 60

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
