import CentraleFormats

/// The best known costs of benchmark instances, from a CSV file with a column `instance` and the
/// cost in the next column (e.g. `instance,obj_rf_logged,lower_bound_rf_logged`).
public enum BestKnownCosts {
    /// The cost of each instance by name. A row with an empty cost is skipped; a cost that is not a
    /// number is an error naming its line.
    public static func read(text: String, fileName: String) throws -> [String: Double] {
        let table = try CSVTable(text: text, fileName: fileName, required: ["instance"])
        guard let index = table.columns.firstIndex(of: "instance"), index + 1 < table.columns.count else {
            throw FieldError(SourceLocation(file: fileName, line: 1), field: "", BenchmarkFileProblem.noCostColumn)
        }
        let costColumn = table.columns[index + 1]
        var costs: [String: Double] = [:]
        for row in table.rows {
            let text = table.value(costColumn, in: row)
            if text.isEmpty { continue }
            guard let cost = Double(text), cost.isFinite else {
                throw FieldError(table.location(of: row), field: costColumn, BenchmarkFileProblem.notANumber(String(text)))
            }
            costs[table.value("instance", in: row)] = cost
        }
        return costs
    }
}
