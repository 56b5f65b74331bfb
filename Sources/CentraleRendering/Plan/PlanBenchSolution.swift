import CentraleFormats
import CentralePlanning
import Foundation

/// A benchmark solution as written by `plan-bench`: the instance's name, the routes' total
/// length (to 4 decimals) and each used vehicle's node ids, depots omitted.
public struct PlanBenchSolution: Encodable, Equatable, Sendable {
    public var instance: String
    public var cost: Double
    public var routes: [[Int]]

    public init(instance: String, result: PlanningResult) {
        self.instance = instance
        // The value a reader of the cost written with 4 decimals gets.
        self.cost = Double(String(format: "%.4f", result.distance)) ?? result.distance
        self.routes = result.routes.map(\.stops)
    }

    /// One line of JSON with a final newline.
    public var json: String {
        get throws { try JSONText.line(self) + "\n" }
    }
}
