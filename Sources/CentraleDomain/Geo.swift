import Foundation

/// A point on the map in WGS84 degrees.
public struct Coordinate: Hashable, Sendable, Codable {
    /// Latitude in degrees, -90...90.
    public var latitude: Double
    /// Longitude in degrees, -180...180.
    public var longitude: Double

    /// Creates a coordinate; callers validate the ranges (see `isValid`).
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Whether latitude and longitude are within their ranges.
    public var isValid: Bool { (-90...90).contains(latitude) && (-180...180).contains(longitude) }
}

/// Estimates road distances where no road network is available.
///
/// The estimate is the great-circle (haversine) distance multiplied by a road-circuity
/// factor: roads are longer than the straight line (typically 1.2–1.4 around Florence).
/// The factor is set in `data/convention.toml` under `[geography] road_circuity`.
public struct RoadDistanceEstimator: Sendable, Hashable {
    /// Mean Earth radius in metres (IUGG).
    public static let earthRadiusMetres = 6_371_008.8

    /// Road length divided by straight-line length; at least 1.
    public let circuity: Double

    /// Creates an estimator with a circuity factor (1 means straight lines).
    public init(circuity: Double) { self.circuity = circuity }

    /// The great-circle distance between two points, in (fractional) metres.
    public static func greatCircleMetres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let sinLat = sin(dLat / 2), sinLon = sin(dLon / 2)
        let h = sinLat * sinLat + cos(a.latitude * radians) * cos(b.latitude * radians) * sinLon * sinLon
        return 2 * earthRadiusMetres * asin(min(1, h.squareRoot()))
    }

    /// The estimated road distance between two points, rounded to the metre.
    public func roadDistance(_ a: Coordinate, _ b: Coordinate) -> Distance {
        Distance(metres: Int((Self.greatCircleMetres(a, b) * circuity).rounded()))
    }

    /// The estimated road distance along a path of points (sum of its legs).
    public func roadDistance(along points: [Coordinate]) -> Distance {
        zip(points, points.dropFirst()).reduce(.zero) { $0 + roadDistance($1.0, $1.1) }
    }
}
