import CentraleFormats

/// A dial-a-ride benchmark instance in Cordeau's (2006) format: a first line `K n T Q L`
/// (vehicles, requests, maximum route duration, capacity, maximum ride time), then 2n+2 rows
/// `id x y service load earliest latest` (node 0 the depot, 1…n pickups, n+1…2n drop-offs,
/// 2n+1 the depot again). Distances are Euclidean and travel time equals distance.
///
/// Node indices in the problem are the ids of the file, so routes read back directly.
public struct CordeauInstance: Sendable {
    /// The instance's name, e.g. `a2-16`.
    public var name: String
    /// The problem to solve.
    public var problem: PlanningProblem

    /// Reads an instance; errors name the file, line and field.
    public init(text: String, fileName: String, name: String) throws(FieldError) {
        self.name = name
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated().map { (number: $0.offset + 1, fields: $0.element.split(whereSeparator: \.isWhitespace)) }
            .filter { !$0.fields.isEmpty }
        guard let header = lines.first else {
            throw FieldError(SourceLocation(file: fileName, line: 1), field: "", BenchmarkFileProblem.empty)
        }
        func number(_ line: (number: Int, fields: [Substring]), _ index: Int, _ field: String) throws(FieldError) -> Double {
            let location = SourceLocation(file: fileName, line: line.number)
            guard index < line.fields.count else {
                throw FieldError(location, field: field, BenchmarkFileProblem.missingField)
            }
            guard let value = Double(line.fields[index]), value.isFinite else {
                throw FieldError(location, field: field, BenchmarkFileProblem.notANumber(String(line.fields[index])))
            }
            return value
        }
        let vehicles = Int(try number(header, 0, "K (vehicles)"))
        let requests = Int(try number(header, 1, "n (requests)"))
        let duration = try number(header, 2, "T (maximum route duration)")
        let capacity = Int(try number(header, 3, "Q (capacity)"))
        let maxRide = try number(header, 4, "L (maximum ride time)")
        let rows = Array(lines.dropFirst())
        let count = 2 * requests + 2
        guard vehicles > 0, requests > 0 else {
            throw FieldError(SourceLocation(file: fileName, line: header.number), field: "K n", BenchmarkFileProblem.noVehicleOrRequest)
        }
        guard rows.count >= count else {
            throw FieldError(SourceLocation(file: fileName, line: (lines.last?.number ?? 1) + 1), field: "",
                             BenchmarkFileProblem.tooFewRows(expected: count, requests: requests, found: rows.count))
        }
        var xs = [Double](), ys = [Double](), nodes = [PlanningProblem.Node](), loads = [Int]()
        for (index, row) in rows.prefix(count).enumerated() {
            let id = Int(try number(row, 0, "id"))
            guard id == index else {
                throw FieldError(SourceLocation(file: fileName, line: row.number), field: "id", BenchmarkFileProblem.wrongNode(expected: index, found: id))
            }
            xs.append(try number(row, 1, "x"))
            ys.append(try number(row, 2, "y"))
            let service = try number(row, 3, "service"), load = Int(try number(row, 4, "load"))
            let earliest = try number(row, 5, "earliest"), latest = try number(row, 6, "latest")
            guard earliest <= latest else {
                throw FieldError(SourceLocation(file: fileName, line: row.number), field: "earliest",
                                 BenchmarkFileProblem.windowClosesBeforeOpening(earliest: earliest, latest: latest))
            }
            nodes.append(PlanningProblem.Node(earliest: earliest, latest: latest, service: service))
            loads.append(load)
        }
        var matrix = [Double](repeating: 0, count: count * count)
        for a in 0..<count {
            for b in 0..<count {
                let dx = xs[a] - xs[b], dy = ys[a] - ys[b]
                matrix[a * count + b] = (dx * dx + dy * dy).squareRoot()
            }
        }
        let requestList = (1...requests).map {
            PlanningProblem.Request(pickup: $0, dropoff: requests + $0, load: Load(seats: loads[$0]), maxRide: maxRide)
        }
        let vehicleList = (0..<vehicles).map { _ in
            PlanningProblem.Vehicle(start: 0, end: count - 1, capacity: Load(seats: capacity), maxDuration: duration)
        }
        problem = PlanningProblem(nodes: nodes, requests: requestList, vehicles: vehicleList, travelTime: matrix, distance: matrix)
    }
}
